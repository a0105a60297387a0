import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shortCaseLabels } from '../../../shared/typology';
import { documentFromJson } from '../../../shared/editor/schema';
import { buildTextIndex } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/** Three authorities, one interview each; the mechanisms coded where each interview names them. */
async function study() {
  const { call } = harness;
  const axis = await call('codes.create', { name: 'Ouverture' });
  const mechanisms = await call('codes.create', { parentId: axis.id, name: 'Mécanismes' });
  const information = await call('codes.create', { parentId: mechanisms.id, name: 'Information' });
  const panel = await call('codes.create', { parentId: mechanisms.id, name: 'Panel citoyen' });
  await call('codes.update', {
    id: panel.id,
    description: 'Évaluation externe par des citoyens tirés au sort.',
  });
  const drawn = await call('codes.create', { parentId: panel.id, name: 'Tirage au sort' });
  const coConstruction = await call('codes.create', {
    parentId: mechanisms.id,
    name: 'Co-construction',
  });
  const interviews = {
    A: 'DGS : Nous informons par le journal municipal.',
    B: 'DGS : Un panel tiré au sort évalue nos politiques. Le journal informe aussi.',
    C: 'DGS : Le panel citoyen rend un avis chaque année.',
  };
  const cases: Record<string, string> = {};
  const code = async (documentId: string, words: string, codeId: string) => {
    const detail = await call('documents.get', { id: documentId });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    const start = Array.from(text.slice(0, text.indexOf(words))).length;
    const [coding] = await call('codings.create', {
      documentId,
      start,
      end: start + Array.from(words).length,
      version: detail.version,
      codeIds: [codeId],
    });
    return coding!;
  };
  const codings: Record<string, string> = {};
  const documents: Record<string, string> = {};
  for (const [letter, text] of Object.entries(interviews)) {
    const found = await call('cases.create', { name: `Collectivité ${letter}` });
    cases[letter] = found.id;
    const document = await call('documents.import', {
      fileName: `Entretien ${letter}.txt`,
      data: fileBytes(text),
    });
    await call('documents.setLinks', { documentId: document.id, caseIds: [found.id] });
    documents[letter] = document.id;
    if (letter === 'A') codings.A = (await code(document.id, 'Nous informons', information.id)).id;
    if (letter === 'B') {
      codings.B = (await code(document.id, 'Un panel tiré au sort', drawn.id)).id;
      await code(document.id, 'Le journal informe', information.id);
    }
    if (letter === 'C')
      codings.C = (await code(document.id, 'Le panel citoyen rend un avis', panel.id)).id;
  }
  return { mechanisms, information, panel, drawn, coConstruction, cases, codings, documents, code };
}

describe('a typology of mechanisms', () => {
  it('has a row per sub-code, counting its subtree’s passages and the cases they come from', async () => {
    const { call } = harness;
    const { mechanisms, information, panel, coConstruction, cases, codings } = await study();
    await call('quotations.mark', { codingId: codings.C!, shortForm: '' });
    const typology = await call('reports.typology', { codeId: mechanisms.id });
    expect(typology.cases.map((found) => found.label)).toEqual(['A', 'B', 'C']);
    expect(typology.rows.map((row) => [row.name, row.passages, row.caseIds])).toEqual([
      ['Information', 2, [cases.A, cases.B]],
      ['Panel citoyen', 2, [cases.B, cases.C]],
      ['Co-construction', 0, []],
    ]);
    expect(typology.rows[1]!.definition).toBe('Évaluation externe par des citoyens tirés au sort.');
    expect(typology.rows[1]!.quotations.map((quotation) => quotation.text)).toEqual([
      'Le panel citoyen rend un avis',
    ]);
    expect(typology.presence[information.id]).toEqual({ [cases.A!]: 1, [cases.B!]: 1 });
    expect(typology.presence[coConstruction.id]).toEqual({});
    // From the codings as they are: one removed, its case goes from the row.
    await call('codings.delete', { id: codings.C! });
    const after = await call('reports.typology', { codeId: mechanisms.id });
    expect(after.rows.find((row) => row.codeId === panel.id)).toMatchObject({
      passages: 1,
      caseIds: [cases.B],
      quotations: [],
    });
  });

  it('is the code itself when it has no sub-code', async () => {
    const { call } = harness;
    const { information, cases } = await study();
    const typology = await call('reports.typology', { codeId: information.id });
    expect(typology.rows.map((row) => [row.name, row.caseIds])).toEqual([
      ['Information', [cases.A, cases.B]],
    ]);
  });
});

describe('a typology that could mislead', () => {
  it('gives the code’s own passages a row, counts the same words once, and names a case without documents', async () => {
    const { call } = harness;
    const { mechanisms, panel, cases, documents, code } = await study();
    // B's panel words coded twice in the Panel row: its sub-code and itself.
    await code(documents.B!, 'Un panel tiré au sort', panel.id);
    // C's words coded with the variable alone, no mechanism chosen.
    await code(documents.C!, 'chaque année', mechanisms.id);
    const empty = await call('cases.create', { name: 'Collectivité D' });
    const typology = await call('reports.typology', { codeId: mechanisms.id });
    expect(typology.rows.map((row) => [row.name, row.own, row.passages, row.caseIds])).toEqual([
      ['Information', false, 2, [cases.A, cases.B]],
      ['Panel citoyen', false, 2, [cases.B, cases.C]],
      ['Co-construction', false, 0, []],
      ['Mécanismes', true, 1, [cases.C]],
    ]);
    expect(typology.presence[panel.id]).toEqual({ [cases.B!]: 1, [cases.C!]: 1 });
    expect(typology.withoutDocuments).toEqual([empty.id]);
    await call('reports.saveLayout', {
      blocks: [
        {
          id: crypto.randomUUID(),
          kind: 'typology',
          codeId: mechanisms.id,
          presence: 'counts',
          caption: '',
        },
      ],
    });
    const [table, presence] = (await call('reports.content', {})).parts;
    expect(table).toMatchObject({ kind: 'table' });
    if (table?.kind !== 'table' || presence?.kind !== 'table') return;
    expect(table.rows.at(-1)![0]!.text).toBe('Mécanismes, sans sous-code');
    expect(table.rows.map((row) => row[2]!.text)).toEqual([
      '2/4 cas (A, B)',
      '2/4 cas (B, C)',
      '0/4 cas',
      '1/4 cas (C)',
    ]);
    expect(table.notes).toContain(
      'Compté parmi les cas bien qu’aucun document ne lui soit lié, ni à ses personnes : Collectivité D.',
    );
    expect(presence.rows[2]!.map((cell) => cell.text)).toEqual([
      'Co-construction',
      '0',
      '0',
      '0',
      '0',
    ]);
  });
});

describe('short case labels', () => {
  it('leave out the words every name begins with, and keep a name that would be left empty', () => {
    expect(shortCaseLabels(['Collectivité A', 'Collectivité B'])).toEqual(['A', 'B']);
    expect(shortCaseLabels(['Ville de Lyon', 'Ville de Lille'])).toEqual(['Lyon', 'Lille']);
    expect(shortCaseLabels(['Métropole', 'Métropole B'])).toEqual(['Métropole', 'Métropole B']);
    expect(shortCaseLabels(['Seule'])).toEqual(['Seule']);
  });
});
