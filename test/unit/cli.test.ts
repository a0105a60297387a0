import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/commands';
import { cliArguments } from '../../electron/cli/detect';
import { parseCsv } from '../../electron/exchange/tables/csv';
import type { Harness } from '../support/apiHarness';
import { openHarness } from '../support/apiHarness';
import { buildCodedStudy } from '../support/codedStudy';

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

describe('the command line', () => {
  it('reports counts, exports the dataset, the .qdpx and the .qdc, and imports them back', async () => {
    await buildCodedStudy(harness.call);
    const project = harness.projectPath;
    // Closed in the app, as a pipeline finds it.
    await harness.call('projects.close', {});
    const info = await axial('info', project, '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toEqual({
      title: 'Étude',
      documents: 2,
      codes: 6,
      codings: 4,
      cases: 2,
      participants: 2,
    });

    const csv = join(harness.folder, 'out', '..', 'passages.csv');
    const exportedCsv = await axial('export-dataset', project, '--format', 'csv', '--out', csv);
    expect(exportedCsv.error).toBe('');
    expect(exportedCsv.code).toBe(0);
    const rows = parseCsv(readFileSync(csv, 'utf8')).rows;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('participant.Fonction');
    expect(readFileSync(join(harness.folder, 'passages-dictionary.csv'), 'utf8')).toContain(
      'code_path',
    );
    const xlsx = join(harness.folder, 'data.xlsx');
    expect((await axial('export-dataset', project, '--format=xlsx', '--out', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const qdpx = join(harness.folder, 'study.qdpx');
    expect((await axial('export-qdpx', project, '--out', qdpx)).code).toBe(0);
    const copy = join(harness.folder, 'copy.axial');
    const imported = await axial('import-qdpx', qdpx, '--out', copy);
    expect(imported).toMatchObject({ code: 0, error: '' });
    expect(imported.out).toContain('2 documents, 6 codes, 4 codings');
    expect(JSON.parse((await axial('info', copy, '--json')).out)).toMatchObject({
      codings: 4,
      cases: 2,
    });

    const qdc = join(harness.folder, 'codes.qdc');
    expect((await axial('export-qdc', project, '--out', qdc)).code).toBe(0);
    await harness.call('projects.create', {
      path: join(harness.folder, 'empty.axial'),
      title: 'Vide',
    });
    await harness.call('projects.close', {});
    const added = await axial('import-qdc', qdc, '--into', join(harness.folder, 'empty.axial'));
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('6 codes added, 0 already present');
  });

  it('reads a project open in the app from a snapshot, and refuses to write into it', async () => {
    await buildCodedStudy(harness.call);
    const project = harness.projectPath;
    const info = await axial('info', project, '--json');
    expect(info.code).toBe(0);
    expect(info.error).toContain('is open in Axial in a web browser on this computer');
    expect(info.error).toContain('reading a snapshot of it taken now.');
    expect(JSON.parse(info.out)).toMatchObject({ documents: 2, codings: 4 });

    const qdc = join(harness.folder, 'codes.qdc');
    expect((await axial('export-qdc', project, '--out', qdc)).code).toBe(0);
    const codesBefore = await harness.call('codes.list', {});
    const refused = await axial('import-qdc', qdc, '--into', project);
    expect(refused.code).toBe(1);
    expect(refused.error).toContain('is open in Axial in a web browser on this computer');
    expect(refused.error).toContain(
      'nothing was imported. Close it there, then run the command again.',
    );
    // The app still has the project, untouched, and can go on writing.
    expect(await harness.call('codes.list', {})).toEqual(codesBefore);
    await harness.call('codes.create', { name: 'Encore' });
  });

  it('explains misuse with exit code 2 and a refused input with exit code 1, writing nothing', async () => {
    expect((await axial()).code).toBe(2);
    expect((await axial('--help')).out).toContain('export-dataset');
    expect((await axial('export-qdpx', '--help')).out).toContain('Usage: axial export-qdpx');
    const unknown = await axial('frobnicate');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.error).toContain('Unknown command "frobnicate"');
    const noOut = await axial('export-qdpx', harness.projectPath);
    expect(noOut.code).toBe(2);
    expect(noOut.error).toContain('Give --out.');
    const badFormat = await axial(
      'export-dataset',
      harness.projectPath,
      '--format',
      'sav',
      '--out',
      'x',
    );
    expect(badFormat.error).toContain('--format is one of: csv, xlsx.');

    const missing = await axial('info', join(harness.folder, 'nothing.axial'));
    expect(missing.code).toBe(1);
    expect(missing.error).toContain('There is no file at');
    const fake = join(harness.folder, 'fake.qdpx');
    writeFileSync(fake, 'not a zip');
    const target = join(harness.folder, 'never.axial');
    const refused = await axial('import-qdpx', fake, '--out', target);
    expect(refused.code).toBe(1);
    expect(refused.error).toContain('is not a REFI-QDA project');
    expect(existsSync(target)).toBe(false);
  });

  it('is recognised when the app binary is started with a command', () => {
    expect(cliArguments(['/opt/Axial/axial', 'info', 'a.axial'], false)).toEqual([
      'info',
      'a.axial',
    ]);
    expect(cliArguments(['electron', '.', 'export-qdpx', 'a.axial'], true)).toEqual([
      'export-qdpx',
      'a.axial',
    ]);
    expect(cliArguments(['/opt/Axial/axial'], false)).toBeNull();
    expect(cliArguments(['/opt/Axial/axial', '--no-sandbox'], false)).toBeNull();
  });
  it('reports two coders’ agreement per code and overall, as JSON or as a table', async () => {
    const { call } = harness;
    const interview = await call('documents.import', {
      fileName: 'Entretien DGS A.txt',
      data: new TextEncoder().encode('DGS : Le comité citoyen 😀 est tiré au sort chaque année.'),
    });
    const openness = await call('codes.create', { name: 'Ouverture' });
    const panel = await call('codes.create', { parentId: openness.id, name: 'Comité citoyen' });
    const code = async (start: number, end: number) => {
      const { version } = await call('documents.get', { id: interview.id });
      await call('codings.create', {
        documentId: interview.id,
        start,
        end,
        version,
        codeIds: [panel.id],
      });
    };
    await call('app.setCoderName', { name: 'Amélie' });
    await code(6, 26);
    await call('app.setCoderName', { name: 'Bruno' });
    await code(8, 26);
    // The text as stored: "DGS : " became the turn's speaker.
    const { length } = await call('documents.get', { id: interview.id });
    await call('projects.close', {});
    const project = harness.projectPath;

    const json = await axial(
      'agreement',
      project,
      '--coder',
      'Amélie',
      '--coder',
      'Bruno',
      '--json',
    );
    expect(json.error).toBe('');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out) as {
      codes: {
        code: string;
        path: string;
        percentAgreement: number;
        kappa: number;
        alpha: number;
        segmentAgreement: number;
      }[];
      overall: { percentAgreement: number };
      documents: string[];
    };
    expect(report.documents).toEqual(['Entretien DGS A']);
    expect(report.codes.map((entry) => [entry.code, entry.path])).toEqual([
      ['Comité citoyen', 'Ouverture / Comité citoyen'],
    ]);
    const [figures] = report.codes;
    // 2 of the text's code points coded by Amélie alone; 20 against 18 is a 90 % overlap.
    expect(figures!.percentAgreement).toBeCloseTo((length - 2) / length, 10);
    expect(figures!.segmentAgreement).toBe(1);
    expect(report.overall.percentAgreement).toBeCloseTo(figures!.percentAgreement, 10);
    const stricter = await axial(
      'agreement',
      project,
      '--coder',
      'Amélie',
      '--coder',
      'Bruno',
      '--threshold',
      '95',
      '--json',
    );
    expect((JSON.parse(stricter.out) as typeof report).codes[0]!.segmentAgreement).toBe(0);

    const table = await axial(
      'agreement',
      project,
      '--coder=Amélie',
      '--coder=Bruno',
      '--documents',
      'Entretien DGS A',
    );
    expect(table.code).toBe(0);
    // κ and α lead, percent agreement after them.
    expect(table.out).toMatch(/code\s+kappa\s+alpha\s+agreement\s+segments/);
    const kappa = (JSON.parse(json.out) as { codes: { kappa: number }[] }).codes[0]!.kappa;
    expect(table.out).toMatch(
      new RegExp(`Ouverture / Comité citoyen \\*\\s+${kappa.toFixed(3).replace('.', '\\.')}\\s`),
    );
    expect(table.out).toContain('All codes (pooled)');
    // Two codings: the figures are marked as resting on few.
    expect(table.out).toContain('* Based on fewer than 10 codings');

    const one = await axial('agreement', project, '--coder', 'Amélie');
    expect([one.code, one.error]).toEqual([2, expect.stringContaining('Give two coders')]);
    const unknown = await axial('agreement', project, '--coder', 'Amélie', '--coder', 'Chloé');
    expect([unknown.code, unknown.error]).toEqual([
      2,
      expect.stringContaining('Coders: Amélie, Bruno'),
    ]);
  });

  it('cuts long names with an ellipsis, never prints -0.000, and refuses coders with no document in common', async () => {
    const { call } = harness;
    // 2,600 characters: one character each, apart, is a kappa of -1/2599, -0.000 at three decimals.
    const long = await call('documents.import', {
      fileName: 'Entretien long.txt',
      data: new TextEncoder().encode('Le comité citoyen se réunit. '.repeat(90)),
    });
    const alone = await call('documents.import', {
      fileName: 'Entretien seul.txt',
      data: new TextEncoder().encode('Chloé seule a codé ce texte.'),
    });
    const name = 'Une catégorie au nom vraiment très long pour une colonne';
    const code = await call('codes.create', { name, codable: true });
    const apply = async (documentId: string, start: number, end: number) => {
      const { version } = await call('documents.get', { id: documentId });
      await call('codings.create', { documentId, start, end, version, codeIds: [code.id] });
    };
    await call('app.setCoderName', { name: 'Amélie' });
    await apply(long.id, 10, 11);
    await call('app.setCoderName', { name: 'Bruno' });
    await apply(long.id, 1000, 1001);
    await call('app.setCoderName', { name: 'Chloé' });
    await apply(alone.id, 0, 5);
    await call('projects.close', {});
    const project = harness.projectPath;

    const table = await axial('agreement', project, '--coder', 'Amélie', '--coder', 'Bruno');
    expect([table.code, table.error]).toEqual([0, '']);
    const row = table.out.split('\n').find((line) => line.startsWith('Une catégorie'))!;
    // Cut to its column with an ellipsis, room kept for the mark of a code with few codings.
    expect(row.slice(0, 41)).toBe(`${Array.from(name).slice(0, 37).join('')}… * `);
    expect(row).toMatch(/… \* +0\.000 +0\.000 /);
    expect(table.out).not.toContain('-0.000');

    const apart = await axial('agreement', project, '--coder', 'Amélie', '--coder', 'Chloé');
    expect(apart.code).toBe(1);
    expect(apart.out).toBe('');
    expect(apart.error).toContain('Amélie and Chloé have not coded the same document');
    const json = await axial('agreement', project, '--coder=Bruno', '--coder=Chloé', '--json');
    expect([json.code, json.out]).toEqual([1, '']);
  });
});
