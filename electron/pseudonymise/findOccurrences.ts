import type { IdentifierOccurrence, IdentifierOccurrences } from '../../shared/pseudonyms';
import { documentFromJson } from '../../shared/editor/schema';
import { buildTextIndex } from '../../shared/text/textIndex';
import type { Db } from '../store/database';
import {
  exceptionsByDocument,
  isLeft,
  listPseudonymExceptions,
} from '../store/pseudonymExceptions';
import { findNames } from './nameMatcher';
import { labelColumns, namingFields } from './pseudonymiseProject';
import type { NameTable } from './nameTable';

const CONTEXT = 40;

/** A few words either side of a match, cut at the block: what the review shows. */
function around(points: string[], start: number, end: number) {
  const line = (from: number, to: number) => points.slice(from, to).join('');
  const before = line(Math.max(0, start - CONTEXT), start);
  const after = line(end, end + CONTEXT);
  return { before: before.split('\n').at(-1)!, after: after.split('\n')[0]! };
}

/**
 * Where the table's real names are still written in the project: each
 * document's text and speakers, and every title, memo, name, guide,
 * summary, justification and text value. The check before sharing, and the
 * review before applying. Occurrences the researcher left as written are
 * listed apart: neither replaced nor counted as remaining.
 */
export function findOccurrences(db: Db, { terms }: NameTable, limit = 5000): IdentifierOccurrences {
  const occurrences: IdentifierOccurrence[] = [];
  const left: IdentifierOccurrence[] = [];
  let total = 0;
  const add = (occurrence: IdentifierOccurrence) => {
    total += occurrence.times ?? 1;
    if (occurrences.length < limit) occurrences.push(occurrence);
  };
  if (!terms.length) return { occurrences, total, left };
  const exceptions = exceptionsByDocument(listPseudonymExceptions(db));
  const documents = db
    .prepare('SELECT id, title, content, version FROM document ORDER BY position')
    .all() as { id: string; title: string; content: string; version: number }[];
  for (const document of documents) {
    const index = buildTextIndex(documentFromJson(JSON.parse(document.content)));
    const points = Array.from(index.text);
    for (const match of findNames(index.text, terms)) {
      const occurrence: IdentifierOccurrence = {
        entryId: match.entryId,
        place: {
          kind: 'text',
          documentId: document.id,
          documentTitle: document.title,
          version: document.version,
          start: match.start,
          end: match.end,
        },
        text: match.text,
        ...around(points, match.start, match.end),
      };
      const exception = isLeft(exceptions.get(document.id), match);
      if (!exception) add(occurrence);
      else if (left.length < limit) left.push({ ...occurrence, leftId: exception.id });
    }
    // A speaker's label is listed once, and counted on each of its turns, as replacing counts it.
    const turns = new Map<string, number>();
    for (const block of index.blocks)
      if (block.speaker) turns.set(block.speaker, (turns.get(block.speaker) ?? 0) + 1);
    for (const [speaker, times] of turns)
      for (const match of findNames(speaker, terms, true))
        add({
          entryId: match.entryId,
          place: { kind: 'speaker', documentId: document.id, documentTitle: document.title },
          text: match.text,
          times,
          ...around(Array.from(speaker), match.start, match.end),
        });
  }
  const fields = [
    ...namingFields,
    { table: 'attribute_value', columns: ['value'] },
    { table: 'attribute', columns: ['name', 'choices'] },
  ];
  for (const { table, columns } of fields) {
    const rows = db
      .prepare(`SELECT id, ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"`)
      .all() as Record<string, unknown>[];
    for (const row of rows)
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'string') continue;
        const points = Array.from(value);
        for (const match of findNames(value, terms, labelColumns.has(`${table}.${column}`)))
          add({
            entryId: match.entryId,
            place: {
              kind: 'field',
              table,
              id: String(row.id),
              column,
              label: points.slice(0, 60).join(''),
            },
            text: match.text,
            ...around(points, match.start, match.end),
          });
      }
  }
  return { occurrences, total, left };
}
