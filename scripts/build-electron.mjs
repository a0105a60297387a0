// Bundles the main process, the preload and the web host into CommonJS files
// under build/electron. better-sqlite3 (native) and electron stay external.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  define: { 'process.env.AXIAL_VERSION': JSON.stringify(version) },
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'build/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'build/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['electron/web/cli.ts'], outfile: 'build/electron/web.cjs' }),
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'build/electron/axial.cjs' }),
]);
