import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/exchange/tables/csv';
import { readXlsx } from '../../../electron/exchange/tables/readXlsx';
import { documentFromJson } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

// 100 code points, an emoji among them, so that offsets are code points and not UTF-16 units.
const text = `DGS : Le comité citoyen 😀 est tiré au sort chaque année et rend un avis sur le budget voté. Oui !`;

async function twoCoders() {
  const { call } = harness;
  const interview = await call('documents.import', {
    fileName: 'Entretien DGS A.txt',
    data: fileBytes(text),
  });
  const other = await call('documents.import', {
    fileName: 'Entretien élu B.txt',
    data: fileBytes(text),
  });
  const openness = await call('codes.create', { name: 'Ouverture' });
  const panel = await call('codes.create', { parentId: openness.id, name: 'Comité citoyen' });
  const budget = await call('codes.create', { name: 'Budget', codable: true });
  const code = async (documentId: string, start: number, end: number, codeId: string) => {
    const current = await call('documents.get', { id: documentId });
    await call('codings.create', {
      documentId,
      start,
      end,
      version: current.version,
      codeIds: [codeId],
    });
  };
  await call('app.setCoderName', { name: 'Amélie' });
  await code(interview.id, 0, 20, panel.id);
  await code(other.id, 0, 5, budget.id);
  await call('app.setCoderName', { name: 'Bruno' });
  await code(interview.id, 2, 20, panel.id);
  await code(interview.id, 30, 40, budget.id);
  const length = (await call('documents.get', { id: interview.id })).length;
  return { interview, other, panel, budget, length };
}

