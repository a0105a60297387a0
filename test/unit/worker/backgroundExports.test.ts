import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyCorpus } from '../../../bench/corpus';
import type { CoreWorker } from '../../../electron/worker/startCoreWorker';
import { buildCoreWorkerBundle, startTestCoreWorker } from '../../support/coreWorkerBundle';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
type Files = { fileName: string; data: string }[];

let folder: ReturnType<typeof makeTempDir>;
let core: CoreWorker;
let projectPath: string;
let documentId: string;
let codeId: string;
let codingsInProject: number;

/** A study big enough that its workbook takes a while: 40 interviews, 20,000 codings. */
beforeAll(async () => {
  folder = makeTempDir();
  projectPath = join(folder.path, 'etude.axial');
  const builder = testCore(join(folder.path, 'builder'));
  await builder.dispatch('projects.create', { path: projectPath, title: 'Étude', language: 'fr' });
  const corpus = await studyCorpus(builder, {
    documents: 40,
    characters: 15_000,
    cases: 8,
    codings: 20_000,
    codebook: [3, 4, 4],
  });
  documentId = corpus.documents[0]!.id;
  codeId = corpus.leafIds[0]!;
  codingsInProject = builder.context.session
    .require()
    .db.prepare('SELECT COUNT(*) FROM coding')
    .pluck()
    .get() as number;
  builder.shutdown();
  const bundle = await buildCoreWorkerBundle('core-worker-exports');
  core = await startTestCoreWorker(bundle, join(folder.path, 'user-data'), folder.path);
  expect(await core.dispatch('projects.open', { path: projectPath })).toMatchObject({ ok: true });
}, 120_000);
afterAll(async () => {
  await core.shutdown();
  folder.remove();
});

const documentVersion = async () =>
  (
    (await core.dispatch('documents.get', { id: documentId })) as Outcome<{ version: number }> & {
      ok: true;
    }
  ).value.version;

function passageRows(files: Files): number {
  const text = Buffer.from(files[0]!.data)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return Papa.parse(text, { header: true, skipEmptyLines: true }).data.length;
}

describe('exports on their own thread', () => {
  it('answers codings and reads while a workbook is written, and the workbook then arrives whole', async () => {
    const finished: string[] = [];
    const exporting = core.dispatch('dataset.export', { format: 'xlsx' }).then((result) => {
      finished.push('export');
      return result as Outcome<Files>;
    });
    const coding = core
      .dispatch('codings.create', {
        documentId,
        codeIds: [codeId],
        start: 0,
        end: 40,
        version: await documentVersion(),
      })
      .then((result) => {
        finished.push('coding');
        return result;
      });
    const overview = core.dispatch('projects.overview', {}).then((result) => {
      finished.push('overview');
      return result;
    });
    expect(await coding).toMatchObject({ ok: true });
    expect(await overview).toMatchObject({ ok: true });
    const workbook = await exporting;
    expect(finished).toEqual(['coding', 'overview', 'export']);
    expect(workbook.ok).toBe(true);
    if (!workbook.ok) return;
    const bytes = Buffer.from(workbook.value[0]!.data);
    // A zip (XLSX) ending in its central directory: written whole.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.subarray(-22, -18).readUInt32LE(0)).toBe(0x06054b50);
    // Undone, so that the next test counts from the project as it was built.
    expect(await core.dispatch('history.undo', {})).toMatchObject({ ok: true });
  });

  it('exports the project as it was when the export started: a coding made meanwhile is in the next one', async () => {
    const before = core.dispatch('dataset.export', { format: 'csv', table: 'passages' });
    const coding = core.dispatch('codings.create', {
      documentId,
      codeIds: [codeId],
      start: 50,
      end: 90,
      version: await documentVersion(),
    });
    const first = (await before) as Outcome<Files>;
    expect(await coding).toMatchObject({ ok: true });
    const second = (await core.dispatch('dataset.export', {
      format: 'csv',
      table: 'passages',
    })) as Outcome<Files>;
    if (!first.ok || !second.ok) throw new Error('an export failed');
    expect(passageRows(first.value)).toBe(codingsInProject);
    expect(passageRows(second.value)).toBe(codingsInProject + 1);
    await core.dispatch('history.undo', {});
  });

  it('stops a cancelled export at once, says so, and leaves no file behind', async () => {
    const filesBefore = readdirSync(folder.path).sort();
    const jobId = crypto.randomUUID();
    const exporting = core.dispatch('refi.exportProject', { jobId });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await core.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: null });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(folder.path).sort()).toEqual(filesBefore);
    // The project goes on as before.
    expect(await core.dispatch('projects.overview', {})).toMatchObject({ ok: true });
  });

  it('reports an export that cannot read the project, and the project is unchanged', async () => {
    // The file moves away under the open project (a synchronised folder, a disk unplugged).
    const moved = `${projectPath}.moved`;
    renameSync(projectPath, moved);
    try {
      const failed = (await core.dispatch('dataset.export', { format: 'xlsx' })) as Outcome<Files>;
      expect(failed.ok).toBe(false);
      if (failed.ok) return;
      expect(failed.error.code).toBe('internal');
      expect(failed.error.message).toMatch(/export/i);
      expect(existsSync(projectPath)).toBe(false);
    } finally {
      renameSync(moved, projectPath);
    }
    expect(await core.dispatch('projects.overview', {})).toMatchObject({ ok: true });
  });

  it('cancels an export still waiting its turn', async () => {
    const first = core.dispatch('dataset.export', { format: 'csv', table: 'passages' });
    const jobId = crypto.randomUUID();
    const second = core.dispatch('dataset.export', { format: 'xlsx', jobId });
    // Answered at once, while the second waits behind the first's start.
    expect(await core.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: null });
    expect(await second).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await first).toMatchObject({ ok: true });
  });

  it('stops a running export when the project closes, and the project is one file again', async () => {
    const exporting = core.dispatch('dataset.export', { format: 'xlsx' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await core.dispatch('projects.close', {})).toMatchObject({ ok: true });
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    // The log was folded back: nothing of the project lives beside its file.
    expect(existsSync(`${projectPath}-wal`)).toBe(false);
    expect(await core.dispatch('projects.open', { path: projectPath })).toMatchObject({
      ok: true,
    });
  });
});
