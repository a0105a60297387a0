import type { PseudonymEntry } from '../../shared/pseudonyms';
import { commonWordsAmong } from './commonWords';
import type { NameTerm } from './nameMatcher';
import { capitalisedWord } from './nameMatcher';

/** The pseudonym table as matching uses it: its entries, and every name and variant to look for. */
export interface NameTable {
  entries: readonly PseudonymEntry[];
  terms: readonly NameTerm[];
}

const lower = (text: string) => text.trim().normalize('NFC').toLowerCase();

/**
 * Every real name and variant of the entries, each pointing to its entry,
 * and those that are common words too ("Petit", "Blanc", "Marie") marked
 * so: they are found in prose only where written with a capital. Every other
 * name ("Thomas", "Lefèvre") is found however written, "thomas" included.
 */
export async function nameTableOf(entries: readonly PseudonymEntry[]): Promise<NameTable> {
  const forms = entries.flatMap((entry) => [entry.real, ...entry.variants]);
  const words = await commonWordsAmong(forms.filter(capitalisedWord).map(lower));
  const terms = entries.flatMap((entry) =>
    [entry.real, ...entry.variants].map((text) => ({
      entryId: entry.id,
      text,
      word: capitalisedWord(text) && words.has(lower(text)),
    })),
  );
  return { entries, terms };
}
