import type { Block } from './blocks';
import { blockText } from './blocks';

/** Month names and their usual abbreviations, French and English, accents folded. */
const months: [RegExp, number][] = [
  [/^(janv(ier)?|jan(uary)?)$/, 1],
  [/^(fevr?(ier)?|feb(ruary)?)$/, 2],
  [/^(mars|mar(ch)?)$/, 3],
  [/^(avr(il)?|apr(il)?)$/, 4],
  [/^(mai|may)$/, 5],
  [/^(juin|june?)$/, 6],
  [/^(juil(let)?|july?)$/, 7],
  [/^(aout|aug(ust)?)$/, 8],
  [/^(sept?(embre)?|sep(tember)?)$/, 9],
  [/^(oct(obre)?|oct(ober)?)$/, 10],
  [/^(nov(embre)?|nov(ember)?)$/, 11],
  [/^(dec(embre)?|dec(ember)?)$/, 12],
];

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function monthNumber(word: string): number | null {
  const folded = fold(word).replace(/\.$/, '');
  return months.find(([pattern]) => pattern.test(folded))?.[1] ?? null;
}

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as headers write it: "14 mars 2024", "1er mars 2024", "mardi 14 mars 2024",
 * "March 14, 2024", "2024-03-14", "14/03/2024" (day first, as French and most of
 * the world write it; "03/04/2024" is read so). Null when it is no whole date.
 */
export function parseHeaderDate(value: string): string | null {
  const text = value.trim().replace(/[\u00a0\u202f]/g, ' ');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (match) return iso(Number(match[3]), Number(match[2]), Number(match[1]));
  // An optional weekday first ("mardi", "Tuesday,").
  const words = text.replace(/^\p{L}+,?\s+(?=\d)/u, '');
  match = /^(\d{1,2})(?:er)?\s+(\p{L}+\.?)\s+(\d{4})$/u.exec(words);
  if (match) {
    const month = monthNumber(match[2]!);
    return month ? iso(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^(?:\p{L}+,?\s+)?(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    return month ? iso(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}

/** How far into a file its header lines are looked for. */
const HEADER_BLOCKS = 20;

const dateLine =
  /^date(?:\s+(?:de\s+l['’]entretien|de\s+l['’]interview|of\s+(?:the\s+)?interview))?\s*:\s*(.+)$/iu;

/**
 * The interview's date from a header line of the transcript ("Date : 14 mars
 * 2024", "Date de l'entretien : 03/04/2024"), for the document's date; null if
 * there is none or it is no whole date.
 */
export function headerDate(blocks: readonly Block[]): string | null {
  for (const block of blocks.slice(0, HEADER_BLOCKS)) {
    if (block.speaker) continue;
    const match = dateLine.exec(blockText(block).trim());
    if (match) return parseHeaderDate(match[1]!);
  }
  return null;
}
