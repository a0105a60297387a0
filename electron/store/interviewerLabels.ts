import { foldText } from '../../shared/attributeValues';

// Folded: "Enquêteur", "ENQUETRICE" and "Int." are all the interviewer. "E" and "I" are not
// here: transcribers use them as often for the interviewee (enquêté, interviewé).
const labels = new Set([
  'q',
  'int',
  'interviewer',
  'intervieweur',
  'intervieweuse',
  'interviewer.e',
  'enqueteur',
  'enqueteuse',
  'enquetrice',
  'chercheur',
  'chercheuse',
  'moderateur',
  'moderatrice',
  'animateur',
  'animatrice',
]);

/** Whether a speaker's label is one transcribers use for the interviewer. */
export function isInterviewerLabel(speaker: string): boolean {
  return labels.has(foldText(speaker).replace(/[.\s]+$/u, ''));
}
