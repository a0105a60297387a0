import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/commands';
import type { MergeSummary } from '../../shared/merge';
import type { Harness } from '../support/apiHarness';
import { fileBytes, openHarness } from '../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function axial(...args: string[]) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out: out.join('\n'), error: error.join('\n') };
}

describe('axial merge', () => {
  it('brings a colleague’s codings into the project, after saving it as it was', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien DGS.txt',
      data: fileBytes('DGS : Le comité citoyen est tiré au sort chaque année.'),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const panel = await call('codes.create', { parentId: axis.id, name: 'Comité citoyen' });
    const colleague = join(harness.folder, 'copie Bruno.axial');
    await call('projects.saveCopy', { path: colleague });
    await call('projects.open', { path: colleague });
    await call('app.setCoderName', { name: 'Bruno' });
    const { version } = await call('documents.get', { id: document.id });
    await call('codings.create', {
      documentId: document.id,
      start: 3,
      end: 17,
      version,
      codeIds: [panel.id],
    });
    await call('projects.close', {});
    const project = harness.projectPath;

    const dry = await axial('merge', project, '--from', colleague, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.out) as MergeSummary).added.codings).toBe(1);
    const merged = await axial('merge', project, '--from', colleague);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Brought in: 1 coding.');
    expect(merged.out).toContain('Their codings are by: Bruno.');
    expect(readdirSync(harness.folder).some((name) => name.startsWith('study before merge'))).toBe(
      true,
    );
    await call('projects.open', { path: project });
    const codings = await call('codings.forDocument', { documentId: document.id });
    expect(codings.map((coding) => [coding.coder, coding.start, coding.end])).toEqual([
      ['Bruno', 3, 17],
    ]);
    await call('projects.close', {});
    const again = await axial('merge', project, '--from', colleague, '--json');
    expect((JSON.parse(again.out) as MergeSummary).added.codings).toBe(0);
  });

  it('refuses to merge a project into itself or a file that is not a project', async () => {
    await harness.call('projects.close', {});
    const itself = await axial('merge', harness.projectPath, '--from', harness.projectPath);
    expect(itself.code).not.toBe(0);
    expect(itself.error).toContain('the project itself');
    const missing = await axial(
      'merge',
      harness.projectPath,
      '--from',
      join(harness.folder, 'none.axial'),
    );
    expect(missing.code).not.toBe(0);
    expect(missing.error).toContain('There is no file');
  });
});
