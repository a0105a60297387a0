import { join } from 'node:path';
import type { AppCore } from '../../electron/api/core';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';
import type { ApiError } from '../../shared/errors';
import { testCore } from './core';
import { makeTempDir } from './tempDir';

/** A real core with a project open, and typed calls that throw the API error on failure. */
export interface Harness {
  core: AppCore;
  folder: string;
  projectPath: string;
  call<Name extends MethodName>(
    method: Name,
    input: MethodInput<Name>,
  ): Promise<MethodOutput<Name>>;
  fail(method: MethodName, input: unknown): Promise<ApiError>;
  close(): void;
}

export async function openHarness(): Promise<Harness> {
  const temp = makeTempDir();
  const core = testCore(join(temp.path, 'user-data'));
  const call = async <Name extends MethodName>(method: Name, input: MethodInput<Name>) => {
    const result = await core.dispatch(method, input);
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<Name>;
  };
  const projectPath = join(temp.path, 'study.axial');
  await call('projects.create', { path: projectPath, title: 'Étude' });
  return {
    core,
    folder: temp.path,
    projectPath,
    call,
    async fail(method, input) {
      const result = await core.dispatch(method, input);
      if (result.ok) throw new Error(`${method} succeeded but should have failed`);
      return result.error;
    },
    close() {
      core.shutdown();
      temp.remove();
    },
  };
}

/** A file's bytes: text as UTF-8, bytes as they are. */
export function fileBytes(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? new TextEncoder().encode(text) : text;
}
