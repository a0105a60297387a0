/**
 * The little XML the REFI-QDA export needs, written by hand: the schema fixes
 * the order of elements, and writing them in that order is clearer than
 * configuring a builder to keep it.
 */
import { escapeXmlAttribute, escapeXmlText } from '../xmlEscape';

export type Attributes = Record<string, string | number | boolean | null | undefined>;

function attributeText(attributes: Attributes): string {
  let result = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    result += ` ${name}="${escapeXmlAttribute(String(value))}"`;
  }
  return result;
}

/**
 * Appends elements to a list of strings, joined once at the end (exports hold
 * tens of thousands), or handed on a megabyte at a time to `onChunk`, which
 * can compress the start while the rest is written.
 */
export class XmlWriter {
  private parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private length = 0;

  constructor(
    private readonly onChunk?: (text: string) => void,
    private readonly chunkLength = 1 << 20,
  ) {}

  private push(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
    if (this.onChunk && this.length >= this.chunkLength) {
      this.onChunk(this.parts.join(''));
      this.parts = [];
      this.length = 0;
    }
  }

  open(name: string, attributes: Attributes = {}): void {
    this.push(`<${name}${attributeText(attributes)}>`);
  }

  close(name: string): void {
    this.push(`</${name}>`);
  }

  empty(name: string, attributes: Attributes = {}): void {
    this.push(`<${name}${attributeText(attributes)}/>`);
  }

  text(name: string, text: string, attributes: Attributes = {}): void {
    this.push(`<${name}${attributeText(attributes)}>${escapeXmlText(text)}</${name}>`);
  }

  /** Markup already written, its values escaped by the caller: the export's 10,000 selections. */
  raw(markup: string): void {
    this.push(markup);
  }

  /** What was written and not yet handed to `onChunk`: all of it, without one. */
  toString(): string {
    return this.parts.join('');
  }
}
