import { randomUUID } from 'node:crypto';
import type { Language, ProjectSummary } from '../../shared/domain';
import { AxialError } from '../../shared/errors';
import { recordActivity } from './activity';
import { now } from './clock';
import type { Db } from './database';
import { schemaVersion } from './migrations';

interface ProjectRow {
  id: string;
  title: string;
  description: string;
  language: Language;
  created_at: string;
  modified_at: string;
}

export interface ProjectProperties {
  title: string;
  description: string;
  language: Language;
}

function toProjectSummary(row: ProjectRow, path: string, version: number): ProjectSummary {
  return {
    id: row.id,
    path,
    title: row.title,
    description: row.description,
    language: row.language,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    schemaVersion: version,
    readOnlyCopy: null,
  };
}

export function initialiseProject(db: Db, properties: ProjectProperties): void {
  const timestamp = now();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO project (singleton, id, title, description, language, created_at, modified_at)
       VALUES (1, ?, ?, ?, ?, ?, ?)`,
    ).run(
      randomUUID(),
      properties.title,
      properties.description,
      properties.language,
      timestamp,
      timestamp,
    );
    recordActivity(db, 'project.create', properties.title);
  })();
}

export function getProject(db: Db, path: string): ProjectSummary {
  const row = db.prepare('SELECT * FROM project WHERE singleton = 1').get() as
    ProjectRow | undefined;
  if (!row) {
    throw new AxialError(
      'project_corrupt',
      `"${path}" has no project record. Open a backup copy of the project.`,
      { path, detail: 'missing project row' },
    );
  }
  return toProjectSummary(row, path, schemaVersion(db));
}

export function updateProject(
  db: Db,
  path: string,
  changes: Partial<ProjectProperties>,
): ProjectSummary {
  return db.transaction(() => {
    const before = getProject(db, path);
    const after = { ...before, ...definedOnly(changes) };
    db.prepare(
      `UPDATE project SET title = ?, description = ?, language = ?, modified_at = ? WHERE singleton = 1`,
    ).run(after.title, after.description, after.language, now());
    const changed = (Object.keys(definedOnly(changes)) as (keyof ProjectProperties)[]).filter(
      (key) => before[key] !== after[key],
    );
    recordActivity(db, 'project.update', changed.join(','));
    return getProject(db, path);
  })();
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
