/** A commune, département or région of France: its name and how many live there. */
interface Place {
  nom: string;
  type?: string;
  population?: number;
}

/**
 * Towns whose name is also a word are told apart from the word by their
 * size: "à Orange", "à Sens" are the towns; a village called "Ville" or
 * "Rue" is less likely meant than the word written with a capital.
 */
export const TOWN_WORTH_NAMING = 10_000;

/**
 * The names of France's communes, départements and régions (the official
 * list published by Etalab, 2024), folded to small letters, each with its
 * population (a département or région counts as large): read when
 * suggestions are asked for, and let go after.
 */
export async function frenchPlaceNames(): Promise<Map<string, number>> {
  const [communes, departements, regions] = await Promise.all([
    // JSON, so imported as JSON: Node's loader takes no other way from a bundle.
    import('@etalab/decoupage-administratif/data/communes.json', { with: { type: 'json' } }),
    import('@etalab/decoupage-administratif/data/departements.json', { with: { type: 'json' } }),
    import('@etalab/decoupage-administratif/data/regions.json', { with: { type: 'json' } }),
  ]);
  const places = new Map<string, number>();
  for (const commune of communes.default as Place[])
    if (commune.type === 'commune-actuelle') {
      const name = commune.nom.toLowerCase();
      places.set(name, Math.max(places.get(name) ?? 0, commune.population ?? 0));
    }
  for (const area of [...(departements.default as Place[]), ...(regions.default as Place[])])
    places.set(area.nom.toLowerCase(), Number.POSITIVE_INFINITY);
  return places;
}
