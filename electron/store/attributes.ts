import { randomUUID } from 'node:crypto';
import { loadValue, parseAttributeValue, storeValue } from '../../shared/attributeValues';
import type {
  AttributeDefinition,
  AttributeType,
  AttributeValue,
  EntityKind,
  TypeChangePreview,
} from '../../shared/cases';
import { AxialError } from '../../shared/errors';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { statement } from './statements';

interface AttributeRow {
  id: string;
  entity_kind: EntityKind;
  name: string;
  type: AttributeType;
  unit: string | null;
  choices: string;
  position: number;
}

function toDefinition(row: AttributeRow): AttributeDefinition {
  return {
    id: row.id,
    entityKind: row.entity_kind,
    name: row.name,
    type: row.type,
    unit: row.unit,
    choices: JSON.parse(row.choices) as string[],
    position: row.position,
  };
}

export function listAttributes(db: Db, entityKind?: EntityKind): AttributeDefinition[] {
  const rows = (
    entityKind
      ? db
          .prepare('SELECT * FROM attribute WHERE entity_kind = ? ORDER BY position, name')
          .all(entityKind)
      : db.prepare('SELECT * FROM attribute ORDER BY entity_kind, position, name').all()
  ) as AttributeRow[];
  return rows.map(toDefinition);
}

export function getAttribute(db: Db, id: string): AttributeDefinition {
  const row = statement(db, 'SELECT * FROM attribute WHERE id = ?').get(id) as
    AttributeRow | undefined;
  if (!row)
    throw new AxialError(
      'not_found',
      'This attribute no longer exists. It may have been deleted.',
      { id },
    );
  return toDefinition(row);
}

function checkNameFree(db: Db, entityKind: EntityKind, name: string, except?: string): void {
  const clash = db
    .prepare(
      'SELECT id FROM attribute WHERE entity_kind = ? AND name = ? COLLATE NOCASE AND id IS NOT ?',
    )
    .get(entityKind, name, except ?? null);
  if (clash) {
    throw new AxialError(
      'name_taken',
      `There is already an attribute named "${name}". Choose another name.`,
      {
        name,
        reason: 'attributeNameTaken',
      },
    );
  }
}

function cleanChoices(choices: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const choice of choices.map((value) => value.trim()).filter(Boolean)) {
    if (seen.has(choice.toLowerCase())) continue;
    seen.add(choice.toLowerCase());
    result.push(choice);
  }
  return result;
}

export interface NewAttribute {
  entityKind: EntityKind;
  name: string;
  type: AttributeType;
  unit?: string | null;
  choices?: string[];
}

