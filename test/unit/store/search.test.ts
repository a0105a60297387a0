import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function corpus() {
  const { call } = harness;
  const a = await call('documents.import', {
    fileName: 'entretien-a.txt',
    data: fileBytes(
      'DGS : La réunion du comité a lieu chaque mois 😀.\nÉlue : La coopération avec les habitants progresse.',
    ),
  });
  const b = await call('documents.import', {
    fileName: 'entretien-b.txt',
    data: fileBytes(
      'Agent : Une réunion publique sans coopération.\nAgent : Le Comité de pilotage décide.',
    ),
  });
  return { a, b };
}

const titles = async (query: string) =>
  (await harness.call('search.text', { query })).map(
    (hit) => `${hit.documentTitle}@${hit.blockStart}`,
  );

describe('full-text search', () => {
  it('ignores accents and case, and places each hit in code points', async () => {
    const { a } = await corpus();
    expect(await titles('reunion')).toEqual(['entretien-a@0', 'entretien-b@0']);
    expect(await titles('COOPERATION')).toEqual(['entretien-a@43', 'entretien-b@0']);
    const [hit] = await harness.call('search.text', { query: 'cooperation', limit: 1 });
    const text = buildTextIndex(
      documentFromJson((await harness.call('documents.get', { id: a.id })).content),
    ).text;
    expect(sliceCodePoints(text, hit!.start, hit!.end)).toBe('coopération');
    expect(hit!.segments.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(
      ['coopération'],
    );
  });

  it('understands phrases, AND, OR, NOT and prefixes', async () => {
    await corpus();
    expect(await titles('"comite de pilotage"')).toEqual(['entretien-b@39']);
    expect(await titles('reunion AND cooperation')).toEqual(['entretien-b@0']);
    expect(await titles('habitants OR pilotage')).toEqual(['entretien-a@43', 'entretien-b@39']);
    expect(await titles('reunion NOT publique')).toEqual(['entretien-a@0']);
    expect(await titles('coop*')).toEqual(['entretien-a@43', 'entretien-b@0']);
    const error = await harness.fail('search.text', { query: '"unclosed' });
    expect(error).toMatchObject({ code: 'invalid_input', params: { reason: 'searchSyntax' } });
  });

  it('folds ligatures both ways, finds emoji, and reads "AND NOT" and apostrophes', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'entretien-c.txt',
      data: fileBytes(
        'Maire : Le cœur du projet, c’est l’ex-æquo des quartiers 👏.\nDGS : Le coeur de la ﬁnance locale.\nDGS : Bravo 👩‍💻 !',
      ),
    });
    expect(await titles('coeur')).toEqual(['entretien-c@0', 'entretien-c@52']);
    expect(await titles('cœur')).toEqual(['entretien-c@0', 'entretien-c@52']);
    expect(await titles('CŒUR')).toEqual(['entretien-c@0', 'entretien-c@52']);
    expect(await titles('"coeur du projet"')).toEqual(['entretien-c@0']);
    expect(await titles('exaequo OR "ex aequo"')).toEqual(['entretien-c@0']);
    expect(await titles('finance')).toEqual(['entretien-c@52']);
    expect(await titles('👏')).toEqual(['entretien-c@0']);
    expect(await titles('👩‍💻')).toEqual(['entretien-c@82']);
    expect(await titles('coeur AND NOT finance')).toEqual(['entretien-c@0']);
    // Words with ligature spellings side by side: all must be there, in any order.
    expect(await titles('finance coeur')).toEqual(['entretien-c@52']);
    expect(await titles('coeur quartiers NOT finance')).toEqual(['entretien-c@0']);
    // FTS5's own NEAR() is passed as written.
    expect(await titles('NEAR(coeur locale, 4)')).toEqual(['entretien-c@52']);
    expect(await titles('l’ex')).toEqual(['entretien-c@0']);
    const [hit] = await call('search.text', { query: 'coeur', limit: 1 });
    const text = buildTextIndex(
      documentFromJson((await call('documents.get', { id: document.id })).content),
    ).text;
    expect(sliceCodePoints(text, hit!.start, hit!.end)).toBe('cœur');
    const notFirst = await harness.fail('search.text', { query: 'NOT finance' });
    expect(notFirst).toMatchObject({ code: 'invalid_input', params: { reason: 'searchNotFirst' } });
    expect(notFirst.message).toContain('data NOT interview');
  });

  it('follows an edit made just before the search, its undo, and a deleted document', async () => {
    const { a, b } = await corpus();
    const detail = await harness.call('documents.get', { id: a.id });
    const doc = documentFromJson(detail.content);
    const transform = new Transform(doc).insert(
      offsetToPosition(buildTextIndex(doc), 0),
      documentSchema.text('Concertation préalable. '),
    );
    await harness.call('documents.applySteps', {
      id: a.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    expect(await titles('concertation')).toEqual(['entretien-a@0']);
    await harness.call('history.undo', {});
    expect(await titles('concertation')).toEqual([]);
    await harness.call('documents.delete', { id: b.id });
    expect(await titles('pilotage')).toEqual([]);
    await harness.call('history.undo', {});
    expect(await titles('pilotage')).toEqual(['entretien-b@39']);
  });
});

describe('the search as the index reads it', () => {
  it('accepts every query that FTS5 took before, with ligature spellings among the words', async () => {
    const { ftsQuery } = await import('../../../electron/store/searchQuery');
    expect(ftsQuery('confiance élus')).toBe('("confiance" OR "conﬁance") AND "élus"');
    expect(ftsQuery('a b NOT c')).toBe('("a" AND "b") NOT "c"');
    expect(ftsQuery('data AND NOT x')).toBe('"data" NOT "x"');
    expect(ftsQuery('(finance budget) OR coeur')).toBe(
      '(("finance" OR "ﬁnance") AND "budget") OR ("coeur" OR "cœur")',
    );
    expect(ftsQuery('réunion - habitants')).toBe('"réunion" AND "habitants"');
    expect(ftsQuery('data OR')).toBe('"data"');
    expect(ftsQuery('data ) x')).toBe('"data" AND "x"');
    expect(ftsQuery('NEAR(maire projet, 5)')).toBe('NEAR(maire projet, 5)');
  });
});

describe('any search a researcher types', () => {
  it('is a query FTS5 reads, or a message saying how to write it', async () => {
    const fc = (await import('fast-check')).default;
    const Database = (await import('better-sqlite3')).default;
    const { ftsQuery } = await import('../../../electron/store/searchQuery');
    const { AxialError } = await import('../../../shared/errors');
    const db = new Database(':memory:');
    db.exec(
      `CREATE VIRTUAL TABLE t USING fts5(text, tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co So'")`,
    );
    db.prepare('INSERT INTO t VALUES (?)').run('Le cœur de la ﬁnance, l’ex-æquo 😀 des élus.');
    const piece = fc.constantFrom(
      'coeur',
      'cœur',
      'finance',
      'élus',
      'l’ex',
      '-',
      '&',
      '😀',
      'fin*',
      '"de la"',
      '"coeur de"*',
      'AND',
      'OR',
      'NOT',
      'AND NOT',
      '(',
      ')',
      'and',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const query = pieces.join(' ');
        let expression: string;
        try {
          expression = ftsQuery(query);
        } catch (error) {
          // Refused with the researcher's message, never with SQLite's.
          expect(error).toBeInstanceOf(AxialError);
          return;
        }
        expect(() =>
          db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expression),
        ).not.toThrow();
      }),
      { numRuns: 500 },
    );
    db.close();
  });
});
