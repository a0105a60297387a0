import mammoth from 'mammoth';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportPart } from '../../../shared/report';
import type { Harness } from '../../support/apiHarness';
import { openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

type TablePart = Extract<ReportPart, { kind: 'table' }>;

describe('the demo study’s report', () => {
  it('has the article’s tables: the cases, the people, the guide, the mechanisms with their cases, and the chart', async () => {
    await harness.call('projects.openDemo', {});
    const layout = await harness.call('reports.layout', {});
    expect(layout.arranged).toBe(true);
    const content = await harness.call('reports.content', {});
    const tables = content.parts.filter((part): part is TablePart => part.kind === 'table');
    expect(tables.map((table) => table.label)).toEqual(
      tables.map((_table, index) => `Tableau ${index + 1}`),
    );
    const [cases, people, guide, typology, presence] = tables;
    // Table 1: the six authorities side by side, an attribute a row.
    expect(cases!.head).toEqual(['Attribut', 'A', 'B', 'C', 'D', 'E', 'F']);
    // Grouped from five digits on, with French spaces: "77 130", "6846".
    expect(cases!.rows[0]!.map((cell) => cell.text.replace(/\u202f/g, ' '))).toEqual([
      'Population ville-centre (habitants)',
      '77 130',
      '6846',
      '109 443',
      '152 960',
      '75 735',
      '150 610',
    ]);
    // Table 2: each person, their case, function, gender and age.
    expect(people!.head).toEqual([
      'Personne interrogée',
      'Cas',
      'Fonction',
      'Genre',
      'Âge estimé (ans)',
    ]);
    expect(people!.rows.find((row) => row[0]!.text === 'DGS B')!.map((cell) => cell.text)).toEqual([
      'DGS B',
      'B',
      'Directeur Général des Services',
      'H',
      '40',
    ]);
    // Table 3: numbered questions, prompts with them.
    expect(guide!.head).toEqual(['N°', 'Question', 'Relances']);
    expect(guide!.rows.some((row) => row[0]!.text === '2' && row[2]!.text.startsWith('2.1 '))).toBe(
      true,
    );
    // The mechanisms, each with the letters of the cases that mention it.
    const share = (name: string) => typology!.rows.find((row) => row[0]!.text === name)![2]!.text;
    expect(typology!.caption).toBe('Typologie : Usagers, habitants, associations');
    expect(share('Information')).toBe('4/6 cas (A, B, D, E)');
    expect(share('Évaluation par un panel')).toBe('1/6 cas (D)');
    expect(share('Participation')).toBe('3/6 cas (B, C, F)');
    expect(share('Co-construction')).toBe('3/6 cas (B, C, F)');
    const quotes = typology!.rows.find((row) => row[0]!.text === 'Évaluation par un panel')![4]!;
    expect(quotes.text).toBe(
      "« un panel d'habitants évalue chaque année […] les objectifs de performance » (DAF D, D)",
    );
    expect(presence!.head).toEqual(['Code', 'A', 'B', 'C', 'D', 'E', 'F']);
    expect(
      presence!.rows.find((row) => row[0]!.text === 'Information')!.map((cell) => cell.text),
    ).toEqual(['Information', '✓', '✓', '', '✓', '✓', '']);
    const figure = content.parts.find((part) => part.kind === 'figure');
    expect(figure).toMatchObject({ label: 'Figure 1', caption: 'Modèles de gouvernance' });
  });

  it('exports a Word file with real tables, numbered captions, the quotations with their references and the chart as an image', async () => {
    await harness.call('projects.openDemo', {});
    const file = await harness.call('reports.exportDocx', {});
    expect(file.fileName).toMatch(/\.docx$/);
    const parts = unzipSync(file.data);
    const xml = strFromU8(parts['word/document.xml']!);
    const tableCount = (xml.match(/<w:tbl>/g) ?? []).length;
    const content = await harness.call('reports.content', {});
    expect(tableCount).toBe(content.parts.filter((part) => part.kind === 'table').length);
    // Captions numbered by Word's own SEQ fields, with their numbers written.
    expect(xml).toContain('<w:instrText>SEQ Tableau \\* ARABIC</w:instrText>');
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/>/);
    // Written in French, for Word's spelling and hyphenation.
    expect(strFromU8(parts['word/styles.xml']!)).toMatch(/<w:lang w:val="fr-FR"/);
    // The chart: an SVG with a PNG for readers without SVG.
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    const png = parts[media.find((name) => name.endsWith('.png'))!]!;
    expect([...png.subarray(1, 4)].map((code) => String.fromCharCode(code)).join('')).toBe('PNG');
    // Read back as a reader of Word files reads it.
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file.data) });
    expect(html).toContain('<table>');
    expect(html).toContain('Tableau 1. Caractéristiques des cas');
    expect(html).toContain('Figure 1. Modèles de gouvernance');
    expect(html).toContain('Directeur Général des Services');
    expect(html).toContain(
      '« Les habitants participent aux décisions, quartier par quartier » (Adjointe C, C)',
    );
  });
});
