import type { IdentifierCandidate, PseudonymEntry } from '../../shared/pseudonyms';
import type { Db } from '../store/database';
import { findNames } from './nameMatcher';
import { TOWN_WORTH_NAMING, frenchPlaceNames } from './placeNames';
import { commonWords } from './commonWords';
import { nameTableOf } from './nameTable';

// A capitalised word, hyphenated names with their small joining words ("Noisy-le-Sec",
// "Rosny-sous-Bois", "Saint-Germain-en-Laye"), an elision ("O'Neill") kept whole.
const PART = String.raw`\p{Lu}[\p{L}\p{M}]*`;
const JOIN = String.raw`(?:-(?:(?:le|la|les|sur|sous|en|de|du|des|lès|lez|aux|et)-)?|[’'])`;
const NAME = `${PART}(?:${JOIN}${PART})*`;
// A run of them ("Aurélie Martin", "Mairie de Montreuil" is two runs, "Montreuil" the unknown one).
const CAPITALISED = new RegExp(`(?<![\\p{L}\\p{N}])${NAME}(?:[ \u00a0]${NAME})*`, 'gu');
const CONTEXT = 40;
/** Capitals only, as acronyms are written ("CCAS", "SIVOM", "PLUi" aside). */
const acronym = (text: string) => !/\p{Ll}/u.test(text);
const MOST = 300;

/**
 * Words written with a capital that no dictionary of common words knows, and
 * that the table does not hold: the names the researcher has not listed
 * yet (people, places, organisations), most frequent first. Words that only
 * begin a sentence are in the dictionaries and do not come up. A French
 * place whose name is a word too ("à Orange", "la Somme") comes up where it
 * is capitalised inside a sentence, as a place.
 */
export async function suggestCandidates(
  db: Db,
  entries: readonly PseudonymEntry[],
): Promise<IdentifierCandidate[]> {
  const [words, places, { terms }] = await Promise.all([
    commonWords(),
    frenchPlaceNames(),
    nameTableOf(entries),
  ]);
  const known = (word: string) => {
    const lower = word.toLowerCase();
    return words.has(lower) || words.has(lower.normalize('NFC'));
  };
  const isPlace = (text: string) =>
    (places.get(text.normalize('NFC').toLowerCase()) ?? 0) >= TOWN_WORTH_NAMING;
  /** A word to leave out of a name: common, unless a town, département or région written inside a sentence. */
  const ordinary = (word: string, beginsSentence: boolean) =>
    known(word) &&
    (beginsSentence || (places.get(word.normalize('NFC').toLowerCase()) ?? 0) < TOWN_WORTH_NAMING);
  const found = new Map<string, IdentifierCandidate & { seenIn: Set<string> }>();
  // The transcripts, then what else is written by hand: titles, memos, the names of cases and people.
  const documents = db
    .prepare(
      `SELECT id, plain_text FROM document
       UNION ALL SELECT id, title || char(10) || memo FROM document
       UNION ALL SELECT document_id, memo FROM coding WHERE memo <> ''
       UNION ALL SELECT '', name || char(10) || memo FROM study_case
       UNION ALL SELECT '', name || char(10) || memo FROM participant`,
    )
    .all() as { id: string; plain_text: string }[];
  for (const document of documents) {
    for (const match of document.plain_text.matchAll(CAPITALISED)) {
      // The unknown words of the run, those the dictionaries know ("Madame", "Mairie") left at its edges.
      const parts = match[0].split(/[ \u00a0]/);
      // An elision ("Qu’est-ce", "L’enquête") is the start of a word, not a name.
      const after = match.index + match[0].length;
      if (/^['’]\p{Ll}/u.test(document.plain_text.slice(after, after + 2))) parts.pop();
      if (!parts.length) continue;
      // What comes before on its line: nothing, or the end of a sentence or of a speaker's label.
      const lineStart = document.plain_text.lastIndexOf('\n', match.index - 1) + 1;
      const lineBefore = document.plain_text.slice(lineStart, match.index).trimEnd();
      const beginsSentence = lineBefore === '' || /[.!?…:;«"“—–-]$/u.test(lineBefore);
      let first = 0;
      let last = parts.length - 1;
      while (first <= last && ordinary(parts[first]!, beginsSentence && first === 0)) first += 1;
      while (last >= first && ordinary(parts[last]!, beginsSentence && last === 0)) last -= 1;
      if (first > last) continue;
      const text = parts.slice(first, last + 1).join(' ');
      if (text.length < 2 || (terms.length && findNames(text, terms).length)) continue;
      // Part of a name the table holds ("Mme" of "Mme Petit", "JP" of "JP Blanc"): not a name it lacks.
      const from = Array.from(parts.slice(0, first).join(' ')).length + (first ? 1 : 0);
      const to = from + Array.from(text).length;
      if (
        terms.length &&
        findNames(match[0], terms).some((name) => name.start < to && from < name.end)
      )
        continue;
      const key = text.toLowerCase();
      let candidate = found.get(key);
      if (!candidate) {
        const at = match.index + parts.slice(0, first).join(' ').length + (first ? 1 : 0);
        candidate = {
          text,
          ...(isPlace(text) ? { kind: 'place' as const } : {}),
          occurrences: 0,
          documents: 0,
          example: {
            documentId: document.id,
            before: document.plain_text
              .slice(Math.max(0, at - CONTEXT), at)
              .split('\n')
              .at(-1)!,
            after: document.plain_text
              .slice(at + text.length, at + text.length + CONTEXT)
              .split('\n')[0]!,
          },
          seenIn: new Set(),
        };
        found.set(key, candidate);
      }
      candidate.occurrences += 1;
      if (document.id) candidate.seenIn.add(document.id);
    }
  }
  return (
    [...found.values()]
      .map(({ seenIn, ...candidate }) => ({ ...candidate, documents: seenIn.size }))
      // Acronyms ("CCAS", "DGS") name offices more often than people: after the names, still shown.
      .sort(
        (a, b) =>
          Number(acronym(a.text)) - Number(acronym(b.text)) ||
          b.occurrences - a.occurrences ||
          a.text.localeCompare(b.text),
      )
      .slice(0, MOST)
  );
}
