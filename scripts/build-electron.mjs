// Bundles the main process, the preload, the core's worker and the web host into CommonJS files
// under build/electron (or the folder given as the first argument, for tests).
// better-sqlite3 (native) and electron stay external.
import { createRequire } from 'node:module';

// Before esbuild or anything else loads: an older Node gets a message, not a crash.
const require = createRequire(import.meta.url);
const { exitUnlessSupportedNode, packageMinimum } = require('./require-node.cjs');
exitUnlessSupportedNode(packageMinimum());

const { build } = await import('esbuild');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
const { basename, dirname, join } = await import('node:path');

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const outputFolder = process.argv[2];
/** Where an output goes: its path under build/electron, or the same name in the folder asked for. */
const into = (path) => (outputFolder ? join(outputFolder, basename(path)) : path);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  // The word and place lists of name suggestions are read from node_modules when asked for, not bundled (20 MB);
  // pdf.js is an ES module that loads its own worker module beside it, read from node_modules too.
  external: [
    'pdfjs-dist',
    'electron',
    'better-sqlite3',
    'an-array-of-french-words',
    'an-array-of-english-words',
    '@etalab/decoupage-administratif',
  ],
  define: { 'process.env.AXIAL_VERSION': JSON.stringify(packageJson.version) },
  logLevel: 'warning',
};

/**
 * The file `npm run web` and the command line start: the Node version check,
 * then the bundle. A separate file, because a bundle's imports are hoisted
 * (better-sqlite3 would load before any check inside it) and an older Node may
 * fail to even parse it; Electron's main process has its own, recent Node.
 */
function gate(bundle) {
  const check = readFileSync(new URL('./require-node.cjs', import.meta.url), 'utf8');
  return [
    '"use strict";',
    '// Written by scripts/build-electron.mjs, from scripts/require-node.cjs.',
    '(function (module) {',
    check,
    `module.exports.exitUnlessSupportedNode(${JSON.stringify(packageMinimum())});`,
    '})({ exports: {} });',
    `require(${JSON.stringify(`./${bundle}`)});`,
    '',
  ].join('\n');
}

function writeGate(path, bundle) {
  mkdirSync(dirname(into(path)), { recursive: true });
  writeFileSync(into(path), gate(bundle));
  // Left by builds from before the gate, when this name was the bundle: it maps nothing now.
  rmSync(`${into(path)}.map`, { force: true });
}

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: into('build/electron/main.cjs') }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: into('build/electron/preload.cjs'),
  }),
  build({
    ...common,
    entryPoints: ['electron/web/cli.ts'],
    outfile: into('build/electron/web-host.cjs'),
  }),
  build({
    ...common,
    entryPoints: ['electron/worker/coreWorker.ts'],
    outfile: into('build/electron/core-worker.cjs'),
  }),
  // threadWork starts exports from this bundle, named after the core's (exportBundleBeside).
  build({
    ...common,
    entryPoints: ['electron/worker/exportWorker.ts'],
    outfile: into('build/electron/core-worker-export.cjs'),
  }),
  build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: into('build/electron/axial-cli.cjs'),
  }),
]);
writeGate('build/electron/web.cjs', 'web-host.cjs');
writeGate('build/electron/axial.cjs', 'axial-cli.cjs');
