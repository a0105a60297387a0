/** Interview guides: sections → questions → prompts, versioned, with answers in transcripts. */

export const guideItemKinds = ['section', 'question', 'prompt'] as const;
export type GuideItemKind = (typeof guideItemKinds)[number];

export interface GuideItem {
  id: string;
  parentId: string | null;
  kind: GuideItemKind;
  text: string;
  note: string;
  durationMinutes: number | null;
  position: number;
  /** Axes or variables of the codebook the question is meant to inform. */
  codeIds: string[];
  /** "2", "2.1" for a prompt: the numbering the interviewer reads. */
  number: string;
}

export interface GuideSummary {
  id: string;
  title: string;
  versionLabel: string;
  changeNote: string;
  basedOnId: string | null;
  questionCount: number;
  documentCount: number;
}

export interface GuideDetail extends GuideSummary {
  /** Every item, in reading order (a section, its questions, each followed by its prompts). */
  items: GuideItem[];
}

export interface Answer {
  id: string;
  documentId: string;
  itemId: string;
  start: number;
  end: number;
}

export interface AnswerProposal {
  itemId: string;
  /** The document version the offsets belong to: accepting carries it back. */
  version: number;
  /** The interviewer's turn found to ask the question. */
  askedAt: { start: number; end: number; text: string };
  score: number;
  start: number;
  end: number;
  excerpt: string;
  /** Where it starts and ends, to judge its extent before accepting it (a short one whole, in `firstWords`). */
  firstWords: string;
  lastWords: string;
  /** In characters (code points). */
  length: number;
  /** Turns of speech it spans. */
  turns: number;
  /** Milliseconds into the recording where it starts and where the next question comes, where turns carry times. */
  startTime: number | null;
  endTime: number | null;
  /** Over more turns than an answer usually takes: it may run over a question the guide does not hold. */
  long: boolean;
}

export interface CoverageCell {
  documentId: string;
  itemId: string;
  status: 'answered' | 'asked' | 'missing';
  answerId: string | null;
  start: number | null;
  end: number | null;
  /** Time spent on the answer, where the turns carry times. */
  milliseconds: number | null;
}

export interface Coverage {
  guideId: string;
  documents: { id: string; title: string }[];
  /** Questions, each followed by its prompts. */
  questions: {
    id: string;
    number: string;
    text: string;
    kind: 'question' | 'prompt';
    parentId: string | null;
  }[];
  cells: CoverageCell[];
}

export interface AnswerPassage {
  answer: Answer;
  documentTitle: string;
  text: string;
}
