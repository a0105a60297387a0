import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/api/core';
import { threadWork } from '../../../electron/worker/threadWork';
import { buildCoreWorkerBundle } from '../../support/coreWorkerBundle';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

let bundle: string;
let folder: ReturnType<typeof makeTempDir>;
let core: AppCore | null = null;
beforeAll(async () => {
  bundle = await buildCoreWorkerBundle('core-worker-integrity');
});
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => {
  core?.shutdown();
  core = null;
  folder.remove();
});

/** A project with forty transcripts: most of its pages hold their text and its index. */
async function projectWithTranscripts(name: string): Promise<string> {
  const path = join(folder.path, name);
  const builder = testCore(join(folder.path, 'builder'));
  await builder.dispatch('projects.create', { path, title: 'Étude', language: 'fr' });
  for (let index = 0; index < 40; index += 1) {
    const text = Array.from(
      { length: 200 },
      (_, line) => `Élue ${index} : la réunion numéro ${line} associe les habitants 🏛️.`,
    ).join('\n');
    await builder.dispatch('documents.import', {
      fileName: `Entretien ${index}.txt`,
      data: Buffer.from(text),
    });
  }
  builder.shutdown();
  return path;
}

function appCore(): AppCore {
  core = testCore(join(folder.path, 'user-data'));
  core.context.background = threadWork(bundle);
  return core;
}

describe('the integrity check after opening, on its own thread', () => {
  it('lets a sound project open at once and be written once it has run', async () => {
    const path = await projectWithTranscripts('saine.axial');
    const app = appCore();
    expect(await app.dispatch('projects.open', { path })).toMatchObject({ ok: true });
    const project = app.context.session.require();
    expect(project.integrityChecked).toBeInstanceOf(Promise);
    await project.integrityChecked;
    expect(await app.dispatch('codes.create', { name: 'Proactivité' })).toMatchObject({
      ok: true,
    });
  });

  it('stops every write to a project found damaged, saying so, and leaves its file as it was', async () => {
    const path = await projectWithTranscripts('abimee.axial');
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // Pages in the middle of the file (transcripts' text), not the header or the schema.
    for (let page = Math.floor(pages * 0.5); page < Math.floor(pages * 0.6); page += 1)
      bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    writeFileSync(path, bytes);
    const app = appCore();
    expect(await app.dispatch('projects.open', { path })).toMatchObject({ ok: true });
    await app.context.session.require().integrityChecked;
    const refused = await app.dispatch('codes.create', { name: 'Proactivité' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'project_corrupt', params: { path } },
    });
    app.shutdown();
    core = null;
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('says nothing of a project it could not read, rather than calling it damaged', async () => {
    const work = threadWork(bundle);
    expect(await work.checkIntegrity(join(folder.path, 'nowhere.axial'))).toBeNull();
    const path = await projectWithTranscripts('lue.axial');
    expect(await work.checkIntegrity(path)).toBe('ok');
  });
});
