import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * Bundles a test's child-process script (TypeScript, with the app's own
 * modules) next to node_modules, so the child resolves better-sqlite3 as the
 * app does. Returns the bundle's path, to run with process.execPath.
 */
export async function bundleChildScript(entry: string, name: string): Promise<string> {
  const outfile = join(process.cwd(), 'build', 'test', `${name}.cjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}