export function createAttribute(db: Db, changes: ChangeSet, input: NewAttribute): string {
  checkNameFree(db, input.entityKind, input.name);
  const choices = cleanChoices(input.choices ?? []);
  if (input.type === 'choice' && choices.length === 0) {
    throw new AxialError('invalid_input', 'A choice attribute needs at least one choice.', {
      details: 'choices',
      reason: 'choicesNeeded',
    });
  }
  const { next } = db
    .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM attribute WHERE entity_kind = ?')
    .get(input.entityKind) as {
    next: number;
  };
  const id = randomUUID();
  const timestamp = now();
  insertRow(db, changes, 'attribute', {
    id,
    entity_kind: input.entityKind,
    name: input.name,
    type: input.type,
    unit: input.type === 'number' ? input.unit?.trim() || null : null,
    choices: JSON.stringify(input.type === 'choice' ? choices : []),
    position: next,
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

function valuesOf(db: Db, attributeId: string): { id: string; entity_id: string; value: string }[] {
  return db
    .prepare('SELECT id, entity_id, value FROM attribute_value WHERE attribute_id = ?')
    .all(attributeId) as {
    id: string;
    entity_id: string;
    value: string;
  }[];
}

export function entityName(db: Db, entityKind: EntityKind, id: string): string {
  const table =
    entityKind === 'case'
      ? 'study_case'
      : entityKind === 'participant'
        ? 'participant'
        : 'document';
  const column = entityKind === 'document' ? 'title' : 'name';
  const row = db.prepare(`SELECT ${column} AS name FROM ${table} WHERE id = ?`).get(id) as
    { name: string } | undefined;
  return row?.name ?? id;
}

/** What a change of type (or of the choices) would do to the stored values, before anything is done. */
export function previewTypeChange(
  db: Db,
  id: string,
  type: AttributeType,
  choices: readonly string[],
): TypeChangePreview {
  const attribute = getAttribute(db, id);
  const cleaned = cleanChoices(choices);
  const failures: TypeChangePreview['failures'] = [];
  let convertible = 0;
  for (const row of valuesOf(db, id)) {
    const parsed = parseAttributeValue(type, row.value, cleaned);
    if (parsed.ok) convertible += 1;
    else
      failures.push({
        entityId: row.entity_id,
        entityName: entityName(db, attribute.entityKind, row.entity_id),
        value: row.value,
      });
  }
  failures.sort((a, b) => a.entityName.localeCompare(b.entityName, undefined, { numeric: true }));
  return { convertible, failures };
}

export interface AttributeChanges {
  name?: string;
  type?: AttributeType;
  unit?: string | null;
  choices?: string[];
}

/** Renames or retypes an attribute; a retype converts every value, or changes nothing if one cannot be converted. */
export function updateAttribute(
  db: Db,
  changes: ChangeSet,
  id: string,
  patch: AttributeChanges,
): void {
  const attribute = getAttribute(db, id);
  if (patch.name !== undefined) checkNameFree(db, attribute.entityKind, patch.name, id);
  const type = patch.type ?? attribute.type;
  const choices = cleanChoices(patch.choices ?? attribute.choices);
  if (type === 'choice' && choices.length === 0) {
    throw new AxialError('invalid_input', 'A choice attribute needs at least one choice.', {
      details: 'choices',
      reason: 'choicesNeeded',
    });
  }
  if (type !== attribute.type || patch.choices !== undefined) {
    const preview = previewTypeChange(db, id, type, choices);
    if (preview.failures.length > 0) {
      const listed = preview.failures
        .slice(0, 5)
        .map((failure) => `${failure.entityName}: "${failure.value}"`)
        .join(', ');
      throw new AxialError(
        'invalid_operation',
        `${preview.failures.length} values of "${attribute.name}" cannot be converted (${listed}). Correct them first; nothing was changed.`,
        {
          reason: 'unconvertible',
          name: attribute.name,
          count: preview.failures.length,
          list: listed,
        },
      );
    }
    for (const row of valuesOf(db, id)) {
      const parsed = parseAttributeValue(type, row.value, choices);
      if (!parsed.ok) continue;
      if (parsed.value === null) deleteRow(db, changes, 'attribute_value', row.id);
      else if (storeValue(parsed.value) !== row.value)
        updateRow(db, changes, 'attribute_value', row.id, { value: storeValue(parsed.value) });
    }
  }
  const row: Record<string, unknown> = { modified_at: now() };
  if (patch.name !== undefined) row.name = patch.name;
  if (patch.type !== undefined) row.type = type;
  if (patch.unit !== undefined || patch.type !== undefined)
    row.unit = type === 'number' ? (patch.unit ?? attribute.unit)?.trim() || null : null;
  row.choices = JSON.stringify(type === 'choice' ? choices : []);
  updateRow(db, changes, 'attribute', id, row);
}

export function deleteAttribute(db: Db, changes: ChangeSet, id: string): void {
  getAttribute(db, id);
  for (const row of valuesOf(db, id)) deleteRow(db, changes, 'attribute_value', row.id);
  deleteRow(db, changes, 'attribute', id);
}

/** Sets (or, with null, clears) one entity's value, validated against the attribute's type. */
export function setAttributeValue(
  db: Db,
  changes: ChangeSet,
  attributeId: string,
  entityId: string,
  input: unknown,
): void {
  const attribute = getAttribute(db, attributeId);
  // The entity must exist and be of the attribute's kind: a case's attribute never lands on a participant.
  const table = attribute.entityKind === 'case' ? 'study_case' : attribute.entityKind;
  if (!statement(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(entityId)) {
    throw new AxialError('not_found', `There is no ${attribute.entityKind} with this identifier.`, {
      id: entityId,
    });
  }
  const parsed = parseAttributeValue(attribute.type, input, attribute.choices);
  if (!parsed.ok) {
    throw new AxialError(
      'invalid_input',
      `"${String(input)}" is not a valid value for "${attribute.name}" (${attribute.type}).`,
      {
        reason: parsed.kind,
        name: attribute.name,
        value: String(input),
        details: attribute.name,
      },
    );
  }
  const existing = statement(
    db,
    'SELECT id, value FROM attribute_value WHERE attribute_id = ? AND entity_id = ?',
  ).get(attributeId, entityId) as { id: string; value: string } | undefined;
  if (parsed.value === null) {
    if (existing) deleteRow(db, changes, 'attribute_value', existing.id);
    return;
  }
  const stored = storeValue(parsed.value);
  if (existing) {
    if (existing.value !== stored)
      updateRow(db, changes, 'attribute_value', existing.id, { value: stored });
  } else {
    insertRow(db, changes, 'attribute_value', {
      id: randomUUID(),
      attribute_id: attributeId,
      entity_id: entityId,
      value: stored,
    });
  }
}

/** All values of the entities of one kind: entity id → attribute id → typed value. */
export function valuesByEntity(
  db: Db,
  entityKind: EntityKind,
  /** Only these entities' values (a write's changes), otherwise every entity's. */
  entityIds?: readonly string[],
): Map<string, Record<string, AttributeValue>> {
  const select = `SELECT v.entity_id, v.attribute_id, v.value, a.type FROM attribute_value v
       JOIN attribute a ON a.id = v.attribute_id WHERE a.entity_kind = ?`;
  const rows = (
    entityIds
      ? db
          .prepare(`${select} AND v.entity_id IN (SELECT value FROM json_each(?))`)
          .all(entityKind, JSON.stringify(entityIds))
      : db.prepare(select).all(entityKind)
  ) as {
    entity_id: string;
    attribute_id: string;
    value: string;
    type: AttributeType;
  }[];
  const result = new Map<string, Record<string, AttributeValue>>();
  for (const row of rows) {
    const values = result.get(row.entity_id) ?? {};
    values[row.attribute_id] = loadValue(row.type, row.value);
    result.set(row.entity_id, values);
  }
  return result;
}

/** Removes an entity's values (when the entity is deleted). */
export function deleteValuesOf(db: Db, changes: ChangeSet, entityId: string): void {
  const rows = db.prepare('SELECT id FROM attribute_value WHERE entity_id = ?').all(entityId) as {
    id: string;
  }[];
  for (const row of rows) deleteRow(db, changes, 'attribute_value', row.id);
}
