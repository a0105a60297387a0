import { foldForComparison } from './text/fold';
import type { AttributeType, AttributeValue } from './cases';

export type ParsedValue =
  | { ok: true; value: AttributeValue | null }
  | { ok: false; kind: 'badNumber' | 'badDate' | 'badBoolean' | 'badChoice' };

const truthy = new Set(['yes', 'oui', 'true', 'vrai', '1', 'y', 'o']);
const falsy = new Set(['no', 'non', 'false', 'faux', '0', 'n']);

/** A name or value as Axial compares them: accents, case and ligatures folded ("Cœur" is "coeur"). */
export function foldText(text: string): string {
  return foldForComparison(text).trim();
}

/** "523 000", "12,5", "1.234,5", "1,234.5" → a number, as French and English spreadsheets write them. */
export function parseNumber(raw: string): number | null {
  let text = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (!text) return null;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) {
    text = comma > dot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (comma !== -1) {
    // One comma with 1–2 or 4+ digits after it is a decimal comma; "200,000" with exactly three is ambiguous
    // and read as a decimal comma too, as French Excel writes numbers.
    if ((text.match(/,/g) ?? []).length > 1) text = text.replace(/,/g, '');
    else text = text.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** yyyy-mm-dd, or dd/mm/yyyy as French spreadsheets write dates. */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const french = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (french) return validDate(Number(french[3]), Number(french[2]), Number(french[1]));
  return null;
}

/** Reads a value typed or imported for an attribute; empty means "no value". */
export function parseAttributeValue(
  type: AttributeType,
  input: unknown,
  choices: readonly string[] = [],
): ParsedValue {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') {
    if (type === 'number' && Number.isFinite(input)) return { ok: true, value: input };
    return parseAttributeValue(type, String(input), choices);
  }
  if (typeof input === 'boolean') {
    if (type === 'boolean') return { ok: true, value: input };
    return parseAttributeValue(type, input ? 'true' : 'false', choices);
  }
  if (input instanceof Date) {
    return parseAttributeValue(type, input.toISOString().slice(0, 10), choices);
  }
  const text = String(input).trim();
  if (text === '') return { ok: true, value: null };
  switch (type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const value = parseNumber(text);
      return value === null ? { ok: false, kind: 'badNumber' } : { ok: true, value };
    }
    case 'date': {
      const value = parseDate(text);
      return value === null ? { ok: false, kind: 'badDate' } : { ok: true, value };
    }
    case 'boolean': {
      const folded = foldText(text);
      if (truthy.has(folded)) return { ok: true, value: true };
      if (falsy.has(folded)) return { ok: true, value: false };
      return { ok: false, kind: 'badBoolean' };
    }
    case 'choice': {
      const match = choices.find((choice) => foldText(choice) === foldText(text));
      return match === undefined ? { ok: false, kind: 'badChoice' } : { ok: true, value: match };
    }
  }
}

/** The text stored for a value. */
export function storeValue(value: AttributeValue): string {
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

/** A stored text back to its typed value. */
export function loadValue(type: AttributeType, stored: string): AttributeValue {
  if (type === 'number') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}

/** The type a column of imported text most likely has. */
export function guessType(values: readonly string[]): { type: AttributeType; choices: string[] } {
  const present = values.map((value) => value.trim()).filter(Boolean);
  if (present.length === 0) return { type: 'text', choices: [] };
  if (present.every((value) => truthy.has(foldText(value)) || falsy.has(foldText(value)))) {
    return { type: 'boolean', choices: [] };
  }
  if (present.every((value) => parseNumber(value) !== null)) return { type: 'number', choices: [] };
  if (present.every((value) => parseDate(value) !== null)) return { type: 'date', choices: [] };
  const distinct = [...new Map(present.map((value) => [foldText(value), value])).values()];
  if (distinct.length <= 8 && distinct.length < present.length)
    return { type: 'choice', choices: distinct };
  return { type: 'text', choices: [] };
}

export function compareValues(left: AttributeValue, right: AttributeValue): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right));
}
