/**
 * The common words of French and English (600,000 forms, 8 MB), as the
 * dictionaries list them, in small letters: read when names are matched or
 * suggested.
 */
export async function commonWordLists(): Promise<readonly (readonly string[])[]> {
  const [french, english] = await Promise.all([
    // JSON, so imported as JSON: Node's loader takes no other way from a bundle.
    import('an-array-of-french-words', { with: { type: 'json' } }),
    import('an-array-of-english-words', { with: { type: 'json' } }),
  ]);
  return [french.default as string[], english.default as string[]];
}

/** Every common word, to look many up (the suggestions). */
export async function commonWords(): Promise<Set<string>> {
  return new Set((await commonWordLists()).flat());
}

/** Which of a few forms (in small letters) are common words: one pass, no set of 600,000 built. */
export async function commonWordsAmong(forms: Iterable<string>): Promise<Set<string>> {
  const wanted = new Set(forms);
  const found = new Set<string>();
  if (!wanted.size) return found;
  for (const list of await commonWordLists())
    for (const word of list) if (wanted.has(word)) found.add(word);
  return found;
}
