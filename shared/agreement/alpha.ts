/**
 * Krippendorff's alpha for nominal data (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011): any number of coders, missing
 * values allowed, from the coincidence matrix of the values coders gave
 * the same unit. Null when the data cannot say (fewer than two pairable
 * values, or every pairable value the same).
 */
export function nominalAlpha(units: readonly (readonly (string | null)[])[]): number | null {
  // o[c][k]: coincidences of value c with value k, each unit weighted by 1 / (its values - 1).
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + weight);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null);
    if (values.length < 2) continue;
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i += 1)
      for (let j = 0; j < values.length; j += 1) if (i !== j) add(values[i]!, values[j]!, weight);
  }
  let pairable = 0;
  let observed = 0;
  const marginals = new Map<string, number>();
  for (const [c, row] of coincidences)
    for (const [k, count] of row) {
      pairable += count;
      marginals.set(c, (marginals.get(c) ?? 0) + count);
      if (c !== k) observed += count;
    }
  let expected = 0;
  for (const [c, nc] of marginals)
    for (const [k, nk] of marginals) if (c !== k) expected += nc * nk;
  if (pairable < 2 || expected === 0) return null;
  // α = 1 − D_o / D_e with D_o = Σ_{c≠k} o_ck / n and D_e = Σ_{c≠k} n_c n_k / (n (n − 1)).
  return 1 - ((pairable - 1) * observed) / expected;
}

/** Two coders' yes/no on the same units, counted: both, the first only, the second only, neither. */
export interface BinaryTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/**
 * Nominal alpha of a binary table, two coders and no missing values: the same
 * figure as `nominalAlpha` on the units, in constant time, for millions of
 * code points.
 */
export function binaryAlpha(table: BinaryTable): number | null {
  const disagreements = table.firstOnly + table.secondOnly;
  const units = table.both + table.neither + disagreements;
  const pairable = 2 * units;
  const yes = 2 * table.both + disagreements;
  const no = 2 * table.neither + disagreements;
  if (pairable < 2 || yes === 0 || no === 0) return null;
  return 1 - ((pairable - 1) * disagreements) / (yes * no);
}
