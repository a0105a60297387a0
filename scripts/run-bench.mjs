// `npm run bench`: bundles the benchmark (TypeScript, with the app's own modules and the
// end-to-end helpers it drives Chromium with) and runs it on Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

// The web host runs in a process of its own for the long-transcript measurements.
const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

await build({
  entryPoints: ['bench/main.ts'],
  outfile: 'build/bench/bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['build/bench/bench.mjs'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
