import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreWorker } from '../../../electron/worker/startCoreWorker';
import type { ProjectChanges } from '../../../shared/projectChanges';
import { buildCoreWorkerBundle, startTestCoreWorker } from '../../support/coreWorkerBundle';
import { docxFile } from '../../support/docx';
import { makeTempDir } from '../../support/tempDir';

type Outcome<T> =
  | { ok: true; value: T; changes?: ProjectChanges }
  | { ok: false; error: { code: string; message: string; params?: Record<string, unknown> } };

let folder: ReturnType<typeof makeTempDir>;
let core: CoreWorker;
let projectPath: string;

// About a second of reading for mammoth: 12,000 turns of an interview.
const longDocx = docxFile(
  Array.from({ length: 12_000 }, (_, index) => ({
    runs: [
      {
        text: `${index % 2 ? 'DGS' : 'Enquêteur'} : Nous associons les habitants au comité de suivi, chaque mois, à la mairie (${index}).`,
      },
    ],
  })),
);

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await core.dispatch(method, input)) as Outcome<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const documentCount = async () => (await call<unknown[]>('documents.list', {})).length;

beforeAll(async () => {
  folder = makeTempDir();
  projectPath = join(folder.path, 'etude.axial');
  const bundle = await buildCoreWorkerBundle('core-worker-imports');
  core = await startTestCoreWorker(bundle, join(folder.path, 'user-data'), folder.path);
  await call('projects.create', { path: projectPath, title: 'Étude', language: 'fr' });
}, 60_000);
afterAll(async () => {
  await core.shutdown();
  folder.remove();
});

describe('imports read on their own thread', () => {
  it('answers reads and codings while a long .docx is read, then writes it after them, whole', async () => {
    const axis = await call<{ id: string }>('codes.create', { name: 'Ouverture' });
    const code = await call<{ id: string }>('codes.create', {
      name: 'Participation',
      parentId: axis.id,
    });
    const short = await call<{ id: string; version: number }>('documents.import', {
      fileName: 'court.txt',
      data: new TextEncoder().encode('Élue : Le panel citoyen se réunit.'),
    });
    const before = await documentCount();
    const finished: string[] = [];
    const importing = core
      .dispatch('documents.import', { fileName: 'long.docx', data: longDocx })
      .then((result) => {
        finished.push('import');
        return result as Outcome<{ id: string; length: number }>;
      });
    const listing = core.dispatch('codes.list', {}).then(() => finished.push('list'));
    const coding = core
      .dispatch('codings.create', {
        documentId: short.id,
        codeIds: [code.id],
        start: 7,
        end: 27,
        version: short.version,
      })
      .then((result) => {
        finished.push('coding');
        return result as Outcome<unknown[]>;
      });
    const [imported, , coded] = await Promise.all([importing, listing, coding]);
    expect(finished).toEqual(['list', 'coding', 'import']);
    expect(coded, JSON.stringify(coded)).toMatchObject({ ok: true });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.length).toBeGreaterThan(900_000);
    // What the import wrote comes back with it, and nothing the coding wrote.
    expect(imported.changes?.documents?.rows.map((row) => row.id)).toEqual([imported.value.id]);
    expect(imported.changes?.codes).toBeUndefined();
    expect(await documentCount()).toBe(before + 1);
    // One step to undo: the import, the coding stays.
    await call('history.undo', {});
    expect(await documentCount()).toBe(before);
    expect(await call<unknown[]>('codings.forDocument', { documentId: short.id })).toHaveLength(1);
  });

  it('stops a cancelled import at once, says so, and imports nothing', async () => {
    const before = await documentCount();
    const jobId = crypto.randomUUID();
    const importing = core.dispatch('documents.import', {
      fileName: 'long.docx',
      data: longDocx,
      jobId,
    }) as Promise<Outcome<unknown>>;
    expect(await core.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: null });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await documentCount()).toBe(before);
  });

  it('imports into no project when the project closes while the file is read', async () => {
    const before = await documentCount();
    const other = join(folder.path, 'autre.axial');
    const importing = core.dispatch('documents.import', {
      fileName: 'long.docx',
      data: longDocx,
    }) as Promise<Outcome<unknown>>;
    await call('projects.create', { path: other, title: 'Autre' });
    expect(await importing).toMatchObject({
      ok: false,
      error: { code: 'invalid_operation', params: { reason: 'closedDuringImport' } },
    });
    expect(await documentCount()).toBe(0);
    await call('projects.open', { path: projectPath });
    expect(await documentCount()).toBe(before);
  });

  it('reports a file its thread cannot read as the core would, and writes nothing', async () => {
    const before = await documentCount();
    const refused = (await core.dispatch('documents.import', {
      fileName: 'faux.docx',
      data: new TextEncoder().encode('not a zip at all'),
    })) as Outcome<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
    const table = (await core.dispatch('tables.previewImport', {
      entityKind: 'case',
      fileName: 'cas.csv',
      data: new TextEncoder().encode('Nom;Type\nA;Commune\nB;Métropole\n'),
    })) as Outcome<{ rows: unknown[] }>;
    expect(table).toMatchObject({ ok: true });
    expect(await documentCount()).toBe(before);
  });

  it('makes a .qdpx into a new project on its own thread while the open project answers, then opens it', async () => {
    const exported = await call<{ file: { data: Uint8Array } }>('refi.exportProject', {});
    const before = await documentCount();
    const target = join(folder.path, 'depuis-qdpx.axial');
    const finished: string[] = [];
    const importing = core
      .dispatch('refi.importProject', {
        fileName: 'etude.qdpx',
        data: exported.file.data,
        path: target,
      })
      .then((result) => {
        finished.push('import');
        return result as Outcome<{ project: { path: string } }>;
      });
    const listing = core.dispatch('documents.list', {}).then(() => finished.push('list'));
    const [imported] = await Promise.all([importing, listing]);
    expect(finished).toEqual(['list', 'import']);
    expect(imported).toMatchObject({ ok: true, value: { project: { path: target } } });
    expect(await documentCount()).toBe(before);
    await call('projects.open', { path: projectPath });
  });

  it('stops a .qdpx import at once and leaves no file behind', async () => {
    const exported = await call<{ file: { data: Uint8Array } }>('refi.exportProject', {});
    const target = join(folder.path, 'arrete.axial');
    const jobId = crypto.randomUUID();
    const importing = core.dispatch('refi.importProject', {
      fileName: 'etude.qdpx',
      data: exported.file.data,
      path: target,
      jobId,
    }) as Promise<Outcome<unknown>>;
    expect(await core.dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, value: null });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    for (const suffix of ['', '-wal', '-shm']) expect(existsSync(target + suffix)).toBe(false);
    // The open project is still the one it was.
    expect(await call<{ path: string }>('projects.current', {})).toMatchObject({
      path: projectPath,
    });
  });
});
