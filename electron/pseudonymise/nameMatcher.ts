import { foldCharacter } from '../../shared/text/fold';

/** A name or variant to look for, and the entry it belongs to. */
export interface NameTerm {
  entryId: string;
  text: string;
  /** A one-word name written with a capital that is a common word too ("Petit"): see `capitalOnly`. */
  word?: boolean;
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

const LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;

/**
 * Whether the folded text at `index` is inside a word: a letter or digit, or a
 * hyphen between two letters that joins a capitalised word to it, as in a
 * compound name ("Jean-Pierre" is one name, and "Jean" alone is not in it).
 * A hyphen before a word in small letters joins no name: "entretien-marchand"
 * (a file's name) and "2024-03-14-lefevre" hold "marchand" and "lefevre".
 * An apostrophe ends a word: "d'Aurélie" holds "Aurélie".
 */
function wordAt(text: FoldedText, points: readonly string[], index: number): boolean {
  const { folded, origin } = text;
  const character = folded[index];
  if (character === undefined) return false;
  if (WORD.test(character)) return true;
  return (
    character === '-' &&
    LETTER.test(folded[index - 1] ?? '') &&
    LETTER.test(folded[index + 1] ?? '') &&
    CAPITAL.test(points[origin[index + 1]!] ?? '')
  );
}

/** One word, written with a capital: the form a name that is also a word takes. */
export function capitalisedWord(term: string): boolean {
  const trimmed = term.trim();
  return !/[\s\u00a0\u202f]/u.test(trimmed) && CAPITAL.test(Array.from(trimmed)[0] ?? '');
}

/**
 * Whether a term is found in prose only where the text writes it with a
 * capital: a surname that is a common word too ("Petit", "Blanc",
 * "Marchand"), since "un petit budget" names no one. Any other name, a name
 * of several words, a term typed in small letters, and any name in a label
 * (a title, a file's name, a speaker) are found however written: "thomas"
 * in a hurried transcript is Thomas.
 */
export function capitalOnly(term: NameTerm): boolean {
  return term.word === true && capitalisedWord(term.text);
}

/** Joins the parts of an address: "sophie.petit@…", "karim_marchand". */
const ADDRESS_JOIN = /^[.@_]$/u;

/**
 * Whether the folded text from `at` to `end` is part of an address or an
 * identifier (joined to a word by a dot, an at sign or an underscore):
 * there, names are written in small letters, and "petit" of
 * "sophie.petit@montreuil.fr" is Mme Petit. A dot that ends a sentence
 * ("vote blanc.") is followed by no word.
 */
function inAddress(folded: string, at: number, end: number): boolean {
  const joined = (join: string | undefined, beyond: string | undefined) =>
    join !== undefined && ADDRESS_JOIN.test(join) && WORD.test(beyond ?? '');
  return joined(folded[at - 1], folded[at - 2]) || joined(folded[end], folded[end + 1]);
}

/**
 * Every whole-word occurrence of the terms in the text, accents, case and
 * spacing aside (see `capitalOnly` for names that are words too); where two
 * overlap, the longer (then the earlier) is kept, so "Aurélie Martin" is one
 * occurrence, not "Aurélie" and "Martin".
 */
export function findNames(
  text: string,
  terms: readonly NameTerm[],
  /** A label (a title, a file's name, a speaker): names are written there in any case ("entretien-marchand"). */
  anyCase = false,
): NameMatch[] {
  if (!text || !terms.length) return [];
  const foldedText = foldWithOrigins(text);
  const { folded, origin } = foldedText;
  const points = Array.from(text);
  const found: { entryId: string; from: number; to: number }[] = [];
  // Forms the same once folded are one search; found however written if any of them is.
  const searches = new Map<string, { entryId: string; needle: string; capital: boolean }>();
  for (const term of terms) {
    const needle = foldTerm(term.text);
    if (!needle) continue;
    const key = `${term.entryId}\u0000${needle}`;
    const capital = !anyCase && capitalOnly(term);
    const held = searches.get(key);
    if (held) held.capital &&= capital;
    else searches.set(key, { entryId: term.entryId, needle, capital });
  }
  for (const { entryId, needle, capital } of searches.values()) {
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (capital && !CAPITAL.test(points[origin[at]!] ?? '') && !inAddress(folded, at, end))
        continue;
      // A boundary on each side: the needle's own edge is a word, the text beyond it is not.
      if (WORD.test(needle[0]!) && wordAt(foldedText, points, at - 1)) continue;
      if (WORD.test(needle[needle.length - 1]!) && wordAt(foldedText, points, end)) continue;
      found.push({ entryId, from: at, to: end });
    }
  }
  found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken: { from: number; to: number }[] = [];
  const kept: NameMatch[] = [];
  for (const match of found) {
    if (taken.some((range) => match.from < range.to && range.from < match.to)) continue;
    taken.push(match);
    const start = origin[match.from]!;
    const end = origin[match.to]!;
    kept.push({ entryId: match.entryId, start, end, text: points.slice(start, end).join('') });
  }
  return kept.sort((a, b) => a.start - b.start);
}
