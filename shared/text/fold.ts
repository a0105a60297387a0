// Letters Unicode does not decompose, folded as French and English readers do.
const ligatures: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
};

/**
 * One character (one UTF-16 unit, or a whole code point) as search compares
 * it: without accents, in lower case, ligatures spelt out ("ﬁ" → "fi",
 * "Œ" → "oe"). Anything else (an emoji, half of a surrogate pair) is itself.
 */
export function foldCharacter(character: string): string {
  const folded = character.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let result = '';
  for (const piece of folded) result += ligatures[piece] ?? piece;
  return result;
}

/**
 * A text as search and name matching compare it: accents, case and ligatures
 * folded. The same as folding each character, in one pass over the whole
 * string: filters compare tens of thousands of values.
 */
export function foldForComparison(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (letter) => ligatures[letter]!);
}
