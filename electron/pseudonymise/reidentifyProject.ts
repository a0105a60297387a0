import { Transform } from '@tiptap/pm/transform';
import { documentFromJson, documentSchema } from '../../shared/editor/schema';
import { codePointLength, sliceCodePoints } from '../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../shared/text/textIndex';
import type { Db } from '../store/database';
import { applyDocumentSteps } from '../store/documents';
import type { ChangeSet } from '../store/journal';
import { updateRow } from '../store/journal';
import type { PseudonymKey } from './keyFile';
import { namingFields } from './pseudonymiseProject';
import { restoreNames } from './replaceNames';

// The values a key may name: the ones a pseudonymisation writes, and no other column.
const restorable = new Set([
  ...namingFields.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`)),
  'attribute_value.value',
  'attribute.choices',
]);

export interface Reidentified {
  /** Names put back. */
  restored: number;
  /** Names not found where the key put them: the text was changed there since. */
  changedSince: number;
}

/**
 * Puts back every real name the key replaced, where it replaced it, as edits:
 * codings stay on their words. A replacement whose pseudonym is no longer
 * where it was written (the copy edited there since) is left and counted.
 */
export function reidentifyProject(db: Db, changes: ChangeSet, key: PseudonymKey): Reidentified {
  const result: Reidentified = { restored: 0, changedSince: 0 };
  for (const record of key.log.documents) {
    const row = db
      .prepare('SELECT content, version FROM document WHERE id = ?')
      .get(record.documentId) as { content: string; version: number } | undefined;
    if (!row) {
      result.changedSince += record.text.length + record.speakers.length;
      continue;
    }
    const doc = documentFromJson(JSON.parse(row.content));
    const index = buildTextIndex(doc);
    const transform = new Transform(doc);
    for (const speaker of record.speakers) {
      const block = index.blocks[speaker.block];
      if (block?.speaker !== speaker.pseudonymised) {
        result.changedSince += 1;
        continue;
      }
      transform.setNodeAttribute(block.position - 1, 'speaker', speaker.original);
      result.restored += 1;
    }
    for (const replacement of [...record.text].sort((a, b) => b.start - a.start)) {
      const end = replacement.start + codePointLength(replacement.pseudonym);
      if (sliceCodePoints(index.text, replacement.start, end) !== replacement.pseudonym) {
        result.changedSince += 1;
        continue;
      }
      const from = offsetToPosition(index, replacement.start);
      const to = offsetToPosition(index, end);
      const marks = transform.doc.resolve(from).marksAcross(transform.doc.resolve(to)) ?? [];
      transform.replaceWith(from, to, documentSchema.text(replacement.original, marks));
      result.restored += 1;
    }
    if (transform.steps.length)
      applyDocumentSteps(
        db,
        changes,
        record.documentId,
        row.version,
        transform.steps.map((step) => step.toJSON() as unknown),
      );
  }
  for (const field of key.log.fields) {
    if (!restorable.has(`${field.table}.${field.column}`)) continue;
    const table = field.table;
    const current = db
      .prepare(`SELECT "${field.column}" FROM "${table}" WHERE id = ?`)
      .pluck()
      .get(field.id) as string | undefined;
    const restored = typeof current === 'string' ? restoreNames(current, field.replacements) : null;
    if (restored === null) {
      result.changedSince += field.replacements.length;
      continue;
    }
    updateRow(db, changes, table, field.id, { [field.column]: restored });
    result.restored += field.replacements.length;
  }
  return result;
}
