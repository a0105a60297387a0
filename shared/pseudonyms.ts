/** What an identifier names: the table is reviewed and exported by kind. */
export const pseudonymKinds = ['person', 'place', 'organisation', 'other'] as const;
export type PseudonymKind = (typeof pseudonymKinds)[number];

/** One identifier of the project's pseudonym table and what replaces it everywhere. */
export interface PseudonymEntry {
  id: string;
  kind: PseudonymKind;
  /** The name as written in full ("Aurélie Martin"). */
  real: string;
  /** Other ways it is written: first name, surname, initials, inflected forms. */
  variants: string[];
  pseudonym: string;
  /** The participant or case the entry was made from, if any. */
  source: { kind: 'participant' | 'case'; id: string } | null;
}

export type NewPseudonymEntry = Omit<PseudonymEntry, 'id' | 'source'> & {
  source?: PseudonymEntry['source'];
};

/** Where a real name or variant is written, found by the check. */
export interface IdentifierOccurrence {
  entryId: string;
  /** What holds it: a document's text or speaker label, a title, a memo, a name, a value. */
  place: IdentifierPlace;
  /** The words as written there, and a few words either side. */
  text: string;
  before: string;
  after: string;
  /** Left as written by the researcher ("Blanc" the colour): the exception's id. */
  leftId?: string;
  /** How many times it is written there: a speaker's label, once per turn. */
  times?: number;
}

/**
 * The two words after an occurrence, their punctuation aside: what tells "Petit à petit" (the phrase)
 * from "Petit à la réunion" (the name), so that occurrences written alike
 * can be left together.
 */
export function wordsAfter(occurrence: Pick<IdentifierOccurrence, 'after'>): string {
  return occurrence.after
    .trimStart()
    .split(/\s+/u)
    .slice(0, 2)
    .map((word) => word.replace(/[^\p{L}\p{N}’'-]/gu, ''))
    .join(' ');
}

/** Whether two occurrences of a text are written alike: the same entry, words and words after. */
export function writtenAlike(one: IdentifierOccurrence, other: IdentifierOccurrence): boolean {
  return (
    one.place.kind === 'text' &&
    other.place.kind === 'text' &&
    one.entryId === other.entryId &&
    one.text === other.text &&
    wordsAfter(one) === wordsAfter(other)
  );
}

/** Where the table's names are written: those to replace, and those left as written. */
export interface IdentifierOccurrences {
  occurrences: IdentifierOccurrence[];
  /** How many are to replace (more than listed when past the limit). */
  total: number;
  left: IdentifierOccurrence[];
}

export type IdentifierPlace =
  | {
      kind: 'text';
      documentId: string;
      documentTitle: string;
      /** The document's version the offsets were counted on. */
      version: number;
      start: number;
      end: number;
    }
  | { kind: 'speaker'; documentId: string; documentTitle: string }
  | { kind: 'field'; table: string; id: string; column: string; label: string };

/** A word written capitalised that no dictionary knows and the table does not hold. */
export interface IdentifierCandidate {
  text: string;
  /** What it is known to be (a French commune, département or région); a person otherwise, as the researcher sees. */
  kind?: PseudonymKind;
  occurrences: number;
  documents: number;
  /** One place it is written, to show. */
  example: { documentId: string; before: string; after: string };
}
