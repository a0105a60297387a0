import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxialError } from '../../shared/errors';
import type { PseudonymEntry } from '../../shared/pseudonyms';
import { saveCopy } from '../store/backup';
import type { Db } from '../store/database';
import { openProjectDatabase } from '../store/database';
import { refuseIfOpen } from '../store/projectLock';
import { ChangeSet } from '../store/journal';
import { listPseudonymExceptions } from '../store/pseudonymExceptions';
import type { PseudonymKey } from './keyFile';
import { pseudonymiseProject } from './pseudonymiseProject';
import type { RemainingName } from './remainingInFile';
import { remainingInFile } from './remainingInFile';
import { nameTableOf } from './nameTable';

export interface PseudonymisedCopy {
  path: string;
  key: PseudonymKey;
  /** Recordings left out of the copy (their voices name the people). */
  recordingsLeftOut: number;
}

const removeFile = (path: string) => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

/** What a shared copy leaves out: the key itself, the researcher's activity, the ids of deleted rows, originals. */
function leaveOut(db: Db, keepRecordings: boolean): number {
  db.exec(
    'DELETE FROM pseudonym_exception; DELETE FROM pseudonym; DELETE FROM activity; DELETE FROM deleted_row',
  );
  // An original PDF names people in words no replacement reaches, and in compressed streams the
  // copy's check cannot read: a shared copy never carries one (its text, pseudonymised, stays).
  db.exec('DELETE FROM document_original_chunk; DELETE FROM document_original');
  const recordings = Number(db.prepare('SELECT COUNT(*) FROM recording').pluck().get());
  if (!keepRecordings) db.exec('DELETE FROM recording_chunk; DELETE FROM recording');
  return keepRecordings ? 0 : recordings;
}

/**
 * A pseudonymised copy of the open project, which stays as it is: made from
 * a snapshot beside the target, every real name replaced as edits would
 * replace them, the search index rebuilt, then written out by VACUUM INTO so
 * that no page of the copy keeps what was replaced. The copy is read back
 * before it is handed over: a name still found anywhere in its bytes
 * removes it, and says where.
 */
export async function writePseudonymisedCopy(
  db: Db,
  sourcePath: string,
  target: string,
  entries: readonly PseudonymEntry[],
  options: { keepRecordings: boolean; overwrite: boolean },
): Promise<PseudonymisedCopy> {
  const path = resolve(target);
  if (!entries.length)
    throw new AxialError(
      'invalid_input',
      'The pseudonym table is empty: add the names to replace before exporting a pseudonymised copy.',
      { reason: 'emptyTable' },
    );
  // As "Save a copy": a file in the way is replaced only when asked, and never one open in Axial.
  if (existsSync(path)) {
    refuseIfOpen(path);
    if (!options.overwrite)
      throw new AxialError(
        'file_exists',
        `A file already exists at "${path}". Choose another name, or confirm that it should be replaced.`,
        { path },
      );
  }
  const table = await nameTableOf(entries);
  const snapshot = `${path}.${randomUUID().slice(0, 8)}.snapshot`;
  await saveCopy(db, sourcePath, snapshot, false);
  let copy: Db | null = null;
  try {
    copy = openProjectDatabase(snapshot, { integrityCheck: false });
    const working = copy;
    const projectId = String(working.prepare('SELECT id FROM project').pluck().get());
    const { log, recordingsLeftOut, left } = working.transaction(() => {
      const made = pseudonymiseProject(working, new ChangeSet('pseudonymise'), table);
      // Where the occurrences left as written are now, carried by the replacements before them.
      const leftAsWritten = listPseudonymExceptions(working);
      const recordings = leaveOut(working, options.keepRecordings);
      // The index's segments keep the words of texts replaced since: it is made again from the texts.
      working.exec("INSERT INTO text_index (text_index) VALUES ('rebuild')");
      return { log: made, recordingsLeftOut: recordings, left: leftAsWritten };
    })();
    if (options.overwrite) removeFile(path);
    working.prepare('VACUUM INTO ?').run(path);
    copy.close();
    copy = null;
    const remaining = remainingInFile(path, table, left);
    if (remaining.length) {
      removeFile(path);
      throw stillNamed(remaining, entries);
    }
    return {
      path,
      key: { projectId, madeAt: new Date().toISOString(), entries: [...entries], log },
      recordingsLeftOut,
    };
  } finally {
    copy?.close();
    removeFile(snapshot);
  }
}

function stillNamed(remaining: RemainingName[], entries: readonly PseudonymEntry[]): AxialError {
  const names = [...new Set(remaining.map((found) => found.text))].slice(0, 5);
  const where = [...new Set(remaining.map((found) => found.where))].slice(0, 5);
  const real = new Map(entries.map((entry) => [entry.id, entry.real]));
  return new AxialError(
    'internal',
    `The copy was not kept: ${names.map((name) => `"${name}"`).join(', ')} still appeared in it (${where.join(', ')}). Your project is unchanged. Check these names in the table and try again.`,
    {
      reason: 'namesRemain',
      names: names.join(', '),
      where: where.join(', '),
      entries: [...new Set(remaining.map((found) => real.get(found.entryId) ?? ''))].join(', '),
    },
  );
}
