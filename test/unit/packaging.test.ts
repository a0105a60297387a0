import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  npmRebuild: boolean;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  fileAssociations: { ext: string }[];
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  productName: string;
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('electron-builder.yml', () => {
  it('names the app Axial with a stable app id', () => {
    expect(config.appId).toBe('org.axial.workstation');
    expect(config.productName).toBe('Axial');
    expect(packageJson.productName).toBe('Axial');
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs the built main process, preload and renderer, and the entry point package.json names', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['build/electron/**/*', 'build/renderer/**/*', 'package.json']),
    );
    expect(packageJson.main).toBe('build/electron/main.cjs');
    // The core's thread is started from the bundle beside main.cjs (inside the archive: Electron reads it there).
    expect(readFileSync('electron/worker/startCoreWorker.ts', 'utf8')).toContain(
      "CORE_WORKER_FILE = 'core-worker.cjs'",
    );
    const scriptSource = readFileSync('scripts/build-electron.mjs', 'utf8');
    for (const output of [
      'build/electron/main.cjs',
      'build/electron/preload.cjs',
      'build/electron/web.cjs',
      'build/electron/axial.cjs',
      'build/electron/core-worker.cjs',
      'build/electron/core-worker-export.cjs',
    ]) {
      expect(scriptSource).toContain(output);
    }
  });

  it('ships the demo study as resources the app finds when installed', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/demo', to: 'demo' }]);
    expect(existsSync('resources/demo/study.json')).toBe(true);
    expect(readFileSync('electron/main.ts', 'utf8')).toContain(
      "join(process.resourcesPath, 'demo')",
    );
  });

  it('ships the report’s font where its chart drawing looks, and the drawing’s WebAssembly', () => {
    expect(config.files).toContain('resources/fonts/**/*');
    for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE'])
      expect(existsSync(`resources/fonts/${font}`), font).toBe(true);
    expect(readFileSync('electron/report/chartImage.ts', 'utf8')).toContain(
      "join(here(), '..', '..', 'resources', 'fonts')",
    );
    expect(packageJson.dependencies['@resvg/resvg-wasm']).toBeDefined();
    expect(existsSync('node_modules/@resvg/resvg-wasm/index_bg.wasm')).toBe(true);
  });

  it('unpacks the native SQLite module and does not rebuild it', () => {
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(packageJson.dependencies['better-sqlite3']).toMatch(/^\^13\./);
    expect(existsSync('node_modules/better-sqlite3/prebuilds/linux-x64.node')).toBe(true);
  });

  it('opens .axial files', () => {
    expect(config.fileAssociations.map((association) => association.ext)).toContain('axial');
  });
});

describe('package.json', () => {
  it('targets Node 22 and runs no dependency install script', () => {
    expect(packageJson.engines.node).toMatch(/>=22/);
    expect(Object.values(packageJson.allowScripts).every((allowed) => allowed === false)).toBe(
      true,
    );
    expect(Object.keys(packageJson.allowScripts)).toContain('better-sqlite3');
  });

  it('keeps Electron and the packager out of the installed app', () => {
    expect(packageJson.devDependencies.electron).toBeDefined();
    expect(packageJson.devDependencies['electron-builder']).toBeDefined();
    expect(packageJson.dependencies.electron).toBeUndefined();
  });

  it('installs every module the bundles leave out, and the lists of name suggestions load as JSON', async () => {
    const script = readFileSync('scripts/build-electron.mjs', 'utf8');
    const external = /external: \[([^\]]*)\]/.exec(script)![1]!.match(/'[^']+'/g)!;
    const left = external.map((name) => name.slice(1, -1)).filter((name) => name !== 'electron');
    expect(left).toEqual(
      expect.arrayContaining([
        'better-sqlite3',
        'an-array-of-french-words',
        '@etalab/decoupage-administratif',
      ]),
    );
    for (const name of left) expect(packageJson.dependencies[name], name).toBeDefined();
    // Imported as the suggestions import them, from the package files the app ships.
    const communes = await import('@etalab/decoupage-administratif/data/communes.json', {
      with: { type: 'json' },
    });
    expect(
      (communes.default as { nom: string }[]).some((commune) => commune.nom === 'Orange'),
    ).toBe(true);
  });

  it('has the commands the README gives', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const script of ['start', 'test', 'web', 'dist']) {
      expect(packageJson.scripts[script], script).toBeDefined();
      expect(readme).toContain(
        `npm ${script === 'start' || script === 'test' ? '' : 'run '}${script}`,
      );
    }
  });
});