describe('agreement between two coders, on a real project', () => {
  it('lists the coders and compares them on the documents both coded, per code in the codebook’s order', async () => {
    const { interview, panel, budget, length } = await twoCoders();
    expect(await harness.call('agreement.coders', {})).toEqual([
      { name: 'Amélie', codings: 2, documents: 2 },
      { name: 'Bruno', codings: 2, documents: 1 },
    ]);
    const report = await harness.call('agreement.compute', { coders: ['Amélie', 'Bruno'] });
    // The second interview was coded by Amélie only: it is not compared.
    expect(report.documents.map((document) => document.id)).toEqual([interview.id]);
    expect(report.codes.map((code) => [code.codeId, code.path])).toEqual([
      [panel.id, ['Ouverture', 'Comité citoyen']],
      [budget.id, ['Budget']],
    ]);
    const [onPanel, onBudget] = report.codes;
    expect(onPanel!.units).toEqual({ both: 18, firstOnly: 2, secondOnly: 0, neither: length - 20 });
    expect(onPanel!.percentAgreement).toBeCloseTo((length - 2) / length, 10);
    // 0–20 against 2–20: 18 of 20 shared, a match at 90 %.
    expect(onPanel!.segments).toEqual({ matched: 2, unmatched: 0 });
    expect(onBudget!.units).toEqual({
      both: 0,
      firstOnly: 0,
      secondOnly: 10,
      neither: length - 10,
    });
    // Amélie never coded Budget here: no agreement beyond chance, a kappa of 0.
    expect(onBudget!.kappa).toBeCloseTo(0, 10);
    expect(onBudget!.segments).toEqual({ matched: 0, unmatched: 1 });
    expect(report.overall.units).toEqual({
      both: 18,
      firstOnly: 2,
      secondOnly: 10,
      neither: 2 * length - 30,
    });

    const stricter = await harness.call('agreement.compute', {
      coders: ['Amélie', 'Bruno'],
      threshold: 0.95,
    });
    expect(stricter.codes[0]!.segments).toEqual({ matched: 0, unmatched: 2 });
  });

  it('compares on the documents chosen, and refuses what it cannot compare', async () => {
    const { other } = await twoCoders();
    const chosen = await harness.call('agreement.compute', {
      coders: ['Amélie', 'Bruno'],
      documentIds: [other.id],
    });
    expect(chosen.documents.map((document) => document.title)).toEqual(['Entretien élu B']);
    expect(chosen.codes.map((code) => code.name)).toEqual(['Budget']);
    expect(chosen.codes[0]!.units.firstOnly).toBe(5);

    const same = await harness.fail('agreement.compute', { coders: ['Amélie', 'Amélie'] });
    expect([same.code, same.params?.reason]).toEqual(['invalid_input', 'sameCoder']);
    const unknown = await harness.fail('agreement.compute', { coders: ['Amélie', 'Chloé'] });
    expect([unknown.code, unknown.params?.name]).toEqual(['not_found', 'Chloé']);
    const threshold = await harness.fail('agreement.compute', {
      coders: ['Amélie', 'Bruno'],
      threshold: 0,
    });
    expect(threshold.code).toBe('invalid_input');
  });

  it('exports the report for a methods section in the interface language: coefficients first, rounded, formatted, with its method', async () => {
    await twoCoders();
    const { call } = harness;
    // The project's material is French; the interface is English unless told otherwise.
    expect((await call('projects.current', {}))!.language).toBe('fr');
    const csv = await call('agreement.export', {
      coders: ['Amélie', 'Bruno'],
      format: 'csv',
      csvStyle: 'excel-fr',
    });
    expect(csv.fileName).toBe('agreement-Amélie-Bruno.csv');
    const { rows: lines } = parseCsv(new TextDecoder().decode(csv.data));
    // One table, no line above its header: κ and α before percent agreement, shares as fractions.
    expect(lines[0]!.slice(0, 5)).toEqual([
      'Code path',
      'Code',
      'Cohen kappa (characters)',
      'Krippendorff alpha, nominal (characters)',
      'Percent agreement (characters), 0–1',
    ]);
    // Three decimals at most, with French Excel's decimal comma.
    expect(lines[1]!.slice(0, 2)).toEqual(['Ouverture / Comité citoyen', 'Comité citoyen']);
    for (const figure of lines[1]!.slice(2, 6)) expect(figure).toMatch(/^0,\d{1,3}$|^1$/);
    expect(lines[3]!.slice(0, 2)).toEqual(['All codes (pooled)', '']);

    const french = await call('agreement.export', {
      coders: ['Amélie', 'Bruno'],
      format: 'xlsx',
      language: 'fr',
    });
    expect(french.fileName).toBe('accord-Amélie-Bruno.xlsx');
    const rows = await readXlsx(french.data, french.fileName);
    expect(rows[0]!.slice(0, 5)).toEqual([
      'Chemin du code',
      'Code',
      'Kappa de Cohen (caractères)',
      'Alpha de Krippendorff, nominal (caractères)',
      'Pourcentage d’accord (caractères)',
    ]);
    expect(rows[1]!.slice(0, 2)).toEqual(['Ouverture / Comité citoyen', 'Comité citoyen']);
    const report = await call('agreement.compute', { coders: ['Amélie', 'Bruno'] });
    const panel = report.codes[0]!;
    expect(rows[1]![2]).toBe(Math.round(panel.kappa! * 1000) / 1000);
    expect(rows[1]![4]).toBe(Math.round(panel.percentAgreement! * 1000) / 1000);
    expect(rows[1]![6]).toBe(2);

    // Number formats and widths, as Excel reads them.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(french.data) as unknown as ExcelJS.Buffer);
    const [table, method] = workbook.worksheets;
    expect(table!.name).toBe('Accord');
    expect(table!.getCell('C2').numFmt).toBe('0.000');
    expect(table!.getCell('E2').numFmt).toBe('0.0%');
    expect(table!.getCell('F2').numFmt).toBe('0.0%');
    expect(table!.getColumn(1).width).toBeGreaterThanOrEqual(30);
    expect(table!.getColumn(3).width).toBeGreaterThanOrEqual(10);
    // The method: the project, the day of the export, the coders and N.
    expect(method!.name).toBe('Méthode');
    const about = new Map(
      method!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])),
    );
    expect(about.get('Projet')).toBe('Étude');
    const today = new Date();
    expect(about.get('Exporté le')).toEqual(
      new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())),
    );
    expect(about.get('Codeurs')).toBe('Amélie · Bruno');
    expect(about.get('Documents comparés (N)')).toBe(1);
    expect(about.get('Unités comparées par code (N)')).toBe(report.units);
    expect(about.get('Seuil de recouvrement des segments')).toBe('90\u00a0%');

    // Set in Axial, the interface language is the default.
    await call('app.setLanguage', { language: 'fr' });
    const set = await call('agreement.export', { coders: ['Amélie', 'Bruno'], format: 'csv' });
    expect(set.fileName).toBe('accord-Amélie-Bruno.csv');
    expect(new TextDecoder().decode(set.data)).toContain('Kappa de Cohen (caractères)');
  });

  it('counts characters as units but not the paragraph breaks, and says which chosen document a coder left uncoded', async () => {
    const { call } = harness;
    const { other, budget } = await twoCoders();
    const two = await call('documents.import', {
      fileName: 'Entretien en deux.txt',
      data: fileBytes('Premier paragraphe.\nSecond paragraphe.'),
    });
    const detail = await call('documents.get', { id: two.id });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    expect(text).toBe('Premier paragraphe.\nSecond paragraphe.');
    const code = async (start: number, end: number) => {
      const { version } = await call('documents.get', { id: two.id });
      await call('codings.create', {
        documentId: two.id,
        start,
        end,
        version,
        codeIds: [budget.id],
      });
    };
    // Amélie codes across the break, Bruno the first paragraph only.
    await call('app.setCoderName', { name: 'Amélie' });
    await code(0, detail.length);
    await call('app.setCoderName', { name: 'Bruno' });
    await code(0, 19);
    const report = await call('agreement.compute', {
      coders: ['Amélie', 'Bruno'],
      documentIds: [two.id, other.id],
    });
    const units = detail.length - 1;
    const otherLength = (await call('documents.get', { id: other.id })).length;
    expect(report.documents.map((document) => [document.title, document.units])).toEqual([
      ['Entretien élu B', otherLength],
      ['Entretien en deux', units],
    ]);
    const onTwo = report.documents.find((document) => document.id === two.id)!;
    expect(onTwo.units).toBe(units);
    expect(onTwo.codings).toEqual([1, 1]);
    // Bruno coded nothing in the second interview: the view warns of it.
    expect(report.documents.find((document) => document.id === other.id)!.codings).toEqual([1, 0]);
    expect(report.units).toBe(units + otherLength);
    const onBudget = report.codes.find((code) => code.codeId === budget.id)!;
    // "Second paragraphe." is Amélie's alone; the break between the paragraphs is nobody's unit.
    const second = [...'Second paragraphe.'].length;
    expect(onBudget.units.both).toBe(19);
    expect(onBudget.units.firstOnly).toBe(second + 5);
    expect(
      onBudget.units.both +
        onBudget.units.firstOnly +
        onBudget.units.secondOnly +
        onBudget.units.neither,
    ).toBe(report.units);
  });
});

