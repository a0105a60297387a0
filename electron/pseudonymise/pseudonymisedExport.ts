import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxialError } from '../../shared/errors';
import type { PseudonymEntry } from '../../shared/pseudonyms';
import type { Db } from '../store/database';
import type { ExportRequest } from '../exchange/runExport';
import { runExport } from '../exchange/runExport';
import type { PseudonymisedCopy } from './pseudonymisedCopy';
import { writePseudonymisedCopy } from './pseudonymisedCopy';

export type SharedFormat = 'axial' | 'qdpx' | 'xlsx';

const requests: Record<Exclude<SharedFormat, 'axial'>, ExportRequest> = {
  qdpx: { kind: 'refiProject' },
  xlsx: {
    kind: 'dataset',
    input: {
      format: 'xlsx',
      table: 'passages',
      values: 'counts',
      level: 'code',
      csvStyle: 'rfc4180',
      keepFormulas: false,
      columnNames: 'readable',
    },
  },
};

/**
 * What is shared, pseudonymised: the project copy itself, or a .qdpx or coded
 * dataset exported from that copy (checked for names before anything is
 * exported from it, then removed). The working project is never changed.
 */
export async function writePseudonymisedExport(
  db: Db,
  projectPath: string,
  target: string,
  entries: readonly PseudonymEntry[],
  options: { format: SharedFormat; keepRecordings: boolean; overwrite: boolean; version: string },
): Promise<PseudonymisedCopy> {
  if (options.format === 'axial')
    return writePseudonymisedCopy(db, projectPath, target, entries, options);
  const path = resolve(target);
  if (existsSync(path) && !options.overwrite)
    throw new AxialError(
      'file_exists',
      `A file already exists at "${path}". Choose another name, or confirm that it should be replaced.`,
      { path },
    );
  const staging = `${path}.${randomUUID().slice(0, 8)}.axial`;
  const copy = await writePseudonymisedCopy(db, projectPath, staging, entries, {
    keepRecordings: false,
    overwrite: false,
  });
  try {
    const source = new Database(staging, { readonly: true, fileMustExist: true });
    try {
      const outcome = await runExport(source, staging, options.version, requests[options.format]);
      writeFileSync(path, outcome.files[0]!.data);
    } finally {
      source.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
  }
  return { ...copy, path, recordingsLeftOut: 0 };
}
