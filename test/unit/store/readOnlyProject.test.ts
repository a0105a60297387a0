import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { lockPathOf } from '../../../electron/store/projectLock';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { makeUnwritable } from '../../support/unwritable';

let harness: Harness;
// Undone before the folder is removed: an immutable file cannot be deleted, even by root.
const restores: (() => void)[] = [];
beforeEach(async () => {
  harness = await openHarness();
  await harness.call('documents.import', {
    fileName: 'entretien-a.txt',
    data: fileBytes('Élue : Le comité citoyen se réunit chaque mois.'),
  });
  await harness.call('codes.create', { name: 'Ouverture' });
  await harness.call('projects.close', {});
});
afterEach(() => {
  for (const restore of restores.splice(0).reverse()) restore();
  harness.close();
});

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

const copies = () => readdirSync(tmpdir()).filter((name) => name.startsWith('axial-copy-'));

/** Makes `path` unwritable for this process, or skips the test saying why that cannot be done here. */
function unwritable(path: string, skip: (note: string) => never): void {
  const made = makeUnwritable(path);
  if (!made.ok) skip(`no way to make a file unwritable here: ${made.error}`);
  else restores.push(made.value);
}

describe('a project Axial cannot write', () => {
  it('is refused at opening as a read-only file, opens as a read-only copy, and is saved as a copy to work on', async ({
    skip,
  }) => {
    const path = harness.projectPath;
    unwritable(path, skip);
    const before = digest(path);
    const copiesBefore = copies().length;

    const refused = await harness.fail('projects.open', { path });
    expect(refused).toMatchObject({
      code: 'not_writable',
      params: { path, reason: 'fileReadOnly' },
    });
    expect(refused.message).toContain(`"${path}" is a read-only file`);
    expect(refused.message).toContain('Open a read-only copy');
    expect(refused.message).toContain('save a copy in a folder you can write to');
    expect(refused.message).not.toContain('unable to open database file');
    // Refused before anything was taken: no lock, no project open.
    expect(existsSync(lockPathOf(path))).toBe(false);
    expect(await harness.call('projects.current', {})).toBeNull();

    const copy = await harness.call('projects.openCopy', { path });
    expect(copy.readOnlyCopy).toMatchObject({ of: path, heldBy: null, notWritable: true });
    expect((await harness.call('documents.list', {})).map((entry) => entry.title)).toEqual([
      'entretien-a',
    ]);
    const write = await harness.fail('codes.create', { name: 'Non' });
    expect(write).toMatchObject({
      code: 'read_only',
      params: { path, reason: 'copyOfNotWritable' },
    });
    expect(write.message).toContain('which Axial cannot write to');

    // Saved where it can be written, the copy is a project like any other.
    const elsewhere = join(harness.folder, 'copie de travail.axial');
    expect(
      (await harness.call('projects.saveCopy', { path: elsewhere, overwrite: false })).path,
    ).toBe(elsewhere);
    const opened = await harness.call('projects.open', { path: elsewhere });
    expect(opened.readOnlyCopy).toBeNull();
    expect(copies()).toHaveLength(copiesBefore);
    await harness.call('codes.create', { name: 'Proactivité' });
    expect((await harness.call('codes.list', {})).map((code) => code.name).sort()).toEqual([
      'Ouverture',
      'Proactivité',
    ]);
    await harness.call('projects.close', {});
    expect(digest(path)).toBe(before);
  });

  it('is refused as a read-only folder, still opens as a read-only copy, and neither a project nor a copy is written there', async ({
    skip,
  }) => {
    const folder = join(harness.folder, 'partage');
    mkdirSync(folder);
    const path = join(folder, 'étude.axial');
    renameSync(harness.projectPath, path);
    unwritable(folder, skip);

    const refused = await harness.fail('projects.open', { path });
    expect(refused).toMatchObject({
      code: 'not_writable',
      params: { path, reason: 'folderReadOnly' },
    });
    expect(refused.message).toContain(`the folder of "${path}" is read-only`);
    expect(readdirSync(folder)).toEqual(['étude.axial']);

    // SQLite cannot read a project in place where it cannot write its shared memory: the copy is of the file.
    const copy = await harness.call('projects.openCopy', { path });
    expect(copy.readOnlyCopy).toMatchObject({ of: path, notWritable: true });
    expect(copy.title).toBe('Étude');
    expect((await harness.call('codes.list', {})).map((code) => code.name)).toEqual(['Ouverture']);
    const savedThere = await harness.fail('projects.saveCopy', {
      path: join(folder, 'copie.axial'),
      overwrite: false,
    });
    expect(savedThere).toMatchObject({
      code: 'not_writable',
      params: { reason: 'copyNotWritable' },
    });
    await harness.call('projects.close', {});

    const created = await harness.fail('projects.create', {
      path: join(folder, 'nouveau.axial'),
      title: 'Nouveau',
    });
    expect(created).toMatchObject({
      code: 'not_writable',
      params: { folder, reason: 'createNotWritable' },
    });
    expect(created.message).not.toContain('read-only copy');
    expect(readdirSync(folder)).toEqual(['étude.axial']);
  });

  it('is refused on a read-only disk, and still opens as a read-only copy', async ({ skip }) => {
    // A real read-only file system needs mounting one, which only root may do: elsewhere this case is skipped.
    const disk = join(harness.folder, 'disque');
    mkdirSync(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      skip('mounting a tmpfs needs root; the read-only file and folder cases cover the rest');
    }
    restores.push(() => execFileSync('umount', [disk]));
    const path = join(disk, 'étude.axial');
    copyFileSync(harness.projectPath, path);
    execFileSync('mount', ['-o', 'remount,ro', disk]);

    const refused = await harness.fail('projects.open', { path });
    expect(refused).toMatchObject({
      code: 'not_writable',
      params: { path, reason: 'mediumReadOnly' },
    });
    expect(refused.message).toContain('is on a disk that cannot be written');
    const copy = await harness.call('projects.openCopy', { path });
    expect(copy.readOnlyCopy).toMatchObject({ of: path, notWritable: true });
    expect((await harness.call('codes.list', {})).map((code) => code.name)).toEqual(['Ouverture']);
    await harness.call('projects.close', {});
  });

  it('is read by the command line from a snapshot, saying so', async ({ skip }) => {
    unwritable(harness.projectPath, skip);
    const out: string[] = [];
    const error: string[] = [];
    const code = await runCli(['info', harness.projectPath, '--json'], {
      out: (line) => out.push(line),
      error: (line) => error.push(line),
    });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ title: 'Étude', documents: 1, codes: 1 });
    expect(error.join('\n')).toBe(
      `"${harness.projectPath}" cannot be written: reading a snapshot of it taken now.`,
    );
  });

  it.runIf(process.getuid?.() === 0)(
    'opens for work a file whose mode says read-only when this process may write it anyway (root)',
    async () => {
      chmodSync(harness.projectPath, 0o444);
      const opened = await harness.call('projects.open', { path: harness.projectPath });
      expect(opened.readOnlyCopy).toBeNull();
      await harness.call('codes.create', { name: 'Écrit quand même' });
    },
  );
});
