// `npm run bench`: bundles the benchmark (TypeScript, with the app's own modules) and runs it on Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/longTranscript.ts'],
  outfile: 'build/bench/long-transcript.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['build/bench/long-transcript.mjs'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
