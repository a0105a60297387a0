import { Transform } from '@tiptap/pm/transform';
import { documentFromJson, documentSchema } from '../../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../../shared/text/textIndex';
import type { Db } from '../store/database';
import { applyDocumentSteps } from '../store/documents';
import type { ChangeSet, JournaledTable, RangeChange } from '../store/journal';
import { moveRanges, updateRow } from '../store/journal';
import type { PseudonymException } from '../store/pseudonymExceptions';
import {
  exceptionsByDocument,
  isLeft,
  listPseudonymExceptions,
} from '../store/pseudonymExceptions';
import type { NameMatch, NameTerm } from './nameMatcher';
import { findNames } from './nameMatcher';
import type { Replacement } from './replaceNames';
import { replacementsFor, replaceNames } from './replaceNames';
import type { NameTable } from './nameTable';

/** What was replaced in one document: in its text, and in its speakers' labels (by block). */
export interface DocumentReplacements {
  documentId: string;
  text: Replacement[];
  speakers: { block: number; original: string; pseudonymised: string }[];
}

/** What was replaced in one value of a row (a title, a memo, a name). */
export interface FieldReplacements {
  table: JournaledTable;
  id: string;
  column: string;
  replacements: Replacement[];
}

/** Everything a pseudonymisation replaced, where: what re-identification undoes, exactly. */
export interface PseudonymisationLog {
  documents: DocumentReplacements[];
  fields: FieldReplacements[];
}

/** The values outside documents' texts that can name someone, as the journal knows their rows. */
export const namingFields: readonly { table: JournaledTable; columns: readonly string[] }[] = [
  { table: 'project', columns: ['title', 'description'] },
  { table: 'document', columns: ['title', 'description', 'memo', 'place', 'source_name'] },
  { table: 'code', columns: ['name', 'description', 'memo'] },
  { table: 'coding', columns: ['memo'] },
  { table: 'study_case', columns: ['name', 'description', 'memo'] },
  { table: 'participant', columns: ['name', 'description', 'memo'] },
  { table: 'guide', columns: ['title', 'change_note'] },
  { table: 'guide_item', columns: ['text', 'note'] },
  { table: 'matrix_summary', columns: ['summary'] },
  { table: 'rating', columns: ['justification'] },
  { table: 'recording', columns: ['file_name'] },
  { table: 'document_original', columns: ['file_name'] },
];

/**
 * Values that are labels rather than prose (titles, names, files' names,
 * values): a name is written there in any case, and a word there is rarely
 * the common word a surname can be (see `capitalOnly`).
 */
export const labelColumns: ReadonlySet<string> = new Set([
  'document.title',
  'document.place',
  'document.source_name',
  'document.speakers',
  'document.turns',
  'code.name',
  'study_case.name',
  'participant.name',
  'guide.title',
  'recording.file_name',
  'document_original.file_name',
  'attribute.name',
  'attribute.choices',
  'attribute_value.value',
  'project.title',
]);

/**
 * Codings and answers that cut an occurrence (begin or end inside the name)
 * are widened to all of it first: the replacement is then on their words
 * whole, where the edit's mapping would otherwise leave it outside them, or
 * drop a passage that lay inside a name.
 */
function widenAcross(db: Db, changes: ChangeSet, documentId: string, matches: NameMatch[]): void {
  const moves: RangeChange[] = [];
  for (const table of ['coding', 'answer'] as const) {
    const ranges = db
      .prepare(`SELECT id, start, "end" FROM ${table} WHERE document_id = ?`)
      .all(documentId) as { id: string; start: number; end: number }[];
    for (const range of ranges) {
      let { start, end } = range;
      for (const match of matches) {
        if (start > match.start && start < match.end) start = match.start;
        if (end > match.start && end < match.end) end = match.end;
      }
      if (start !== range.start || end !== range.end)
        moves.push({ table, id: range.id, before: [range.start, range.end], after: [start, end] });
    }
  }
  moveRanges(db, changes, moves);
}

/**
 * Replaces every real name of the table in one document, as edits made by
 * typing would be: codings, answers and everything linked to them stay on
 * their words. Speakers' labels are changed on their paragraphs.
 */
