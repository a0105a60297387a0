export interface SearchHit {
  documentId: string;
  documentTitle: string;
  /** The document version the offsets below belong to. */
  version: number;
  /** The block (turn) holding the hit, in code points. */
  blockStart: number;
  blockEnd: number;
  /** The first match in it, in code points. */
  start: number;
  end: number;
  /** The block's text, with the matches marked. */
  segments: { text: string; match: boolean }[];
}
