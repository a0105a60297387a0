/**
 * The little XML the REFI-QDA export needs, written by hand: the schema fixes
 * the order of elements, and writing them in that order is clearer than
 * configuring a builder to keep it.
 */
export type Attributes = Record<string, string | number | boolean | null | undefined>;

// XML 1.0 cannot carry most control characters, even escaped.
// eslint-disable-next-line no-control-regex -- these are exactly the characters removed
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// Most names and texts need no escaping: one test spares four replacements.
// eslint-disable-next-line no-control-regex -- control characters are among those handled
const NEEDS_ESCAPING = /[&<>"\u0000-\u001f\ufffe\uffff]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return (
    text
      .replace(FORBIDDEN, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A parser reads a raw CR LF as LF: the carriage return is kept only as a reference.
      .replace(/\r/g, '&#13;')
  );
}

export function escapeAttribute(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attributeText(attributes: Attributes): string {
  let result = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    result += ` ${name}="${escapeAttribute(String(value))}"`;
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
    this.parts.push(`<${name}${attributeText(attributes)}>${escapeText(text)}</${name}>`);
  }

  /** Markup already written, its values escaped by the caller: the export's 10,000 selections. */
  raw(markup: string): void {
    this.parts.push(markup);
  }

  toString(): string {
    return this.parts.join('');
  }
}
