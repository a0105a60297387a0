import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';
import { fileBytes } from '../../support/apiHarness';
import type { AppCore } from '../../../electron/api/core';

let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

async function call<T>(core: AppCore, method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function codeOnce(core: AppCore, name: string): Promise<string> {
  await call(core, 'projects.create', { path: join(folder.path, `${name}.axial`), title: name });
  const document = await call<{ id: string; version: number }>(core, 'documents.import', {
    fileName: 'entretien.txt',
    data: fileBytes('Élue : Le panel se réunit.'),
  });
  const code = await call<{ id: string }>(core, 'codes.create', { name: 'Panel', codable: true });
  const [coding] = await call<{ coder: string }[]>(core, 'codings.create', {
    documentId: document.id,
    version: document.version,
    start: 0,
    end: 5,
    codeIds: [code.id],
  });
  return coding!.coder;
}

describe('the coder’s name', () => {
  it('is the researcher’s choice, remembered on this computer, never the system account', async () => {
    const userData = join(folder.path, 'user-data');
    const first = testCore(userData);
    expect((await call<{ coderName: string | null }>(first, 'app.info', {})).coderName).toBeNull();
    const unnamed = await codeOnce(first, 'avant');
    expect(unnamed).toBe('researcher');
    const info = await call<{ coderName: string }>(first, 'app.setCoderName', {
      name: ' Marie D. ',
    });
    expect(info.coderName).toBe('Marie D.');
    expect(await codeOnce(first, 'apres')).toBe('Marie D.');
    first.shutdown();
    // The next session codes under the same name.
    const next = testCore(userData);
    expect((await call<{ coderName: string }>(next, 'app.info', {})).coderName).toBe('Marie D.');
    expect(await codeOnce(next, 'ensuite')).toBe('Marie D.');
    next.shutdown();
    const refused = await testCore(join(folder.path, 'other')).dispatch('app.setCoderName', {
      name: '   ',
    });
    expect(refused.ok).toBe(false);
  });
});
