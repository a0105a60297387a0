import { AxialError } from '../../shared/errors';

/** Spellings a word may have in a transcript, at most this many. */
const MAX_VARIANTS = 16;

const contractions: [string, string][] = [
  ['oe', 'œ'],
  ['ae', 'æ'],
];
// Typographic ligatures, as text copied from a PDF carries them.
const presentationForms: [string, string][] = [
  ['ffi', 'ﬃ'],
  ['ffl', 'ﬄ'],
  ['ff', 'ﬀ'],
  ['fi', 'ﬁ'],
  ['fl', 'ﬂ'],
];

/** A word spelt out: "Cœur" → "coeur", "ﬁnance" → "finance" (the index folds accents and case itself). */
function spelledOut(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * The spellings of a word the index holds as different words: "coeur" and
 * "cœur", "finance" and "ﬁnance". The tokenizer folds accents and case but
 * keeps ligatures as letters of their own.
 */
export function wordVariants(word: string): string[] {
  const base = spelledOut(word);
  const variants = new Set([base]);
  // Each "oe" and "ae" may be written as a ligature, independently.
  const expand = (from: string, at: number): void => {
    if (variants.size >= MAX_VARIANTS) return;
    for (const [plain, ligature] of contractions) {
      const found = from.indexOf(plain, at);
      if (found === -1) continue;
      const joined = from.slice(0, found) + ligature + from.slice(found + plain.length);
      variants.add(joined);
      expand(joined, found + 1);
      expand(from, found + plain.length);
    }
  };
  expand(base, 0);
  let typeset = base;
  for (const [plain, ligature] of presentationForms) typeset = typeset.split(plain).join(ligature);
  if (variants.size < MAX_VARIANTS) variants.add(typeset);
  return [...variants].slice(0, MAX_VARIANTS);
}

type Token =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; words: string[]; prefix: boolean }
  | { kind: 'operator'; text: 'AND' | 'OR' | 'NOT' }
  | { kind: 'open' | 'close' };

function tokens(query: string): Token[] {
  const result: Token[] = [];
  const pattern = /\s*(?:"([^"]*)"(\*)?|(\()|(\))|([^\s"()]+))/gy;
  let read = 0;
  for (let match = pattern.exec(query); match && match[0]; match = pattern.exec(query)) {
    read = pattern.lastIndex;
    const [, phrase, phrasePrefix, open, close, word] = match;
    if (phrase !== undefined)
      result.push({
        kind: 'phrase',
        words: phrase.split(/\s+/).filter(Boolean),
        prefix: phrasePrefix === '*',
      });
    else if (open) result.push({ kind: 'open' });
    else if (close) result.push({ kind: 'close' });
    else if (word === 'AND' || word === 'OR' || word === 'NOT')
      result.push({ kind: 'operator', text: word });
    else if (word) {
      const prefix = word.endsWith('*');
      const text = word.replace(/\*+$/, '');
      if (text) result.push({ kind: 'word', text, prefix });
    }
  }
  // What is left is a quote never closed.
  if (query.slice(read).trim()) throw syntaxError(query);
  return result;
}

function syntaxError(query: string): AxialError {
  return new AxialError(
    'invalid_input',
    `"${query}" is not a search Axial understands. Use words, "a phrase", AND, OR, NOT (in capitals) and word* for a prefix.`,
    { reason: 'searchSyntax', details: query },
  );
}

const quoted = (text: string, prefix: boolean) =>
  `"${text.replace(/"/g, '""')}"${prefix ? '*' : ''}`;

const anyOf = (choices: string[]) =>
  choices.length === 1 ? choices[0]! : `(${choices.join(' OR ')})`;

/** Every spelling of a phrase, word by word, at most MAX_VARIANTS of them. */
function phraseVariants(words: string[]): string[] {
  let phrases = [''];
  for (const word of words) {
    const next: string[] = [];
    for (const phrase of phrases)
      for (const variant of wordVariants(word))
        if (next.length < MAX_VARIANTS) next.push(phrase ? `${phrase} ${variant}` : variant);
    phrases = next;
  }
  return phrases;
}

/**
 * The researcher's search as SQLite's full-text index reads it: each word and
 * phrase quoted (an apostrophe or a hyphen is no syntax error), with its
 * ligature spellings ("coeur" also finds "cœur"), "AND NOT" read as NOT. A
 * NOT with nothing before it cannot be searched: the message says how to write it.
 */
export function ftsQuery(query: string): string {
  const parts: string[] = [];
  const list = tokens(query);
  list.forEach((token, position) => {
    if (token.kind === 'operator') {
      if (token.text === 'AND' && list[position + 1]?.kind === 'operator') return;
      const before = parts.at(-1);
      if (token.text === 'NOT' && (before === undefined || before === '(' || before === 'OR'))
        throw new AxialError(
          'invalid_input',
          'NOT leaves out what follows it from what comes before it: write words first, as in «data NOT interview».',
          { reason: 'searchNotFirst', details: query },
        );
      parts.push(token.text);
    } else if (token.kind === 'open') parts.push('(');
    else if (token.kind === 'close') parts.push(')');
    else if (token.kind === 'word')
      parts.push(anyOf(wordVariants(token.text).map((variant) => quoted(variant, token.prefix))));
    else if (token.kind === 'phrase' && token.words.length)
      parts.push(anyOf(phraseVariants(token.words).map((phrase) => quoted(phrase, token.prefix))));
  });
  if (!parts.some((part) => part.startsWith('"') || part.startsWith('('))) throw syntaxError(query);
  return parts.join(' ');
}
