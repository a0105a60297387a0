/** How a quotation names where it comes from, as the project's article does. */
export const quoteReferenceStyles = [
  'participant-case',
  'participant',
  'case',
  'document',
] as const;
export type QuoteReferenceStyle = (typeof quoteReferenceStyles)[number];

/** A coded passage marked for the write-up, with what it cites. */
export interface Quotation {
  id: string;
  codingId: string;
  codeId: string;
  documentId: string;
  documentTitle: string;
  /** Where its words are in the document now (code points). */
  start: number;
  end: number;
  /** The passage's words, as the document holds them now. */
  text: string;
  /** The researcher's cut ("[…]"), or '' to quote the passage whole. */
  shortForm: string;
  /**
   * False once the passage's words were edited so that the short form holds
   * words it no longer has: it is then not cited, the passage is, whole.
   */
  shortFormHeld: boolean;
  speaker: string | null;
  /**
   * Speakers of the turns the passage runs into after its first: a quotation
   * over the interviewer's next question cites words that are not the
   * participant's, and says so.
   */
  otherSpeakers: string[];
  participantNames: string[];
  caseNames: string[];
  /** Where it comes from, in the project's reference style ("DGS de A, Collectivité A"). */
  reference: string;
  position: number;
}

/** The reference a quotation carries in a style: names joined, the document's title when none. */
export function quoteReference(
  style: QuoteReferenceStyle,
  source: {
    participantNames: string[];
    caseNames: string[];
    documentTitle: string;
    /** The page of the original (a PDF's) the words are on. */
    page?: number | null;
  },
): string {
  const participants = source.participantNames.join(', ');
  const cases = source.caseNames.join(', ');
  const parts =
    style === 'participant-case'
      ? [participants, cases]
      : style === 'participant'
        ? [participants]
        : style === 'case'
          ? [cases]
          : [source.documentTitle];
  const who = parts.filter(Boolean).join(', ') || source.documentTitle;
  // "p." is the page's abbreviation in French and English citations alike.
  return typeof source.page === 'number' ? `${who}, p. ${source.page}` : who;
}

/** The words a write-up cites: the short form while the passage still holds it, else the passage whole. */
export function citedText(
  quotation: Pick<Quotation, 'text' | 'shortForm' | 'shortFormHeld'>,
): string {
  return (
    quotation.shortForm && quotation.shortFormHeld ? quotation.shortForm : quotation.text
  ).trim();
}
