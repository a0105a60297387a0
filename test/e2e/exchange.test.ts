import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/exchange/tables/csv';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';
import type { Passage } from '../../shared/documents';
import { buildCodedStudy } from '../support/codedStudy';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { addCode, apiCall, createProject, openSection, pasteTranscript } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const call = <Name extends MethodName>(method: Name, input: MethodInput<Name>) =>
  apiCall<MethodOutput<Name>>(app, method, input);

/** A coded study made through the API, then the page reloaded so the workspace shows it. */
async function studyInTheUi() {
  await createProject(app, 'Gouvernance');
  const study = await buildCodedStudy(call);
  await app.page.reload();
  await app.page.getByTestId('project-title').waitFor();
  return study;
}

/** Passages as a researcher compares them: the words, under which code path. */
async function passagesByCode(): Promise<string[]> {
  const codes = await call('codes.list', {});
  const byId = new Map(codes.map((code) => [code.id, code]));
  const path = (id: string): string => {
    const code = byId.get(id)!;
    return code.parentId ? `${path(code.parentId)} / ${code.name}` : code.name;
  };
  const passages = await call('passages.list', {});
  return (passages as Passage[])
    .map((passage) => `${path(passage.coding.codeId)}: ${passage.text}`)
    .sort();
}

describe('exchange', () => {
  it('exports the coded dataset as XLSX and CSV from the Exchange view, with attribute columns', async () => {
    const { page } = app;
    await studyInTheUi();
    await openSection(page, 'Exchange');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the dataset' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('coded-dataset.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(
      expect.arrayContaining(['passage_id', 'case', 'code_path', 'text', 'case.Population']),
    );
    expect(sheet.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((number) => (sheet.getRow(number).values as unknown[]).slice(1));
    const at = (row: unknown[], name: string) => row[header.indexOf(name)];
    const nantes = rows.find((row) => at(row, 'case') === 'Nantes')!;
    expect(at(nantes, 'text')).toBe('Le maire décide seul');
    expect(at(nantes, 'case.Population')).toBe(320_732);
    expect(at(nantes, 'participant.Fonction')).toBe('technicien');
    await page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: 'coded-dataset.xlsx' })
      .waitFor();

    // CSV for French Excel: the passages and their dictionary, two files.
    await page.locator('select[name="dataset-format"]').selectOption('csv');
    await page.locator('select[name="dataset-csv-style"]').selectOption('excel-fr');
    const downloads: { name: string; path: string }[] = [];
    page.on('download', (download) => {
      void download
        .path()
        .then((path) => downloads.push({ name: download.suggestedFilename(), path: path! }));
    });
    await page.getByRole('button', { name: 'Export the dataset' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const passages = downloads.find((file) => file.name === 'passages.csv')!;
    const parsed = parseCsv(readFileSync(passages.path, 'utf8'));
    expect(parsed.delimiter).toBe(';');
    const [csvHeader, ...csvRows] = parsed.rows;
    expect(csvRows).toHaveLength(4);
    const populationColumn = csvHeader!.indexOf('case.Population');
    expect(csvRows.map((row) => row[populationColumn]).sort()).toEqual([
      '1400000',
      '1400000',
      '1400000',
      '320732',
    ]);
    const dictionary = downloads.find((file) => file.name === 'passages-dictionary.csv')!;
    expect(readFileSync(dictionary.path, 'utf8')).toContain('case.Population');
    expect(readFileSync(dictionary.path, 'utf8')).toContain('apostrophe');

    // For R or Python, the text exactly: the dictionary says so.
    await page.getByRole('checkbox', { name: 'Keep text exactly, for R or Python' }).check();
    await page.getByRole('button', { name: 'Export the dataset' }).click();
    await expect.poll(() => downloads.length).toBe(4);
    expect(
      readFileSync(downloads.at(-1)!.path, 'utf8') + readFileSync(downloads.at(-2)!.path, 'utf8'),
    ).toMatch(/Text is exactly as in the project|Le texte est exactement celui du projet/);

    // Column names R takes as they are, chosen in the dialog.
    await page.getByRole('combobox', { name: 'Column names' }).selectOption('safe');
    await page.getByRole('button', { name: 'Export the dataset' }).click();
    await expect.poll(() => downloads.length).toBe(6);
    const safe = downloads.slice(-2).find((file) => file.name === 'passages.csv')!;
    expect(parseCsv(readFileSync(safe.path, 'utf8')).rows[0]).toEqual(
      expect.arrayContaining(['passage_id', 'case_population', 'participant_fonction']),
    );
  });

  it('exports the codebook as a document and a .qdc, and imports a .qdc into another project', async () => {
    const { page } = app;
    await studyInTheUi();
    await openSection(page, 'Exchange');
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Codebook document (HTML)' }).click(),
    ]);
    const documentText = readFileSync((await html.path())!, 'utf8');
    expect(documentText).toContain('Maire moteur');
    expect(documentText).toContain('Le maire porte le projet lui-même.');
    const [qdc] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export REFI-QDA codebook (.qdc)' }).click(),
    ]);
    const qdcPath = app.projectPath('grille.qdc');
    await qdc.saveAs(qdcPath);

    // A new, empty project takes the codebook; the codes are stored with their tree.
    await page.getByRole('button', { name: 'Close project' }).click();
    await createProject(app, 'Nouvelle étude');
    await openSection(page, 'Exchange');
    await page.locator('input[name="qdc-file"]').setInputFiles(qdcPath);
    await page.getByRole('status').getByText('6 codes added; 0 already in the codebook.').waitFor();
    const codes = await call('codes.list', {});
    const byId = new Map(codes.map((code) => [code.id, code]));
    expect(
      codes.map((code) =>
        code.parentId ? `${byId.get(code.parentId)!.name} / ${code.name}` : code.name,
      ),
    ).toEqual(
      expect.arrayContaining([
        'Proactivité',
        'Leadership / Maire moteur',
        'Participation / Habitants',
      ]),
    );
    await openSection(page, 'Codebook');
    await page.locator('.code-name', { hasText: 'Maire moteur' }).first().waitFor();
  });

  it('exports a .qdpx and imports it into a new project with the same passages under the same codes', async () => {
    const { page } = app;
    await studyInTheUi();
    const before = await passagesByCode();
    const originalPath = (await call('projects.current', {}))!.path;
    await openSection(page, 'Exchange');
    const [qdpx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the project (.qdpx)' }).click(),
    ]);
    expect(qdpx.suggestedFilename()).toBe('Gouvernance.qdpx');
    const archivePath = app.projectPath('Gouvernance.qdpx');
    await qdpx.saveAs(archivePath);

    await page.getByRole('button', { name: 'Import a .qdpx as a new project…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="qdpx-file"]').setInputFiles(archivePath);
    const target = app.projectPath('Reimported.axial');
    await dialog.locator('input[name="imported-project-path"]').fill(target);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog
      .getByText('Imported 2 documents, 6 codes, 4 coded passages, 2 cases, 2 participants, and')
      .waitFor();
    await dialog.getByTestId('import-counting').getByText('Unicode code points').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    expect((await call('projects.current', {}))!.path).toBe(target);
    expect(await passagesByCode()).toEqual(before);
    // The researcher sees them in the Passages view of the new project.
    await openSection(page, 'Passages');
    await page.locator('mark', { hasText: 'Le maire porte le projet 🙂' }).first().waitFor();
    await page.locator('mark', { hasText: 'Les habitants participent aux réunions' }).waitFor();
    // The original project is untouched, and opens as it was.
    await call('projects.open', { path: originalPath });
    expect(await passagesByCode()).toEqual(before);

    // A counting the researcher chooses is the one used, and the report says it was chosen.
    await page.reload();
    await openSection(page, 'Exchange');
    await page.getByRole('button', { name: 'Import a .qdpx as a new project…' }).click();
    const chosen = page.getByRole('dialog');
    await chosen.locator('input[name="qdpx-file"]').setInputFiles(archivePath);
    await chosen
      .locator('input[name="imported-project-path"]')
      .fill(app.projectPath('Chosen.axial'));
    await chosen.getByText('Advanced').click();
    await chosen
      .getByLabel('How the file counts characters')
      .selectOption({ label: 'UTF-16 units, each line break as one' });
    await chosen.getByRole('button', { name: 'Import', exact: true }).click();
    const report = chosen.getByTestId('import-counting');
    await report.getByText('UTF-16 units, each line break as one').waitFor();
    await report.getByText('You chose it.').waitFor();
  });

  it('shows a hostile archive as a clear error and keeps the open project', async () => {
    const { page } = app;
    await studyInTheUi();
    const openPath = (await call('projects.current', {}))!.path;
    await openSection(page, 'Exchange');
    await page.getByRole('button', { name: 'Import a .qdpx as a new project…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="qdpx-file"]').setInputFiles({
      name: 'broken.qdpx',
      mimeType: 'application/zip',
      buffer: Buffer.from('not a zip at all'),
    });
    await dialog.locator('input[name="imported-project-path"]').fill(app.projectPath('x.axial'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('broken.qdpx is not a REFI-QDA project (.qdpx)').waitFor();
    expect((await call('projects.current', {}))!.path).toBe(openPath);
  });

  it('runs the command line on a project made through the UI', async () => {
    const { page } = app;
    await createProject(app, 'Terrain');
    await openSection(page, 'Documents');
    await addCode(page, null, 'Ouverture');
    await addCode(page, 'Ouverture', 'Habitants');
    await pasteTranscript(page, 'Entretien', 'Élue : Les habitants participent.');
    const [document] = await call('documents.list', {});
    const [, habitants] = await call('codes.list', {});
    await call('codings.create', {
      documentId: document!.id,
      version: document!.version,
      start: 4,
      end: 13,
      codeIds: [habitants!.id],
    });
    const project = (await call('projects.current', {}))!.path;

    // The bundled command, as `npm run axial --` runs it, while the app still has the project open.
    const axial = (...args: string[]) =>
      spawnSync(process.execPath, ['build/electron/axial.cjs', ...args], { encoding: 'utf8' });
    const info = axial('info', project, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      title: 'Terrain',
      documents: 1,
      codes: 2,
      codings: 1,
    });
    const csv = app.projectPath('terrain.csv');
    expect(axial('export-dataset', project, '--format', 'csv', '--out', csv).status).toBe(0);
    const [header, row] = parseCsv(readFileSync(csv, 'utf8')).rows;
    expect(row![header!.indexOf('text')]).toBe('habitants');
    expect(row![header!.indexOf('code_path')]).toBe('Ouverture / Habitants');
    const qdpx = app.projectPath('terrain.qdpx');
    expect(axial('export-qdpx', project, '--out', qdpx).status).toBe(0);
    const copy = app.projectPath('terrain-copie.axial');
    const imported = axial('import-qdpx', qdpx, '--out', copy);
    expect(imported.status).toBe(0);
    expect(JSON.parse(axial('info', copy, '--json').stdout)).toMatchObject({ codings: 1 });
    const refused = axial('export-dataset', project, '--format', 'pdf', '--out', csv);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--format is one of: csv, xlsx.');
  });

  it('shows the progress of a long import, which the researcher can cancel', async () => {
    const { page } = app;
    await createProject(app, 'Courant');
    // A .qdpx of 12,000 short interviews: long enough to be cancelled half-way (about 4 s on
    // the import's own thread).
    const files: Record<string, Uint8Array> = {};
    const sources: string[] = [];
    for (let index = 0; index < 12_000; index += 1) {
      const guid = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      files[`sources/${guid}.txt`] = strToU8(`Entretien ${index} : le maire porte le projet.`);
      sources.push(
        `<TextSource guid="${guid}" name="E${index}" plainTextPath="internal://${guid}.txt"/>`,
      );
    }
    files['project.qde'] = strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Gros"><Sources>${sources.join('')}</Sources></Project>`,
    );
    const archivePath = app.projectPath('gros.qdpx');
    writeFileSync(archivePath, zipSync(files));
    await openSection(page, 'Exchange');
    await page.getByRole('button', { name: 'Import a .qdpx as a new project…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="qdpx-file"]').setInputFiles(archivePath);
    const target = app.projectPath('gros.axial');
    await dialog.locator('input[name="imported-project-path"]').fill(target);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // Counts as English writes them: 12,000.
    await dialog.getByText(/Importing… [\d,]+ of 12,000 documents/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel the import' }).click();
    await dialog.getByText('Cancelled: nothing was changed.').waitFor();
    expect(existsSync(target)).toBe(false);
    expect((await call('projects.current', {}))!.title).toBe('Courant');
  });
});
