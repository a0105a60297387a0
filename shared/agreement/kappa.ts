import type { BinaryTable } from './alpha';

/** The share of units both coders decided alike; null without units. */
export function percentAgreement(table: BinaryTable): number | null {
  const units = table.both + table.firstOnly + table.secondOnly + table.neither;
  return units === 0 ? null : (table.both + table.neither) / units;
}

/**
 * Cohen's kappa of a binary table (Cohen, 1960): observed agreement beyond
 * what each coder's own rate of "yes" would give by chance. Null when chance
 * alone explains everything (both coders always, or never, said yes).
 */
export function cohenKappa(table: BinaryTable): number | null {
  const units = table.both + table.firstOnly + table.secondOnly + table.neither;
  if (units === 0) return null;
  const observed = (table.both + table.neither) / units;
  const firstYes = (table.both + table.firstOnly) / units;
  const secondYes = (table.both + table.secondOnly) / units;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  if (chance >= 1) return null;
  return (observed - chance) / (1 - chance);
}
