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

/** Appends elements to a list of strings, joined once at the end (exports hold tens of thousands). */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];

  open(name: string, attributes: Attributes = {}): void {
    this.parts.push(`<${name}${attributeText(attributes)}>`);
  }

  close(name: string): void {
    this.parts.push(`</${name}>`);
  }

  empty(name: string, attributes: Attributes = {}): void {
    this.parts.push(`<${name}${attributeText(attributes)}/>`);
  }

  text(name: string, text: string, attributes: Attributes = {}): void {
    this.parts.push(`<${name}${attributeText(attributes)}>${escapeXmlText(text)}</${name}>`);
  }

  /** Markup already written, its values escaped by the caller: the export's 10,000 selections. */
  raw(markup: string): void {
    this.parts.push(markup);
  }

  toString(): string {
    return this.parts.join('');
  }
}
