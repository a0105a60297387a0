// `npm run screenshots`: bundles scripts/screenshots.ts (with the end-to-end helpers) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['scripts/screenshots.ts'],
  outfile: 'build/scripts/screenshots.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['build/scripts/screenshots.mjs'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
