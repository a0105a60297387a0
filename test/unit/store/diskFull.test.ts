import { Transform } from '@tiptap/pm/transform';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import type { Db } from '../../../electron/store/database';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { RECORDING_CHUNK_BYTES } from '../../../shared/recordings';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { projectContents } from '../../support/projectContents';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

function projectDb(): Db {
  return harness.core.context.session.require().db;
}

/**
 * The disk fills up. SQLite's own limit on the file's size, set at what the
 * file holds now, refuses the next page a transaction needs with SQLITE_FULL,
 * exactly as a full disk does; raising it is the researcher freeing space.
 */
function fillDisk(db: Db): () => void {
  const limit = db.pragma('max_page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  return () => db.pragma(`max_page_count = ${limit}`);
}

function plainText(db: Db, documentId: string): string {
  return db
    .prepare('SELECT plain_text FROM document WHERE id = ?')
    .pluck()
    .get(documentId) as string;
}

/** An interview far larger than the free pages of a small project: it needs new ones. */
function longInterview(label: string): string {
  const turn = `${label} : Le comité citoyen se réunit chaque mois, et la mairie publie ses comptes rendus.\n`;
  return turn.repeat(3000);
}

function expectDiskFull(result: unknown): void {
  expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
  const message = (result as { error: { message: string } }).error.message;
  expect(message).toContain('this action was not saved');
  expect(message).toContain('Nothing saved before was lost');
  expect(message).toContain('Free some space on the disk, then do it again');
}

describe('a full disk', () => {
  it('refuses an action saying nothing was lost, leaves the project and its undo history as they were, and the action works once there is room', async () => {
    await harness.call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes('Élue : Le maire porte le projet.'),
    });
    await harness.call('codes.create', { name: 'Leadership' });
    // Something undone, to redo later: a refused action must not clear it either.
    await harness.call('codes.create', { name: 'Ouverture' });
    await harness.call('history.undo', {});
    const db = projectDb();
    const before = projectContents(db);
    const historyBefore = await harness.call('history.state', {});
    expect(historyBefore).toMatchObject({ undoLabel: 'createCode', redoLabel: 'createCode' });

    const freeSpace = fillDisk(db);
    const refused = await harness.core.dispatch('documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes(longInterview('DGS')),
    });
    expectDiskFull(refused);
    expect(projectContents(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.inTransaction).toBe(false);
    expect(await harness.call('history.state', {})).toEqual(historyBefore);
    // Undo still undoes what was really done last, not the refused import.
    const undone = await harness.call('history.undo', {});
    expect(undone.label).toBe('createCode');
    expect(await harness.call('codes.list', {})).toEqual([]);
    await harness.call('history.redo', {});

    freeSpace();
    const imported = await harness.call('documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes(longInterview('DGS')),
    });
    expect((await harness.call('documents.list', {})).map((document) => document.title)).toEqual(
      expect.arrayContaining(['entretien-a', imported.title]),
    );
    expect(
      (await harness.call('search.text', { query: 'comptes' })).map((hit) => hit.documentId),
    ).toContain(imported.id);
    expect(await harness.call('history.state', {})).toMatchObject({
      undoLabel: 'importDocument',
      redoLabel: null,
    });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses typing the disk cannot hold at its version, and takes the same steps once there is room', async () => {
    const document = await harness.call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes('Élue : Le maire porte le projet.'),
    });
    const detail = await harness.call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const typed = longInterview('Note').replaceAll('\n', ' ');
    const steps = new Transform(doc)
      .insert(offsetToPosition(buildTextIndex(doc), 0), documentSchema.text(typed))
      .steps.map((step) => step.toJSON());
    const db = projectDb();
    const original = plainText(db, document.id);
    const before = projectContents(db);
    const freeSpace = fillDisk(db);
    expectDiskFull(
      await harness.core.dispatch('documents.applySteps', {
        id: document.id,
        version: detail.version,
        steps,
      }),
    );
    expect(projectContents(db)).toEqual(before);
    expect(await harness.call('history.state', {})).toMatchObject({
      undoLabel: 'importDocument',
      redoLabel: null,
    });

    freeSpace();
    // Nothing in memory moved on either: the same steps, at the same version, apply to the same text.
    const saved = await harness.call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps,
    });
    expect(saved.version).toBe(detail.version + 1);
    expect(plainText(db, document.id)).toBe(typed + original);
  });

  it('refuses an undo that needs room, keeping it in the history to undo once there is room', async () => {
    const document = await harness.call('documents.import', {
      fileName: 'entretien-a.txt',
      data: fileBytes(longInterview('Élue')),
    });
    await harness.call('documents.delete', { id: document.id });
    // A recording on its way in takes the pages the deletion freed, and the rest of the disk.
    const db = projectDb();
    const freeSpace = fillDisk(db);
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 300}`);
    const recordingId = crypto.randomUUID();
    let chunks = 0;
    for (;;) {
      const sent = await harness.core.dispatch('recordings.uploadChunk', {
        recordingId,
        index: chunks,
        data: Buffer.alloc(RECORDING_CHUNK_BYTES, chunks + 1),
      });
      if (!sent.ok) {
        expectDiskFull(sent);
        break;
      }
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(0);
    const before = projectContents(db);

    expectDiskFull(await harness.core.dispatch('history.undo', {}));
    expect(projectContents(db)).toEqual(before);
    expect(await harness.call('history.state', {})).toMatchObject({
      undoLabel: 'deleteDocument',
      redoLabel: null,
    });

    freeSpace();
    expect((await harness.call('history.undo', {})).label).toBe('deleteDocument');
    expect((await harness.call('documents.list', {})).map((entry) => entry.id)).toEqual([
      document.id,
    ]);
    // The upload the disk cut short is given back, as the app does when one fails.
    await harness.call('recordings.discard', { recordingId });
    expect(db.prepare('SELECT count(*) FROM recording_chunk').pluck().get()).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'says the same of a file write the system refuses for lack of space (ENOSPC), keeping the old file',
    async () => {
      await harness.call('app.setLanguage', { language: 'fr' });
      // The settings are written to a temporary file then renamed: that file is /dev/full,
      // which answers every write with ENOSPC, as a full disk does.
      const settings = join(harness.folder, 'user-data', 'settings.json');
      symlinkSync('/dev/full', `${settings}.${process.pid}.tmp`);
      expectDiskFull(await harness.core.dispatch('app.setLanguage', { language: 'en' }));
      expect((await harness.call('app.info', {})).language).toBe('fr');
      expect(existsSync(`${settings}.${process.pid}.tmp`)).toBe(false);
      await harness.call('app.setLanguage', { language: 'en' });
      expect((await harness.call('app.info', {})).language).toBe('en');
    },
  );

  it.skipIf(!existsSync('/dev/full'))(
    'makes the command line say the disk of its output is full, never removing what is not a plain file',
    async () => {
      await harness.call('codes.create', { name: 'Leadership' });
      await harness.call('projects.close', {});
      const error: string[] = [];
      const code = await runCli(['export-qdc', harness.projectPath, '--out', '/dev/full'], {
        out: () => undefined,
        error: (line) => error.push(line),
      }).catch((caught: unknown) => {
        error.push(caught instanceof Error ? caught.message : String(caught));
        return 1;
      });
      expect(code).toBe(1);
      expect(error.join('\n')).toContain('The disk of "/dev/full" is full: nothing was written');
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    },
  );

  it('says the copy was not written when the disk of a copy is full, and leaves nothing there', async (context) => {
    // A real small disk needs mounting one, which only root may do: elsewhere this case is skipped.
    const disk = join(harness.folder, 'small-disk');
    mkdirSync(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      context.skip(
        'mounting a 512 KiB tmpfs needs root; the full-project cases above cover SQLITE_FULL',
      );
    }
    try {
      const document = await harness.call('documents.import', {
        fileName: 'entretien-a.txt',
        data: fileBytes(longInterview('Élue')),
      });
      const before = projectContents(projectDb());
      const refused = await harness.fail('projects.saveCopy', {
        path: join(disk, 'copie.axial'),
        overwrite: false,
      });
      expect(refused).toMatchObject({ code: 'disk_full', params: { reason: 'copyDiskFull' } });
      expect(refused.message).toContain('the copy was not written, and the project is unchanged');
      expect(readdirSync(disk)).toEqual([]);
      expect(projectContents(projectDb())).toEqual(before);
      await harness.call('documents.update', { id: document.id, title: 'Toujours modifiable' });
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
