import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson } from '../../../shared/editor/schema';
import { codePointLength, sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

/** The table: each entry's forms as the generator may write them, and its pseudonym. */
const people = [
  { real: 'Hélène Lefèvre', variants: ['Hélène', 'Mme Lefèvre'], pseudonym: 'la DGS de A' },
  { real: 'Jean-Marc Dubois', variants: ['Dubois'], pseudonym: 'l’élu B' },
  { real: 'Zoé Ångström', variants: ['Zoé'], pseudonym: 'Z' },
  { real: 'Saint-Étienne', variants: [], pseudonym: 'Ville C 🏙️' },
];
/** The ways a form is typed: as listed, shouted, without accents, with combining accents. */
const spellings = (form: string) => [
  form,
  form.toUpperCase(),
  form.normalize('NFD').replace(/\p{M}/gu, ''),
  form.normalize('NFD'),
];
const fillers = [
  'le',
  'comité',
  'œuvre',
  'ﬁn',
  'e\u0301te\u0301',
  '👩‍👩‍👧',
  '🙂',
  'réunion',
  'd’',
  '—',
  '2024',
];
/** The names' folded words, which must not be left anywhere in a shared copy. */
const forbidden =
  /(?<![\p{L}\p{N}])(helene|lefevre|dubois|zoe|angstrom|saint-etienne)(?![\p{L}\p{N}])/u;
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

type Token = { kind: 'filler'; text: string } | { kind: 'name'; entry: number; text: string };

const token: fc.Arbitrary<Token> = fc.oneof(
  fc.constantFrom(...fillers).map((text) => ({ kind: 'filler' as const, text })),
  fc
    .integer({ min: 0, max: people.length - 1 })
    .chain((entry) =>
      fc
        .constantFrom(...[people[entry]!.real, ...people[entry]!.variants].flatMap(spellings))
        .map((text) => ({ kind: 'name' as const, entry, text })),
    ),
);
// Names never side by side: two of them would read as one longer name.
const body = fc
  .array(token, { minLength: 1, maxLength: 14 })
  .map((tokens) =>
    tokens.flatMap((piece, index) =>
      piece.kind === 'name' && tokens[index - 1]?.kind === 'name'
        ? [{ kind: 'filler' as const, text: 'et' }, piece]
        : [piece],
    ),
  );
const study = fc.record({
  blocks: fc.array(fc.record({ speaker: fc.constantFrom(0, 1), tokens: body }), {
    minLength: 2,
    maxLength: 6,
  }),
  codings: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.boolean()), {
    minLength: 1,
    maxLength: 8,
  }),
});

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function plainText(id: string) {
  const detail = await harness.call('documents.get', { id });
  return { detail, text: buildTextIndex(documentFromJson(detail.content)).text };
}

