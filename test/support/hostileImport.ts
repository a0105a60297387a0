/**
 * Child process of the hostile-files test: one real core with a project open,
 * one hostile file, through the method a researcher's import uses. Prints
 * what the API answered, how long it took, the process's peak memory, and the
 * project's counts before and after. Run with a capped heap: a file that makes
 * the import take more memory kills the child, and fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore } from '../../electron/api/core';

const [folder = '', method = '', fileName = '', path = '', extra] = process.argv.slice(2);
if (!folder || !method || !fileName || !path) throw new Error('usage: FOLDER METHOD NAME PATH');
const core = createAppCore(join(folder, 'user-data'), {
  kind: 'web',
  version: 'test',
  defaultProjectFolder: folder,
});

function peakMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function counts() {
  const totals: Record<string, number> = {};
  for (const list of ['documents.list', 'codes.list', 'cases.list', 'attributes.list'] as const) {
    const result = await core.dispatch(list, {});
    totals[list] = result.ok ? (result.value as unknown[]).length : -1;
  }
  return totals;
}

async function main(): Promise<void> {
  const project = join(folder, 'projet.axial');
  await core.dispatch('projects.create', { path: project, title: 'Projet' });
  await core.dispatch('codes.create', { name: 'Déjà là' });
  const before = await counts();
  const data = readFileSync(path);
  const input: Record<string, unknown> = { fileName, data, ...(extra ? JSON.parse(extra) : {}) };
  if (method === 'refi.importProject') input.path = join(folder, 'nouveau.axial');
  const started = performance.now();
  const result = await core.dispatch(method, input);
  const milliseconds = Math.round(performance.now() - started);
  const after = await counts();
  process.stdout.write(
    JSON.stringify({
      ok: result.ok,
      error: result.ok ? null : result.error,
      warnings: result.ok
        ? ((result.value as { warnings?: unknown; report?: { warnings: unknown } }).warnings ??
          (result.value as { report?: { warnings: unknown } }).report?.warnings ??
          null)
        : null,
      milliseconds,
      peakMb: peakMb(),
      unchanged: JSON.stringify(before) === JSON.stringify(after),
    }),
  );
  core.shutdown();
}

void main();
