/** The intermediate form every import reduces to before it becomes an editor document. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Block {
  type: 'paragraph' | 'heading';
  level?: 1 | 2 | 3;
  list?: 'bullet' | 'ordered';
  inlines: Inline[];
  speaker?: string;
  /** The label as written ("MARIE : "), put back if the researcher says it is not a speaker. */
  speakerLabel?: string;
  time?: number;
  /** The page of the original it was printed on (a PDF's). */
  page?: number;
}

export function blockText(block: Block): string {
  return block.inlines.map((inline) => inline.text).join('');
}
