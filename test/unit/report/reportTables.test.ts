import mammoth from 'mammoth';
import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportBlock, ReportContent, ReportPart } from '../../../shared/report';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

type TablePart = Extract<ReportPart, { kind: 'table' }>;
const tables = (content: ReportContent) =>
  content.parts.filter((part): part is TablePart => part.kind === 'table');
const texts = (table: TablePart) => table.rows.map((row) => row.map((cell) => cell.text));

/** Two authorities, one interview each, the mechanisms coded where each names them. */
async function study(language: 'en' | 'fr' = 'en') {
  const { call } = harness;
  // The report is written in the project's language, whatever the interface's.
  await call('projects.update', { language });
  const axis = await call('codes.create', { name: 'Ouverture' });
  const mechanisms = await call('codes.create', { parentId: axis.id, name: 'Mécanismes' });
  const information = await call('codes.create', { parentId: mechanisms.id, name: 'Information' });
  const panel = await call('codes.create', { parentId: mechanisms.id, name: 'Panel' });
  const population = await call('attributes.create', {
    entityKind: 'case',
    name: 'Population',
    type: 'number',
    unit: 'habitants',
  });
  const theme = await call('attributes.create', {
    entityKind: 'case',
    name: 'Thématique',
    type: 'text',
  });
  const role = await call('attributes.create', {
    entityKind: 'participant',
    name: 'Fonction',
    type: 'text',
  });
  const interviews = {
    A: 'DGS : Nous informons par le journal 📰 municipal.\r\nDGS : Rien de plus.',
    B: 'DGS : Un panel tiré au sort évalue nos politiques. Le journal informe aussi.',
  };
  const ids: Record<string, { caseId: string; documentId: string }> = {};
  for (const [letter, text] of Object.entries(interviews)) {
    const found = await call('cases.create', { name: `Collectivité ${letter}` });
    await call('attributes.setValue', {
      attributeId: population.id,
      entityId: found.id,
      value: letter === 'A' ? 215000 : 6846,
    });
    await call('attributes.setValue', {
      attributeId: theme.id,
      entityId: found.id,
      value: `Thème ${letter}`,
    });
    const person = await call('participants.create', { name: `DGS ${letter}`, caseId: found.id });
    await call('attributes.setValue', {
      attributeId: role.id,
      entityId: person.id,
      value: 'Directeur Général des Services',
    });
    const document = await call('documents.import', {
      fileName: `Entretien ${letter}.txt`,
      data: fileBytes(text),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [person.id] });
    ids[letter] = { caseId: found.id, documentId: document.id };
  }
  const code = async (letter: string, words: string, codeId: string) => {
    const detail = await call('documents.get', { id: ids[letter]!.documentId });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    const start = Array.from(text.slice(0, text.indexOf(words))).length;
    const [coding] = await call('codings.create', {
      documentId: ids[letter]!.documentId,
      start,
      end: start + Array.from(words).length,
      version: detail.version,
      codeIds: [codeId],
    });
    return coding!;
  };
  const informsA = await code('A', 'Nous informons par le journal 📰 municipal.', information.id);
  await code('B', 'Le journal informe aussi.', information.id);
  const panelB = await code('B', 'Un panel tiré au sort évalue nos politiques.', panel.id);
  return { ids, mechanisms, information, panel, population, theme, role, informsA, panelB };
}

