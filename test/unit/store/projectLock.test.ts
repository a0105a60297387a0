import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../../electron/store/projectLock';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { bundleChildScript } from '../../support/childScript';
import { testCore } from '../../support/core';

let holderScript: string;
beforeAll(async () => {
  holderScript = await bundleChildScript('test/support/lockHolder.ts', 'lock-holder');
});

let harness: Harness;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  harness.close();
});

/** Starts a second Axial on `path` and waits for its first word: "open", or why it was refused. */
function secondAxial(
  path: string,
): Promise<{ child: ChildProcessWithoutNullStreams; said: string }> {
  const child = spawn(process.execPath, [holderScript, path]);
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve({ child, said: output.trim() });
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!output.includes('\n')) reject(new Error(`second Axial exited (${code}) silently`));
    });
  });
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

describe('one writer per project file', () => {
  it('refuses a second process, saying where and since when, and leaves the first one working', async () => {
    const { said } = await secondAxial(harness.projectPath);
    expect(said).toMatch(/^refused project_locked /);
    expect(said).toContain(`"${harness.projectPath}" is open in Axial in a web browser`);
    expect(said).toContain('on this computer');
    expect(said).toMatch(/since \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(said).toContain('open a read-only copy');
    // The first keeps writing as if nothing happened.
    await harness.call('codes.create', { name: 'Toujours là' });
  });

  it('refuses a second window of the same Axial, with the program and time in its parameters', async () => {
    const other = testCore(join(harness.folder, 'second-window'));
    try {
      const result = await other.dispatch('projects.open', { path: harness.projectPath });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('project_locked');
      expect(result.error.params).toMatchObject({
        path: harness.projectPath,
        program: 'web',
        host: hostname(),
        otherComputer: 0,
      });
      expect(Date.parse(String(result.error.params?.since))).toBeLessThanOrEqual(Date.now());
    } finally {
      other.shutdown();
    }
  });

  it('takes over the lock of a process killed with SIGKILL, and keeps what it committed', async () => {
    await harness.call('projects.close', {});
    const { child, said } = await secondAxial(harness.projectPath);
    expect(said).toBe('open');
    // While it holds the project, this one is refused…
    expect((await harness.fail('projects.open', { path: harness.projectPath })).code).toBe(
      'project_locked',
    );
    child.kill('SIGKILL');
    await exited(child);
    // …and once it has crashed, the lock it left never blocks the researcher.
    expect(existsSync(lockPathOf(harness.projectPath))).toBe(true);
    const reopened = await harness.call('projects.open', { path: harness.projectPath });
    expect(reopened.title).toBe('Étude');
    await harness.call('codes.create', { name: 'Après la panne' });
  });

  it('releases the lock on close, so another process can open the project', async () => {
    await harness.call('projects.close', {});
    expect(existsSync(lockPathOf(harness.projectPath))).toBe(false);
    const { child, said } = await secondAxial(harness.projectPath);
    expect(said).toBe('open');
    child.stdin.write('close\n');
    await exited(child);
    expect(existsSync(lockPathOf(harness.projectPath))).toBe(false);
    await harness.call('projects.open', { path: harness.projectPath });
  });

  it('takes over a lock from before a restart, or one half written by a crash', async () => {
    await harness.call('projects.close', {});
    const lock = lockPathOf(harness.projectPath);
    // A process id from before this machine started means nothing: it may be anyone's now.
    writeFileSync(
      lock,
      JSON.stringify({
        token: 'old',
        pid: process.ppid,
        host: hostname(),
        user: 'someone',
        program: 'electron',
        since: '2026-01-01T09:00:00.000Z',
        bootedAt: Date.now() - 400 * 86_400_000,
      }),
    );
    await harness.call('projects.open', { path: harness.projectPath });
    await harness.call('projects.close', {});
    writeFileSync(lock, '{"token":"half');
    await harness.call('projects.open', { path: harness.projectPath });
  });

  it('keeps a lock from another computer until the researcher says it is no longer open there', async () => {
    await harness.call('projects.close', {});
    writeFileSync(
      lockPathOf(harness.projectPath),
      JSON.stringify({
        token: 'laptop',
        pid: 4242,
        host: 'portable-du-labo',
        user: 'marie',
        program: 'electron',
        since: '2026-11-30T17:45:00.000Z',
        bootedAt: 0,
      }),
    );
    const refused = await harness.fail('projects.open', { path: harness.projectPath });
    expect(refused.code).toBe('project_locked');
    expect(refused.message).toContain('on the computer "portable-du-labo" (user marie)');
    expect(refused.params).toMatchObject({ otherComputer: 1, host: 'portable-du-labo' });
    const opened = await harness.call('projects.open', {
      path: harness.projectPath,
      takeOver: true,
    });
    expect(opened.readOnlyCopy).toBeNull();
    await harness.call('codes.create', { name: 'Repris ici' });
  });

  it('opens a read-only copy of a project open elsewhere: readable and exportable, never written', async () => {
    const document = await harness.call('documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes('DGS : Le maire porte le projet.'),
    });
    await harness.call('codes.create', { name: 'Leadership' });
    const other = testCore(join(harness.folder, 'second-window'));
    const copies = () => readdirSync(tmpdir()).filter((name) => name.startsWith('axial-copy-'));
    const before = copies().length;
    try {
      const call = async (method: string, input: unknown) => {
        const result = await other.dispatch(method, input);
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const copy = (await call('projects.openCopy', { path: harness.projectPath })) as {
        readOnlyCopy: { of: string; heldBy: { program: string } | null } | null;
      };
      expect(copy.readOnlyCopy).toMatchObject({
        of: harness.projectPath,
        heldBy: { program: 'web' },
      });
      expect(await call('documents.list', {})).toHaveLength(1);
      expect(await call('refi.exportCodebook', {})).toBeTruthy();
      for (const [method, input] of [
        ['codes.create', { name: 'Non' }],
        ['projects.update', { title: 'Non' }],
        ['documents.applySteps', { id: document.id, version: document.version, steps: [] }],
      ] as const) {
        const result = await other.dispatch(method, input);
        expect(result.ok, method).toBe(false);
        if (!result.ok && method !== 'documents.applySteps')
          expect(result.error.code, method).toBe('read_only');
      }
      // The copy is not a project to come back to.
      expect(
        ((await call('app.recentProjects', {})) as { path: string }[]).map((entry) => entry.path),
      ).not.toContain(harness.projectPath);
      await call('projects.close', {});
      expect(copies()).toHaveLength(before);
    } finally {
      other.shutdown();
    }
    // The original never changed, and its owner goes on.
    expect((await harness.call('codes.list', {})).map((code) => code.name)).toEqual(['Leadership']);
    await harness.call('codes.create', { name: 'Oui' });
  });

  it('says what to do when the lock cannot be read, and still offers a read-only copy', async () => {
    await harness.call('projects.close', {});
    mkdirSync(lockPathOf(harness.projectPath));
    const refused = await harness.fail('projects.open', { path: harness.projectPath });
    expect(refused.code).toBe('io_error');
    expect(refused.params).toMatchObject({ reason: 'lockNotWritable', path: harness.projectPath });
    expect(refused.message).toContain('Open a read-only copy');
    const copy = await harness.call('projects.openCopy', { path: harness.projectPath });
    expect(copy.readOnlyCopy?.of).toBe(harness.projectPath);
    await harness.call('projects.close', {});
    rmSync(lockPathOf(harness.projectPath), { recursive: true });
    // A project that is not there is said to be missing, not locked.
    expect(
      (await harness.fail('projects.open', { path: join(harness.folder, 'nulle-part.axial') }))
        .code,
    ).toBe('file_not_found');
  });

  it('refuses to save a copy over a project another program has open', async () => {
    const other = testCore(join(harness.folder, 'second-window'));
    try {
      const target = join(harness.folder, 'autre.axial');
      await other.dispatch('projects.create', { path: target, title: 'Autre' });
      const refused = await harness.fail('projects.saveCopy', { path: target, overwrite: true });
      expect(refused.code).toBe('project_locked');
    } finally {
      other.shutdown();
    }
  });
});