function pseudonymiseDocument(
  db: Db,
  changes: ChangeSet,
  documentId: string,
  terms: readonly NameTerm[],
  pseudonymOf: ReadonlyMap<string, string>,
  left: readonly PseudonymException[] | undefined,
): DocumentReplacements | null {
  const row = db.prepare('SELECT content, version FROM document WHERE id = ?').get(documentId) as {
    content: string;
    version: number;
  };
  const doc = documentFromJson(JSON.parse(row.content));
  const index = buildTextIndex(doc);
  // The occurrences left as written stay, and carried by the edit, they stay on their words.
  const matches = findNames(index.text, terms).filter((match) => !isLeft(left, match));
  const transform = new Transform(doc);
  const speakers: DocumentReplacements['speakers'] = [];
  index.blocks.forEach((block, number) => {
    if (!block.speaker) return;
    const label = replaceNames(block.speaker, terms, pseudonymOf, true).text;
    if (label === block.speaker) return;
    transform.setNodeAttribute(block.position - 1, 'speaker', label);
    speakers.push({ block: number, original: block.speaker, pseudonymised: label });
  });
  if (!matches.length && !speakers.length) return null;
  widenAcross(db, changes, documentId, matches);
  // From the end: the positions of the occurrences before each are not moved by it.
  for (const match of [...matches].reverse()) {
    const from = offsetToPosition(index, match.start);
    const to = offsetToPosition(index, match.end);
    const marks = transform.doc.resolve(from).marksAcross(transform.doc.resolve(to)) ?? [];
    transform.replaceWith(from, to, documentSchema.text(pseudonymOf.get(match.entryId)!, marks));
  }
  applyDocumentSteps(
    db,
    changes,
    documentId,
    row.version,
    transform.steps.map((step) => step.toJSON() as unknown),
  );
  return { documentId, text: replacementsFor(matches, pseudonymOf), speakers };
}

/**
 * Replaces the table's real names everywhere in the project: in every
 * document as edits, and in titles, memos, names, guides, summaries,
 * justifications and text values. One change set: one undo step. The
 * occurrences the researcher left as written in a text are not replaced.
 */
export function pseudonymiseProject(
  db: Db,
  changes: ChangeSet,
  { entries, terms }: NameTable,
): PseudonymisationLog {
  const pseudonymOf = new Map(entries.map((entry) => [entry.id, entry.pseudonym]));
  const log: PseudonymisationLog = { documents: [], fields: [] };
  if (!terms.length) return log;
  const documentIds = db
    .prepare('SELECT id FROM document ORDER BY position')
    .pluck()
    .all() as string[];
  const left = exceptionsByDocument(listPseudonymExceptions(db));
  for (const documentId of documentIds) {
    const done = pseudonymiseDocument(
      db,
      changes,
      documentId,
      terms,
      pseudonymOf,
      left.get(documentId),
    );
    if (done) log.documents.push(done);
  }
  const replaceIn = (table: JournaledTable, id: string, column: string, value: string) => {
    const { text, replacements } = replaceNames(
      value,
      terms,
      pseudonymOf,
      labelColumns.has(`${table}.${column}`),
    );
    if (!replacements.length) return null;
    log.fields.push({ table, id, column, replacements });
    return text;
  };
  for (const { table, columns } of namingFields) {
    const rows = db
      .prepare(`SELECT id, ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"`)
      .all() as Record<string, string | null>[];
    for (const row of rows) {
      const patch: Record<string, string> = {};
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'string' || !value) continue;
        const replaced = replaceIn(table, row.id!, column, value);
        if (replaced !== null) patch[column] = replaced;
      }
      if (Object.keys(patch).length) updateRow(db, changes, table, row.id!, patch);
    }
  }
  // Text values, and the choices of choice attributes with the values that use them.
  const values = db
    .prepare(
      `SELECT v.id, v.value FROM attribute_value v JOIN attribute a ON a.id = v.attribute_id
       WHERE a.type IN ('text', 'choice')`,
    )
    .all() as { id: string; value: string }[];
  for (const value of values) {
    const replaced = replaceIn('attribute_value', value.id, 'value', value.value);
    if (replaced !== null) updateRow(db, changes, 'attribute_value', value.id, { value: replaced });
  }
  const choices = db.prepare("SELECT id, choices FROM attribute WHERE type = 'choice'").all() as {
    id: string;
    choices: string;
  }[];
  for (const attribute of choices) {
    const list = JSON.parse(attribute.choices) as string[];
    const replaced = list.map((choice) => replaceNames(choice, terms, pseudonymOf, true).text);
    if (replaced.some((choice, index) => choice !== list[index])) {
      log.fields.push({
        table: 'attribute',
        id: attribute.id,
        column: 'choices',
        replacements: [
          { start: 0, pseudonym: JSON.stringify(replaced), original: attribute.choices },
        ],
      });
      updateRow(db, changes, 'attribute', attribute.id, { choices: JSON.stringify(replaced) });
    }
  }
  return log;
}