describe('disagreements between two coders, settled', () => {
  it('lists where codings do not match, with each coder’s words, and settles one in one undo step', async () => {
    const { call } = harness;
    const { interview, panel, budget } = await twoCoders();
    const coders: [string, string] = ['Amélie', 'Bruno'];
    // At 90 % the passages on the panel match; Budget was coded by Bruno alone.
    const found = await call('agreement.disagreements', { coders });
    expect(found.total).toBe(1);
    const [only] = found.items;
    expect([only!.codeId, only!.documentTitle, only!.start, only!.end]).toEqual([
      budget.id,
      'Entretien DGS A',
      30,
      40,
    ]);
    expect(only!.first).toEqual([]);
    // The words as stored: "DGS : " became the turn's speaker.
    const stored = buildTextIndex(
      documentFromJson((await call('documents.get', { id: interview.id })).content),
    ).text;
    expect(only!.second.map((span) => span.text)).toEqual([sliceCodePoints(stored, 30, 40)]);

    await call('agreement.resolve', {
      coders,
      documentId: interview.id,
      codeId: budget.id,
      codingIds: only!.second.map((span) => span.id),
      resolution: 'second',
    });
    expect((await call('agreement.disagreements', { coders })).total).toBe(0);
    const after = await call('agreement.compute', { coders });
    expect(after.codes.find((code) => code.codeId === budget.id)!.units.both).toBe(10);
    // Amélie now holds Bruno's passage, under her own name.
    const budgetCodings = (await call('codings.forDocument', { documentId: interview.id }))
      .filter((coding) => coding.codeId === budget.id)
      .map((coding) => [coding.coder, coding.start, coding.end])
      .sort();
    expect(budgetCodings).toEqual([
      ['Amélie', 30, 40],
      ['Bruno', 30, 40],
    ]);
    const history = await call('history.state', {});
    expect(history.undoLabel).toBe('resolveDisagreement');
    await call('history.undo', {});
    expect((await call('agreement.disagreements', { coders })).total).toBe(1);

    // Stricter, the panel's passages disagree; one passage over all keeps Amélie's, which covers them.
    const strict = await call('agreement.disagreements', {
      coders,
      threshold: 0.95,
      codeId: panel.id,
    });
    expect(strict.total).toBe(1);
    const [onPanel] = strict.items;
    const ameliesId = onPanel!.first[0]!.id;
    await call('agreement.resolve', {
      coders,
      documentId: interview.id,
      codeId: panel.id,
      codingIds: [...onPanel!.first, ...onPanel!.second].map((span) => span.id),
      resolution: 'merged',
    });
    const panelCodings = (await call('codings.forDocument', { documentId: interview.id })).filter(
      (coding) => coding.codeId === panel.id,
    );
    expect(panelCodings.map((coding) => [coding.coder, coding.start, coding.end]).sort()).toEqual([
      ['Amélie', 0, 20],
      ['Bruno', 0, 20],
    ]);
    expect(panelCodings.some((coding) => coding.id === ameliesId)).toBe(true);
    // Bruno's coding removed and Amélie's copied to him: one settlement in the log, not two.
    const [logged] = await call('projects.activity', { limit: 1 });
    expect([logged!.subject, logged!.count]).toEqual(['resolveDisagreement', 1]);
  });

  it('settles a one-sided disagreement by removing the lone coder’s coding, in one undo step', async () => {
    const { call } = harness;
    const { interview, panel, budget } = await twoCoders();
    const coders: [string, string] = ['Amélie', 'Bruno'];
    const before = await call('codings.forDocument', { documentId: interview.id });
    // Budget was coded by Bruno alone: neither keeps a coding there.
    const [only] = (await call('agreement.disagreements', { coders })).items;
    expect([only!.codeId, only!.first.length, only!.second.length]).toEqual([budget.id, 0, 1]);
    await call('agreement.resolve', {
      coders,
      documentId: interview.id,
      codeId: budget.id,
      codingIds: only!.second.map((span) => span.id),
      resolution: 'neither',
    });
    const after = await call('codings.forDocument', { documentId: interview.id });
    expect(after.filter((coding) => coding.codeId === budget.id)).toEqual([]);
    // The panel's codings are untouched.
    expect(after).toEqual(before.filter((coding) => coding.codeId === panel.id));
    expect((await call('agreement.disagreements', { coders })).total).toBe(0);
    expect((await call('history.state', {})).undoLabel).toBe('resolveDisagreement');
    await call('history.undo', {});
    expect(await call('codings.forDocument', { documentId: interview.id })).toEqual(before);
  });

  it('refuses to settle from a list that changed, and changes nothing', async () => {
    const { call } = harness;
    const { interview, budget } = await twoCoders();
    const coders: [string, string] = ['Amélie', 'Bruno'];
    const [only] = (await call('agreement.disagreements', { coders })).items;
    await call('codings.delete', { id: only!.second[0]!.id });
    const before = await call('codings.forDocument', { documentId: interview.id });
    const refused = await harness.fail('agreement.resolve', {
      coders,
      documentId: interview.id,
      codeId: budget.id,
      codingIds: [only!.second[0]!.id],
      resolution: 'second',
    });
    expect([refused.code, refused.params?.reason]).toEqual(['out_of_date', 'disagreementChanged']);
    expect(await call('codings.forDocument', { documentId: interview.id })).toEqual(before);
  });
});
