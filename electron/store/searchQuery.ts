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
  | { kind: 'open' }
  | { kind: 'close' };

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

const notFirst = (query: string) =>
  new AxialError(
    'invalid_input',
    'NOT leaves out what follows it from what comes before it: write words first, as in «data NOT interview».',
    { reason: 'searchNotFirst', details: query },
  );

// A term holding no letter, digit or symbol ("-", "&") is no word: the index holds nothing to find.
const searchable = /[\p{L}\p{N}\p{So}\p{Co}]/u;

/**
 * One level of the search (the whole of it, or what a pair of parentheses
 * holds) as FTS5 reads it. Terms side by side are ANDed explicitly, and such a
 * run is bracketed: FTS5 accepts implicit AND only between plain phrases, and
 * binds it tighter than NOT, which the brackets keep ("a b NOT c" is "(a AND b) NOT c").
 */
function level(
  list: readonly Token[],
  from: number,
  query: string,
  nested = false,
): { text: string; next: number } {
  const items: { operator: string | null; operand: string | null }[] = [];
  let position = from;
  while (position < list.length) {
    const token = list[position]!;
    position += 1;
    // A closing parenthesis ends its group; one never opened is ignored, the words after it kept.
    if (token.kind === 'close') {
      if (nested) break;
      continue;
    }
    if (token.kind === 'operator') {
      const following = list[position];
      // "AND NOT" is NOT; a doubled operator counts once.
      if (token.text === 'AND' && following?.kind === 'operator') continue;
      const last = items.at(-1);
      if (!last || last.operator !== null) {
        if (token.text === 'NOT') throw notFirst(query);
        continue;
      }
      items.push({ operator: token.text, operand: null });
      continue;
    }
    let operand: string | null = null;
    if (token.kind === 'open') {
      const inner = level(list, position, query, true);
      position = inner.next;
      operand = inner.text ? `(${inner.text})` : null;
    } else if (token.kind === 'word') {
      if (searchable.test(token.text))
        operand = anyOf(wordVariants(token.text).map((variant) => quoted(variant, token.prefix)));
    } else if (token.words.some((word) => searchable.test(word))) {
      operand = anyOf(
        phraseVariants(token.words.filter((word) => searchable.test(word))).map((phrase) =>
          quoted(phrase, token.prefix),
        ),
      );
    }
    if (operand) items.push({ operator: null, operand });
  }
  // Operands side by side form runs, joined by AND and bracketed; operators go between runs.
  const parts: string[] = [];
  let run: string[] = [];
  // Bracketed only where an operator comes next to the run.
  const bracket = items.some((item) => item.operator !== null);
  const closeRun = () => {
    if (run.length)
      parts.push(run.length === 1 || !bracket ? run.join(' AND ') : `(${run.join(' AND ')})`);
    run = [];
  };
  for (const item of items) {
    if (item.operand !== null) run.push(item.operand);
    else {
      closeRun();
      parts.push(item.operator!);
    }
  }
  closeRun();
  // An operator with nothing after it is dropped: "data OR" searches "data".
  while (parts.length && /^(AND|OR|NOT)$/.test(parts.at(-1)!)) parts.pop();
  return { text: parts.join(' '), next: position };
}

/**
 * The researcher's search as SQLite's full-text index reads it: each word and
 * phrase quoted (an apostrophe or a hyphen is no syntax error), with its
 * ligature spellings ("coeur" also finds "cœur"), "AND NOT" read as NOT. A
 * NOT with nothing before it cannot be searched: the message says how to write
 * it. FTS5's own NEAR(), column filters and ^ are passed as written.
 */
export function ftsQuery(query: string): string {
  if (/\bNEAR\s*\(|(^|\s)\^|\w:\S|(^|\s)\+(\s|$)/u.test(query.replace(/"[^"]*"/g, '""')))
    return query.replace(/\bAND\s+NOT\b/g, 'NOT');
  const { text } = level(tokens(query), 0, query);
  if (!text) throw syntaxError(query);
  return text;
}
