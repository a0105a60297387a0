import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../support/apiHarness';
import { openHarness } from '../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/**
 * The article's facts the demo claims to use, copied here by hand from
 * Frucquet et al. (2021): Table 1 (the six authorities) and Table 2 (the
 * people interviewed). The demo's data must agree with them.
 */
const table1 = [
  [
    'A',
    77130,
    162328,
    false,
    2018,
    '2021',
    'Technologies intelligentes',
    'Gestion directe + prestataires ciblés',
  ],
  [
    'B',
    6846,
    28595,
    true,
    2016,
    '2026',
    'Plateforme de données territoriale',
    "Partenariat d'innovation",
  ],
  [
    'C',
    109443,
    273564,
    true,
    2014,
    '2026',
    "Ville du ¼ d'heure",
    'Gestion directe + prestataires ciblés',
  ],
  [
    'D',
    152960,
    296390,
    true,
    2017,
    '2032',
    'Transition écologique',
    'Marché global de performance',
  ],
  [
    'E',
    75735,
    169732,
    true,
    2016,
    '2027',
    'Transition écologique',
    'Gestion directe + prestataires ciblés',
  ],
  [
    'F',
    150610,
    258070,
    true,
    2018,
    'Non défini',
    'Faciliter la ville aux usagers',
    'Gestion directe + prestataires ciblés',
  ],
] as const;
const table1Columns = [
  'Population ville-centre',
  'Population EPCI',
  'Projet formalisé',
  'Année de lancement',
  'Échéance principale',
  'Thématique dominante',
  'Mode de gestion',
];
const table2 = [
  ['B', 'Directeur Général des Services', 'H', 40],
  ['C', "Adjointe en charge de l'Innovation, du Numérique et de la Ville Intelligente", 'F', 35],
  ['C', 'Chargée de mission Ville Intelligente', 'F', 40],
  ['D', 'Directrice administrative et financière du projet Territoire Intelligent', 'F', 45],
  ['E', 'Directeur de la Transformation Numérique', 'H', 40],
  ['F', 'Chargée de mission « Smart City »', 'F', 35],
] as const;

describe('the demo study', () => {
  it('agrees with the article’s Table 1 (cases) and Table 2 (people interviewed)', async () => {
    const project = await harness.call('projects.openDemo', {});
    expect(project.title).toBe('Démo Axial — Villes et territoires intelligents');
    expect(project.description).toContain('hal-03543436');
    const attributes = await harness.call('attributes.list', {});
    const named = (kind: string, name: string) =>
      attributes.find((attribute) => attribute.entityKind === kind && attribute.name === name)!.id;
    const cases = await harness.call('cases.list', {});
    expect(cases.map((row) => row.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    for (const [name, ...values] of table1) {
      const row = cases.find((candidate) => candidate.name === name)!;
      expect(table1Columns.map((column) => row.values[named('case', column)])).toEqual(values);
    }
    const participants = await harness.call('participants.list', {});
    const caseName = new Map(cases.map((row) => [row.id, row.name]));
    const interviewed = participants
      .map((row) => [
        caseName.get(row.caseId!),
        row.values[named('participant', 'Fonction')],
        row.values[named('participant', 'Genre')],
        row.values[named('participant', 'Âge estimé')],
      ])
      .filter((row) => row[0] !== 'A');
    expect(interviewed).toEqual(table2.map((row) => [...row]));
  });

  it('fills every view: codings, answers, ratings with evidence on both axes, a recording', async () => {
    await harness.call('projects.openDemo', {});
    const documents = await harness.call('documents.list', {});
    expect(documents).toHaveLength(6);
    expect(await harness.call('passages.list', {})).toHaveLength(45);
    const { ratings } = await harness.call('ratings.list', {});
    expect(ratings).toHaveLength(12);
    expect(ratings.every((rating) => rating.value !== null && rating.evidence.length > 0)).toBe(
      true,
    );
    const matrix = await harness.call('matrix.get', { rowKind: 'case', level: 'axis' });
    expect(matrix.rows).toHaveLength(6);
    expect(matrix.cells.filter((cell) => cell.passages > 0).length).toBeGreaterThanOrEqual(12);
    const [guide] = await harness.call('guides.list', {});
    const coverage = await harness.call('guides.coverage', { guideId: guide!.id });
    // Every interview answers the first two questions; all but E the third.
    const answered = coverage.cells.filter((cell) => cell.status === 'answered');
    expect(coverage.documents).toHaveLength(6);
    expect(answered).toHaveLength(17);
    const first = documents.find((document) => document.title.startsWith('Entretien A'))!;
    expect(await harness.call('recordings.list', { documentId: first.id })).toHaveLength(1);
    // Opening it again makes a second, fresh copy rather than touching the first.
    const again = await harness.call('projects.openDemo', {});
    expect(again.path).toMatch(/ \(2\)\.axial$/);
  });

  it('counts the same passages in the overview as the list finds, with filters on people and attributes', async () => {
    await harness.call('projects.openDemo', {});
    const attributes = await harness.call('attributes.list', {});
    const group = attributes.find((attribute) => attribute.name === "Groupe d'acteurs")!;
    const cases = await harness.call('cases.list', {});
    const participants = await harness.call('participants.list', {});
    for (const query of [
      {
        conditions: [
          { attributeId: group.id, operator: 'eq' as const, value: 'Agents de la collectivité' },
        ],
      },
      { caseIds: [cases.find((row) => row.name === 'C')!.id] },
      { participantIds: [participants.find((row) => row.name === 'Adjointe C')!.id] },
      { speakers: ['Enquêtrice'] },
    ]) {
      const list = await harness.call('passages.list', query);
      const overview = await harness.call('passages.overview', query);
      expect(overview.total).toBe(list.length);
      const perCode = new Map<string, number>();
      for (const passage of list)
        perCode.set(passage.coding.codeId, (perCode.get(passage.coding.codeId) ?? 0) + 1);
      for (const [codeId, count] of perCode)
        expect(overview.codes.find((entry) => entry.codeId === codeId)?.own).toBe(count);
    }
  });
});
