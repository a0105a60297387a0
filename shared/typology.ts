import type { Quotation } from './quotations';

/** One code of a typology, with what the coded material says of it. */
export interface TypologyRow {
  codeId: string;
  name: string;
  /** The code's description: its definition in the codebook. */
  definition: string;
  /** The chosen code's own codings, given none of its sub-codes: a row of their own, said so. */
  own: boolean;
  /** The cases whose passages it codes (itself or its sub-codes), in the cases' order. */
  caseIds: string[];
  /** Passages: the same words coded twice in the row (two of its codes, two coders) count once. */
  passages: number;
  quotations: Quotation[];
}

/** A part of the codebook as a table: a row per code, and each code's presence in each case. */
export interface Typology {
  codeId: string;
  rows: TypologyRow[];
  /** Every case of the project, with the short label a table cites it by ("B" of "Collectivité B"). */
  cases: { id: string; name: string; label: string }[];
  /** Passages of each row's code in each case: `presence[codeId][caseId]`. */
  presence: Record<string, Record<string, number>>;
  /** Cases counted among the cases though no document is linked to them or their people. */
  withoutDocuments: string[];
}

/**
 * The labels a table cites cases by: the words all their names begin with
 * left out ("Collectivité A", "Collectivité B" are "A", "B"), a name whole
 * when nothing would be left of it.
 */
export function shortCaseLabels(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const words = names.map((name) => name.trim().split(/\s+/u));
  let common = 0;
  while (words.every((parts) => parts.length > common + 1 && parts[common] === words[0]![common]))
    common += 1;
  return words.map((parts) => parts.slice(common).join(' '));
}
