import type { BuildOptions } from 'esbuild';
import { build } from 'esbuild';
import { join } from 'node:path';
import type { CoreWorker } from '../../electron/worker/startCoreWorker';
import { startCoreWorker } from '../../electron/worker/startCoreWorker';
import { exportBundleBeside } from '../../electron/worker/threadWork';

/**
 * The core's worker bundle as scripts/build-electron.mjs writes it, under
 * build/ so that its one external module (better-sqlite3) resolves from the
 * repository's node_modules.
 */
export async function buildCoreWorkerBundle(name: string): Promise<string> {
  const outfile = join(process.cwd(), 'build', 'test-bundles', `${name}.cjs`);
  const options: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: [
      'electron',
      'better-sqlite3',
      'an-array-of-french-words',
      'an-array-of-english-words',
      '@etalab/decoupage-administratif',
    ],
    logLevel: 'silent',
  };
  await Promise.all([
    build({ ...options, entryPoints: ['electron/worker/coreWorker.ts'], outfile }),
    // The export threads' bundle, where the core looks for it.
    build({
      ...options,
      entryPoints: ['electron/worker/exportWorker.ts'],
      outfile: exportBundleBeside(outfile),
    }),
  ]);
  return outfile;
}

/** The core's worker from that bundle, as the web host starts it (no native dialogs). */
export function startTestCoreWorker(
  bundle: string,
  userDataDir: string,
  defaultProjectFolder = userDataDir,
): Promise<CoreWorker> {
  return startCoreWorker(bundle, {
    userDataDir,
    kind: 'web',
    version: '0.0.0-test',
    defaultProjectFolder,
    nativeDialogs: false,
  });
}
