import { AxialError } from '../../shared/errors';
import type { NewPseudonymEntry, PseudonymEntry, PseudonymKind } from '../../shared/pseudonyms';
import { pseudonymKinds } from '../../shared/pseudonyms';
import { decodeText } from '../exchange/import/decodeText';
import { parseCsv, writeCsvBytes } from '../exchange/tables/csv';

/** A table of names is a few hundred rows: this is well beyond one, and bounds what is read. */
const LIMITS = { rows: 20_000, columns: 20, cell: 5_000 };

/**
 * names.csv as the command line and the app read it: a header naming `real`
 * (the name and its variants, separated by "|") and `pseudonym`, and
 * optionally `kind` (person, place, organisation, other); one row per identifier.
 */
export function readNamesTable(
  bytes: Uint8Array,
  fileName: string,
): { entries: NewPseudonymEntry[]; skipped: number[] } {
  const parsed = parseCsv(decodeText(bytes, fileName).text, LIMITS);
  if (parsed.exceeded)
    throw new AxialError(
      'file_too_large',
      `"${fileName}" goes past what a table of names holds (${parsed.exceeded.limit}, line ${parsed.exceeded.line}). Nothing was read.`,
      { file: fileName, reason: 'namesTooLarge' },
    );
  const [header = [], ...rows] = parsed.rows;
  const column = (name: string) =>
    header.findIndex(
      (cell) =>
        cell
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, '') === name,
    );
  const real = column('real');
  const pseudonym = column('pseudonym');
  const kind = column('kind');
  if (real === -1 || pseudonym === -1)
    throw new AxialError(
      'invalid_file',
      `"${fileName}" needs a header with the columns "real" and "pseudonym" (and, if you like, "kind"). Nothing was read.`,
      { file: fileName, reason: 'namesHeader' },
    );
  const entries: NewPseudonymEntry[] = [];
  const skipped: number[] = [];
  rows.forEach((row, index) => {
    const names = (row[real] ?? '')
      .split('|')
      .map((name) => name.trim())
      .filter(Boolean);
    const replacement = (row[pseudonym] ?? '').trim();
    if (row.every((cell) => !cell.trim())) return;
    if (!names.length || !replacement) {
      skipped.push(index + 2);
      return;
    }
    const written = (row[kind] ?? '').trim().toLowerCase();
    entries.push({
      kind: (pseudonymKinds as readonly string[]).includes(written)
        ? (written as PseudonymKind)
        : 'person',
      real: names[0]!,
      variants: names.slice(1),
      pseudonym: replacement,
    });
  });
  return { entries, skipped };
}

/** The table as names.csv, which readNamesTable reads back; cells exactly as written (names, not formulas). */
export function writeNamesTable(entries: readonly PseudonymEntry[]): Uint8Array {
  return writeCsvBytes(
    [
      ['real', 'pseudonym', 'kind'],
      ...entries.map((entry) => [
        [entry.real, ...entry.variants].join('|'),
        entry.pseudonym,
        entry.kind,
      ]),
    ],
    ',',
    true,
    { keepFormulas: true },
  );
}
