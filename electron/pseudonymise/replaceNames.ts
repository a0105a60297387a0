import { codePointLength } from '../../shared/text/codePoints';
import type { NameMatch, NameTerm } from './nameMatcher';
import { findNames } from './nameMatcher';

/** One replacement made: where its pseudonym is in the new text (code points), and what it replaced. */
export interface Replacement {
  start: number;
  pseudonym: string;
  original: string;
}

/**
 * Where each match's pseudonym lands once all are replaced: matches in text
 * order, each moved by what the ones before it changed in length.
 */
export function replacementsFor(
  matches: readonly NameMatch[],
  pseudonymOf: ReadonlyMap<string, string>,
): Replacement[] {
  let shift = 0;
  return matches.map((match) => {
    const pseudonym = pseudonymOf.get(match.entryId)!;
    const replacement = { start: match.start + shift, pseudonym, original: match.text };
    shift += codePointLength(pseudonym) - (match.end - match.start);
    return replacement;
  });
}

/** A plain value (a title, a memo, a name) with every real name replaced, and what was replaced. */
export function replaceNames(
  text: string,
  terms: readonly NameTerm[],
  pseudonymOf: ReadonlyMap<string, string>,
  anyCase = false,
): { text: string; replacements: Replacement[] } {
  const matches = findNames(text, terms, anyCase);
  if (!matches.length) return { text, replacements: [] };
  const points = Array.from(text);
  let result = '';
  let at = 0;
  for (const match of matches) {
    result += points.slice(at, match.start).join('') + pseudonymOf.get(match.entryId)!;
    at = match.end;
  }
  result += points.slice(at).join('');
  return { text: result, replacements: replacementsFor(matches, pseudonymOf) };
}

/**
 * The original value back from a pseudonymised one and its replacements,
 * each checked to be still where it was put; null when the value changed since.
 */
export function restoreNames(text: string, replacements: readonly Replacement[]): string | null {
  const points = Array.from(text);
  for (const replacement of [...replacements].sort((a, b) => b.start - a.start)) {
    const length = codePointLength(replacement.pseudonym);
    if (
      points.slice(replacement.start, replacement.start + length).join('') !== replacement.pseudonym
    )
      return null;
    points.splice(replacement.start, length, ...Array.from(replacement.original));
  }
  return points.join('');
}