describe('a pseudonymised copy of generated interviews', () => {
  it('holds no real name anywhere, keeps every coding on its pseudonymised words, and its key restores the text exactly', async () => {
    const entries = [];
    for (const person of people)
      entries.push(await harness.call('pseudonyms.add', { kind: 'person', ...person }));
    const table = entries.at(-1)!;
    const axis = await harness.call('codes.create', { name: 'Ouverture' });
    const code = await harness.call('codes.create', { parentId: axis.id, name: 'Panel' });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(study, async ({ blocks, codings }) => {
        run += 1;
        // Each run from the working project, whatever the last one left open.
        await harness.call('projects.open', { path: harness.projectPath });
        const speakers = ['Hélène Lefèvre', 'Enquêtrice'];
        // The text as the import keeps it, with every name's place known.
        const occurrences: { start: number; end: number; pseudonym: string }[] = [];
        let expected = '';
        const lines = blocks.map((block, number) => {
          if (number) expected += '\n';
          const words = block.tokens.map((piece, index) => {
            const text = `${index ? ' ' : ''}${piece.text}`;
            const start = codePointLength(expected) + (index ? 1 : 0);
            expected += text;
            if (piece.kind === 'name')
              occurrences.push({
                start,
                end: start + codePointLength(piece.text),
                pseudonym: table[piece.entry]!.pseudonym,
              });
            return text;
          });
          return `${speakers[block.speaker]} : ${words.join('')}`;
        });
        const document = await harness.call('documents.import', {
          fileName: `Entretien Dubois ${run}.txt`,
          data: fileBytes(lines.join('\r\n')),
        });
        const { text, detail } = await plainText(document.id);
        expect(text).toBe(expected);
        const length = codePointLength(text);
        let version = detail.version;
        for (const [at, span, memo] of codings) {
          const start = at % length;
          const end = Math.min(length, start + 1 + span);
          await harness.call('codings.create', {
            documentId: document.id,
            start,
            end,
            version,
            codeIds: [code.id],
          });
          version = (await harness.call('documents.get', { id: document.id })).version;
          if (memo) {
            const made = await harness.call('codings.forDocument', { documentId: document.id });
            const coding = made.find((row) => row.start === start && row.end === end);
            if (coding)
              await harness.call('codings.update', {
                id: coding.id,
                memo: 'Dubois y revient, à Saint-Étienne.',
              });
          }
        }
        const before = await harness.call('codings.forDocument', { documentId: document.id });

        const path = join(harness.folder, `partage-${run}.axial`);
        const keyPath = join(harness.folder, `partage-${run}.key`);
        await harness.call('pseudonyms.exportCopy', {
          path,
          keyPath,
          passphrase: 'phrase de passe',
        });

        // Every text value of every table, and the file's bytes, free pages included.
        const shared = new Database(path, { readonly: true });
        const tables = shared
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .pluck()
          .all() as string[];
        for (const name of tables
          .filter((name) => !name.startsWith('text_index'))
          .concat(['text_index_content']))
          for (const row of shared.prepare(`SELECT * FROM "${name}"`).all() as Record<
            string,
            unknown
          >[])
            for (const value of Object.values(row))
              if (typeof value === 'string')
                expect(fold(value), `${name}: ${value}`).not.toMatch(forbidden);
        for (const word of ['helene', 'lefevre', 'dubois', 'zoe', 'angstrom'])
          expect(
            shared
              .prepare('SELECT COUNT(*) FROM text_index WHERE text_index MATCH ?')
              .pluck()
              .get(word),
            word,
          ).toBe(0);
        shared.close();
        const bytes = readFileSync(path);
        for (const word of [
          'Hélène',
          'Lefèvre',
          'Dubois',
          'Zoé',
          'lefevre',
          'dubois',
          'LEFEVRE',
          'DUBOIS',
        ])
          expect(bytes.includes(Buffer.from(word)), word).toBe(false);

        // The model: each name replaced; a coding that cut a name covers all of it; offsets shift.
        const shift = (offset: number) =>
          offset +
          occurrences
            .filter((occurrence) => occurrence.end <= offset)
            .reduce(
              (sum, occurrence) =>
                sum + codePointLength(occurrence.pseudonym) - (occurrence.end - occurrence.start),
              0,
            );
        let replaced = '';
        let at = 0;
        for (const occurrence of occurrences) {
          replaced += sliceCodePoints(text, at, occurrence.start) + occurrence.pseudonym;
          at = occurrence.end;
        }
        replaced += sliceCodePoints(text, at, length);
        await harness.call('projects.open', { path });
        const copy = await plainText(document.id);
        expect(copy.text).toBe(replaced);
        const after = await harness.call('codings.forDocument', { documentId: document.id });
        // Two codings of one code that a name's widening puts on the same words are one, as the
        // editor keeps them (one code by one coder on the same words once).
        const expectedRanges = new Set(
          before.map((coding) => {
            let { start, end } = coding;
            for (const occurrence of occurrences) {
              if (start > occurrence.start && start < occurrence.end) start = occurrence.start;
              if (end > occurrence.start && end < occurrence.end) end = occurrence.end;
            }
            return `${shift(start)}-${shift(end)}`;
          }),
        );
        expect(new Set(after.map((coding) => `${coding.start}-${coding.end}`))).toEqual(
          expectedRanges,
        );
        expect(after.length).toBe(expectedRanges.size);

        // The key puts back the text exactly, and refuses a wrong passphrase.
        const key = { fileName: 'partage.key', data: new Uint8Array(readFileSync(keyPath)) };
        expect(
          (await harness.fail('pseudonyms.reidentify', { ...key, passphrase: 'autre phrase' }))
            .params?.reason,
        ).toBe('wrongPassphrase');
        const restored = await harness.call('pseudonyms.reidentify', {
          ...key,
          passphrase: 'phrase de passe',
        });
        expect(restored.changedSince).toBe(0);
        expect((await plainText(document.id)).text).toBe(text);
        expect((await harness.call('documents.get', { id: document.id })).speakers).toEqual(
          detail.speakers,
        );
        await harness.call('projects.open', { path: harness.projectPath });
        await harness.call('documents.delete', { id: document.id });
      }),
      { numRuns: 8, seed: 19 },
    );
  }, 240_000);
});
