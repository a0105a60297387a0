import { foldCharacter } from '../../shared/text/fold';

/** A name or variant to look for, and the entry it belongs to. */
export interface NameTerm {
  entryId: string;
  text: string;
}

/** Where a term is written: code points of the text searched, the words as written there. */
export interface NameMatch {
  entryId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * A text folded for matching (accents, case, ligatures; spaces of any kind
 * as one), with, for each folded unit, the code point of the text it comes
 * from: a match in the folded text is a range of the text as written.
 */
interface FoldedText {
  folded: string;
  /** `origin[i]`: the code point of the text UTF-16 unit i of `folded` comes from; one more entry, the length. */
  origin: number[];
}

const SPACE = /^[\s\u00a0\u202f]$/u;
const WORD = /[\p{L}\p{N}]/u;

function foldWithOrigins(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    // A line break ends a block: a name never runs from one paragraph into the next.
    if (character !== '\n' && SPACE.test(character)) {
      if (!folded.endsWith(' ')) {
        folded += ' ';
        origin.push(index);
      }
    } else {
      const piece = character === '\n' ? '\n' : foldCharacter(character);
      folded += piece;
      // Per UTF-16 unit, as indexOf counts: an emoji is two of them.
      for (let unit = 0; unit < piece.length; unit += 1) origin.push(index);
    }
    index += 1;
  }
  origin.push(index);
  return { folded, origin };
}

/** A term as it is compared: folded like the text, its spaces one each, trimmed. */
export function foldTerm(term: string): string {
  return foldWithOrigins(term.trim()).folded.trim();
}

/**
 * Whether the folded text at `index` is inside a word: a letter or digit, or a
 * hyphen between two letters ("Jean-Pierre" is one name, and "Jean" alone is
 * not in it). An apostrophe ends a word: "d'Aurélie" holds "Aurélie".
 */
function wordAt(folded: string, index: number): boolean {
  const character = folded[index];
  if (character === undefined) return false;
  if (WORD.test(character)) return true;
  return (
    character === '-' && WORD.test(folded[index - 1] ?? '') && WORD.test(folded[index + 1] ?? '')
  );
}

/**
 * Every whole-word occurrence of the terms in the text, accents, case and
 * spacing aside; where two overlap, the longer (then the earlier) is kept,
 * so "Aurélie Martin" is one occurrence, not "Aurélie" and "Martin".
 */
export function findNames(text: string, terms: readonly NameTerm[]): NameMatch[] {
  if (!text || !terms.length) return [];
  const { folded, origin } = foldWithOrigins(text);
  const found: { entryId: string; from: number; to: number }[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const needle = foldTerm(term.text);
    if (!needle || seen.has(`${term.entryId}\u0000${needle}`)) continue;
    seen.add(`${term.entryId}\u0000${needle}`);
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      // A boundary on each side: the needle's own edge is a word, the text beyond it is not.
      if (WORD.test(needle[0]!) && wordAt(folded, at - 1)) continue;
      if (WORD.test(needle[needle.length - 1]!) && wordAt(folded, end)) continue;
      found.push({ entryId: term.entryId, from: at, to: end });
    }
  }
  found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken: { from: number; to: number }[] = [];
  const kept: NameMatch[] = [];
  const points = Array.from(text);
  for (const match of found) {
    if (taken.some((range) => match.from < range.to && range.from < match.to)) continue;
    taken.push(match);
    const start = origin[match.from]!;
    const end = origin[match.to]!;
    kept.push({ entryId: match.entryId, start, end, text: points.slice(start, end).join('') });
  }
  return kept.sort((a, b) => a.start - b.start);
}
