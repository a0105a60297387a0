import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { minimumOf, nodeVersionProblem } from '../../scripts/require-node.cjs';

const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } })
  .engines.node;
const built = join(process.cwd(), 'build', 'test', 'node-check');
const preload = join(process.cwd(), 'test', 'support', 'fakeNodeVersion.cjs');

/** What the researcher reads on Node 20.11.1. */
const refusal = `Axial needs Node.js 22.12.0 or newer, and this is Node.js 20.11.1 (${process.execPath}). Install the current Node.js LTS from https://nodejs.org (or switch to it with nvm, fnm or Volta), then run the command again.\n`;

/** Runs a script on this Node, made to say it is `version` (null: its own); better-sqlite3's loads show in stderr. */
function runAs(version: string | null, script: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--require', preload, script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, AXIAL_TEST_NODE_VERSION: version ?? '' },
    timeout: 60_000,
  });
}

/** A Node older than Axial needs, installed on this machine (a system package): the check tried for real. */
const olderNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return nodeVersionProblem(version.stdout.trim(), '22.12.0', path) !== null;
});

beforeAll(() => {
  // The real build script, into a folder of this test's own.
  const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', built], {
    encoding: 'utf8',
  });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
}, 120_000);

describe('the Node version check', () => {
  it('accepts the Node package.json names or newer, and says which Node is needed otherwise', () => {
    expect(minimumOf(engines)).toBe('22.12.0');
    for (const version of ['22.12.0', 'v22.12.0', '22.12.1', '22.20.5', '23.0.0', '24.1.0'])
      expect(nodeVersionProblem(version, '22.12.0', '/usr/bin/node'), version).toBeNull();
    for (const version of ['22.11.9', '22.0.0', '21.99.99', '20.19.0', '18.20.4', '8.17.0', 'x'])
      expect(nodeVersionProblem(version, '22.12.0', '/usr/bin/node'), version).toContain(
        `Axial needs Node.js 22.12.0 or newer, and this is Node.js ${version} (/usr/bin/node).`,
      );
  });

  it('stops the command line and the web host on an older Node, before better-sqlite3 loads', () => {
    for (const entry of ['axial.cjs', 'web.cjs']) {
      const run = runAs('20.11.1', join(built, entry), '--help');
      expect(run.stderr, entry).toBe(refusal);
      expect(run.stdout, entry).toBe('');
      expect(run.status, entry).toBe(1);
    }
  });

  it('lets the command line run on this Node, loading better-sqlite3 (so its absence above means the check came first)', () => {
    const run = runAs(null, join(built, 'axial.cjs'), '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: axial <command>');
    expect(run.stderr).toContain('[loaded better-sqlite3]');
    expect(run.stderr).not.toContain('Axial needs Node.js');
  });

  it.runIf(olderNode !== undefined)(
    'stops the command line on a real older Node installed here, on which better-sqlite3 crashes',
    () => {
      const run = spawnSync(olderNode!, [join(built, 'axial.cjs'), '--help'], { encoding: 'utf8' });
      expect(run.stderr).toMatch(
        /^Axial needs Node\.js 22\.12\.0 or newer, and this is Node\.js \d+/,
      );
      expect(run.stdout).toBe('');
      expect(run.signal).toBeNull();
      expect(run.status).toBe(1);
    },
  );

  it('stops npm start, npm run web and npm run axial at their first step on an older Node', () => {
    // `npm run axial` begins with the electron build, `npm start` and `npm run web` with the renderer's.
    const refusedBuild = join(process.cwd(), 'build', 'test', 'node-check-refused');
    rmSync(refusedBuild, { recursive: true, force: true });
    const build = runAs('20.11.1', 'scripts/build-electron.mjs', refusedBuild);
    expect(build.stderr).toBe(refusal);
    expect(build.status).toBe(1);
    expect(existsSync(refusedBuild)).toBe(false);

    const renderer = runAs(
      '20.11.1',
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      refusedBuild,
      '--logLevel',
      'silent',
    );
    expect(renderer.stderr).toContain(refusal);
    expect(renderer.status).toBe(1);
    expect(existsSync(refusedBuild)).toBe(false);

    const start = runAs('20.11.1', 'scripts/start-electron.mjs');
    expect(start.stderr).toBe(refusal);
    expect(start.status).toBe(1);
  });
});
