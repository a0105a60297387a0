import type { MergeContext, Row } from './mergeContext';
import { nameKey } from './mergeContext';

const all = (context: MergeContext, side: 'db' | 'source', sql: string) =>
  context[side].prepare(sql).all() as Row[];

/** Each code's names from its axis down, in either project. */
function pathsOf(codes: readonly Row[]): Map<string, string[]> {
  const byId = new Map(codes.map((code) => [String(code.id), code]));
  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const code = byId.get(id);
    if (!code) return [];
    // A parent missing or looping (a damaged file) ends the path rather than the merge.
    paths.set(id, [String(code.name)]);
    const parent = code.parent_id ? pathOf(String(code.parent_id)) : [];
    const path = [...parent, String(code.name)];
    paths.set(id, path);
    return path;
  };
  for (const id of byId.keys()) pathOf(id);
  return paths;
}

const pathKey = (path: readonly string[]) => path.map(nameKey).join('\u0000');

/**
 * Their codebook into this one: a code matched by its id, else by its path of
 * names (a colleague who made "Proactivité > Anticipation" too), else added
 * under its matched parent, after the codes there.
 */
export function mergeCodes(context: MergeContext): (theirId: string) => string[] {
  const mine = all(context, 'db', 'SELECT * FROM code');
  const theirs = all(context, 'source', 'SELECT * FROM code ORDER BY position, created_at');
  const mineById = new Map(mine.map((code) => [String(code.id), code]));
  const minePaths = pathsOf(mine);
  const mineByPath = new Map([...minePaths].map(([id, path]) => [pathKey(path), id]));
  const theirPaths = pathsOf(theirs);
  const theirIds = new Set(theirs.map((code) => String(code.id)));
  const children = new Map<string | null, Row[]>();
  for (const code of theirs) {
    // A code whose parent the file lacks (a damaged file) is taken as an axis.
    const parent =
      code.parent_id && theirIds.has(String(code.parent_id)) ? String(code.parent_id) : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const positions = new Map<string | null, () => number>();
  const nextIn = (parent: string | null) => {
    let next = positions.get(parent);
    if (!next) {
      next =
        parent === null
          ? context.nextPosition('code', 'parent_id IS NULL')
          : context.nextPosition('code', 'parent_id = ?', parent);
      positions.set(parent, next);
    }
    return next();
  };
  const fields = [
    ['name', 'name'],
    ['description', 'description'],
    ['memo', 'memo'],
    ['colour', 'colour'],
  ] as const;
  const visit = (parentTheirs: string | null, seen: Set<string>) => {
    for (const code of children.get(parentTheirs) ?? []) {
      const id = String(code.id);
      if (seen.has(id)) continue;
      seen.add(id);
      const path = theirPaths.get(id) ?? [String(code.name)];
      if (!mineById.has(id) && context.deletedHere('code', id)) {
        visit(id, seen);
        continue;
      }
      const matched = mineById.has(id) ? id : mineByPath.get(pathKey(path));
      if (matched) {
        context.codes.set(id, matched);
        const here = mineById.get(matched)!;
        context.compare(
          'code',
          'code',
          (minePaths.get(matched) ?? path).join(' › '),
          here,
          code,
          matched === id ? fields : fields.slice(1),
        );
      } else {
        const parent = parentTheirs === null ? null : (context.codes.get(parentTheirs) ?? null);
        const newId = context.freeId('code', id);
        context.writes.insert('code', {
          ...code,
          id: newId,
          parent_id: parent,
          position: nextIn(parent),
        });
        context.codes.set(id, newId);
        mineByPath.set(pathKey(path), newId);
        minePaths.set(newId, path);
        context.added.codes += 1;
      }
      visit(id, seen);
    }
  };
  visit(null, new Set());
  return (theirId) => {
    const mineId = context.codes.get(theirId);
    return (mineId ? minePaths.get(mineId) : undefined) ?? theirPaths.get(theirId) ?? [];
  };
}

/**
 * Cases, then participants (in their cases), then attributes: matched by id,
 * else by name (names are unique in a project), else added.
 */
export function mergeCasesAndPeople(context: MergeContext): void {
  for (const [table, subject, map] of [
    ['study_case', 'case', context.cases],
    ['participant', 'participant', context.participants],
  ] as const) {
    const mine = all(context, 'db', `SELECT * FROM ${table}`);
    const mineById = new Map(mine.map((row) => [String(row.id), row]));
    const mineByName = new Map(mine.map((row) => [nameKey(row.name), row]));
    const next = context.nextPosition(table);
    for (const row of all(context, 'source', `SELECT * FROM ${table} ORDER BY position`)) {
      const id = String(row.id);
      if (!mineById.has(id) && context.deletedHere(table, id)) continue;
      const here = mineById.get(id) ?? mineByName.get(nameKey(row.name));
      const caseId =
        table === 'participant' && row.case_id
          ? (context.cases.get(String(row.case_id)) ?? null)
          : null;
      if (here) {
        map.set(id, String(here.id));
        context.compare(
          table,
          subject,
          String(here.name),
          here,
          row,
          [
            ['name', 'name'],
            ['description', 'description'],
            ['memo', 'memo'],
          ],
          (column, value) => column === 'name' && mineByName.has(nameKey(value)),
        );
        if (table === 'participant' && here.case_id === null && caseId !== null)
          context.writes.update(table, String(here.id), { case_id: caseId });
        continue;
      }
      const newId = context.freeId(table, id);
      context.writes.insert(table, {
        ...row,
        id: newId,
        position: next(),
        ...(table === 'participant' ? { case_id: caseId } : {}),
      });
      map.set(id, newId);
      mineByName.set(nameKey(row.name), { ...row, id: newId });
      context.added[table === 'study_case' ? 'cases' : 'participants'] += 1;
    }
  }
}

export function mergeAttributes(context: MergeContext): void {
  const mine = all(context, 'db', 'SELECT * FROM attribute');
  const mineById = new Map(mine.map((row) => [String(row.id), row]));
  const key = (row: Row) => `${String(row.entity_kind)}:${nameKey(row.name)}`;
  const mineByName = new Map(mine.map((row) => [key(row), row]));
  const next = context.nextPosition('attribute');
  for (const row of all(context, 'source', 'SELECT * FROM attribute ORDER BY position')) {
    const id = String(row.id);
    if (!mineById.has(id) && context.deletedHere('attribute', id)) continue;
    const here = mineById.get(id) ?? mineByName.get(key(row));
    if (here && here.entity_kind === row.entity_kind) {
      context.attributes.set(id, String(here.id));
      // A number here and text there (say): their values would not read as this type.
      if (here.type !== row.type) context.typeMismatch.set(id, String(here.name));
      context.compare(
        'attribute',
        'attribute',
        String(here.name),
        here,
        row,
        [['name', 'name']],
        (_column, value) => mineByName.has(`${String(row.entity_kind)}:${nameKey(value)}`),
      );
      continue;
    }
    if (here) continue;
    const newId = context.freeId('attribute', id);
    context.writes.insert('attribute', { ...row, id: newId, position: next() });
    context.attributes.set(id, newId);
    mineByName.set(key(row), { ...row, id: newId });
    context.added.attributes += 1;
  }
}

/** Attribute values of the cases, people and documents both now hold. */
export function mergeValues(context: MergeContext): void {
  const kinds = new Map(
    (all(context, 'db', 'SELECT id, entity_kind, name FROM attribute') as Row[]).map((row) => [
      String(row.id),
      row,
    ]),
  );
  const entityMaps = {
    case: context.cases,
    participant: context.participants,
    document: context.documents,
  } as Record<string, Map<string, string>>;
  const names = new Map<string, string>();
  for (const [table, column] of [
    ['study_case', 'name'],
    ['participant', 'name'],
    ['document', 'title'],
  ] as const)
    for (const row of all(context, 'db', `SELECT id, ${column} AS name FROM ${table}`))
      names.set(String(row.id), String(row.name));
  const existing = context.db.prepare(
    'SELECT * FROM attribute_value WHERE attribute_id = ? AND entity_id = ?',
  );
  for (const row of all(context, 'source', 'SELECT * FROM attribute_value')) {
    if (context.typeMismatch.has(String(row.attribute_id))) continue;
    const attributeId = context.attributes.get(String(row.attribute_id));
    const attribute = attributeId ? kinds.get(attributeId) : undefined;
    if (!attributeId || !attribute) continue;
    const entityId = entityMaps[String(attribute.entity_kind)]?.get(String(row.entity_id));
    if (!entityId) continue;
    const here = existing.get(attributeId, entityId) as Row | undefined;
    if (here) {
      context.compare(
        'attribute_value',
        'value',
        `${String(attribute.name)} · ${names.get(entityId) ?? ''}`,
        here,
        row,
        [['value', 'value']],
      );
      continue;
    }
    if (context.deletedHere('attribute_value', row.id)) continue;
    context.writes.insert('attribute_value', {
      id: context.freeId('attribute_value', row.id),
      attribute_id: attributeId,
      entity_id: entityId,
      value: row.value,
    });
    context.added.values += 1;
  }
}