describe('the report’s tables', () => {
  it('start as the usual report: the cases’ and the people’s tables from every attribute', async () => {
    const { call } = harness;
    await study();
    const layout = await call('reports.layout', {});
    expect(layout.arranged).toBe(false);
    expect(layout.blocks.map((block) => block.kind)).toEqual([
      'caseTable',
      'participantTable',
      'codebook',
      'matrix',
      'quotations',
      'chart',
    ]);
    const content = await call('reports.content', {});
    const [cases, people, codebook, matrix] = tables(content);
    // Two cases fit as columns.
    expect(cases!.head).toEqual(['Attribute', 'Collectivité A', 'Collectivité B']);
    expect(texts(cases!)).toEqual([
      ['Population (habitants)', '215,000', '6846'],
      ['Thématique', 'Thème A', 'Thème B'],
    ]);
    expect(people!.head).toEqual(['Person interviewed', 'Case', 'Fonction']);
    expect(texts(people!)).toEqual([
      ['DGS A', 'Collectivité A', 'Directeur Général des Services'],
      ['DGS B', 'Collectivité B', 'Directeur Général des Services'],
    ]);
    expect(codebook!.rows.map((row) => [row[0]!.text, row[0]!.indent ?? 0])).toEqual([
      ['Ouverture', 0],
      ['Mécanismes', 1],
      ['Information', 2],
      ['Panel', 2],
    ]);
    // The matrix counts what the codings say: A one passage, B two, under the variable.
    expect(texts(matrix!)).toEqual([
      ['Collectivité A', '1'],
      ['Collectivité B', '2'],
    ]);
    // Nothing rated, no quotation: said, not drawn empty.
    expect(
      content.parts.filter((part) => part.kind === 'notice').map((part) => part.kind),
    ).toHaveLength(2);
  });

  it('list in a typology the cases whose codings carry each code, and count its passages', async () => {
    const { call } = harness;
    const { mechanisms } = await study();
    const blocks: ReportBlock[] = [
      {
        id: crypto.randomUUID(),
        kind: 'typology',
        codeId: mechanisms.id,
        presence: 'counts',
        caption: '',
      },
    ];
    await call('reports.saveLayout', { blocks });
    const [typology, presence] = tables(await call('reports.content', {}));
    expect(typology!.label).toBe('Table 1');
    expect(texts(typology!).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['Information', '2/2 cases (A, B)', '2'],
      ['Panel', '1/2 cases (B)', '1'],
    ]);
    expect(typology!.rows[0]![2]!.title).toBe('Collectivité A, Collectivité B');
    expect(typology!.notes).toContain('Cases: A: Collectivité A; B: Collectivité B.');
    expect(presence!.label).toBe('Table 2');
    expect(texts(presence!)).toEqual([
      ['Information', '1', '1'],
      ['Panel', '0', '1'],
    ]);
  });

  it('cite a quotation by the words it holds after an edit, and leave it out once its coding is removed, until undo', async () => {
    const { call } = harness;
    const { ids, mechanisms, informsA } = await study('fr');
    await call('quotations.mark', { codingId: informsA.id });
    await call('reports.saveLayout', {
      blocks: [{ id: crypto.randomUUID(), kind: 'quotations', codeId: mechanisms.id, caption: '' }],
    });
    const detail = await call('documents.get', { id: ids.A!.documentId });
    const doc = documentFromJson(detail.content);
    const index = buildTextIndex(doc);
    const transform = new Transform(doc);
    const inside = Array.from(index.text.slice(0, index.text.indexOf('journal'))).length;
    transform.insert(offsetToPosition(index, inside), documentSchema.text('petit '));
    transform.insert(offsetToPosition(index, 0), documentSchema.text('Bonjour. '));
    await call('documents.applySteps', {
      id: ids.A!.documentId,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const quoted = (content: ReportContent) =>
      content.parts.flatMap((part) =>
        part.kind === 'quotations'
          ? part.groups.flatMap((group) =>
              group.quotations.map((q) => `${q.text} (${q.reference})`),
            )
          : [],
      );
    expect(quoted(await call('reports.content', {}))).toEqual([
      '« Nous informons par le petit journal 📰 municipal. » (DGS A, Collectivité A)',
    ]);
    await call('codings.delete', { id: informsA.id });
    const without = await call('reports.content', {});
    expect(quoted(without)).toEqual([]);
    expect(without.parts).toMatchObject([{ kind: 'notice' }]);
    await call('history.undo', {});
    expect(quoted(await call('reports.content', {}))).toHaveLength(1);
  });

  it('say what a block has lost: a deleted column, a deleted code; and undo the arrangement', async () => {
    const { call } = harness;
    const { population, theme, information } = await study();
    await call('reports.saveLayout', {
      blocks: [
        {
          id: crypto.randomUUID(),
          kind: 'caseTable',
          columns: [theme.id, population.id],
          casesAsColumns: false,
          caption: 'Les deux collectivités',
        },
        {
          id: crypto.randomUUID(),
          kind: 'typology',
          codeId: information.id,
          presence: 'none',
          caption: '',
        },
      ],
    });
    let [cases] = tables(await call('reports.content', {}));
    expect(cases!.caption).toBe('Les deux collectivités');
    expect(cases!.head).toEqual(['Case', 'Thématique', 'Population (habitants)']);
    await call('attributes.delete', { id: population.id });
    await call('codes.delete', { id: information.id });
    const content = await call('reports.content', {});
    [cases] = tables(content);
    expect(cases!.head).toEqual(['Case', 'Thématique']);
    expect(cases!.notes).toEqual([
      '1 column chosen for this table was deleted from the project since.',
    ]);
    expect(content.parts[1]).toMatchObject({
      kind: 'notice',
      text: 'The code of this block is no longer in the codebook: choose another.',
    });
    // Left out of the Word file, where it could pass for the report's own words.
    const { value: html } = await mammoth.convertToHtml({
      buffer: Buffer.from((await call('reports.exportDocx', {})).data),
    });
    expect(html).toContain('Les deux collectivités');
    expect(html).not.toContain('no longer in the codebook');
    await call('history.undo', {});
    await call('history.undo', {});
    await call('history.undo', {});
    expect((await call('reports.layout', {})).arranged).toBe(false);
    expect(await harness.fail('reports.saveLayout', { blocks: [] })).toMatchObject({
      code: 'invalid_input',
    });
  });
});
