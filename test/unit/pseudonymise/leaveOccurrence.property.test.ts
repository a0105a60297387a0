import fc from 'fast-check';
import { Transform } from '@tiptap/pm/transform';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { codePointLength, sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

/** Surnames that are words too, the case a researcher leaves where they are the word. */
const people = [
  { real: 'Mme Blanc', variants: ['Blanc'], pseudonym: 'la DGS de A' },
  { real: 'Marchand', variants: ['M. Marchand'], pseudonym: 'l’élu B 🙂' },
];
const fillers = ['le', 'comité', 'œuvre', 'ﬁn', 'e\u0301te\u0301', '👩‍👩‍👧', 'réunion', '—'];

type Token = { kind: 'filler'; text: string } | { kind: 'name'; entry: number; text: string };
const token: fc.Arbitrary<Token> = fc.oneof(
  fc.constantFrom(...fillers).map((text) => ({ kind: 'filler' as const, text })),
  fc
    .integer({ min: 0, max: people.length - 1 })
    .chain((entry) =>
      fc
        .constantFrom(people[entry]!.real, ...people[entry]!.variants)
        .map((text) => ({ kind: 'name' as const, entry, text })),
    ),
);
const body = fc
  .array(token, { minLength: 1, maxLength: 10 })
  .map((tokens) =>
    tokens.flatMap((piece, index) =>
      piece.kind === 'name' && tokens[index - 1]?.kind === 'name'
        ? [{ kind: 'filler' as const, text: 'et' }, piece]
        : [piece],
    ),
  );
const study = fc.record({
  blocks: fc.array(body, { minLength: 1, maxLength: 4 }),
  // Which occurrences are left as written, and where words are typed afterwards.
  leave: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  typed: fc.array(fc.nat(), { maxLength: 3 }),
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

describe('occurrences left as written, in generated interviews', () => {
  it('stay on their words through typing, and applying the table replaces every other one', async () => {
    const { call } = harness;
    const entries = [];
    for (const person of people)
      entries.push(await call('pseudonyms.add', { kind: 'person', ...person }));
    const table = entries.at(-1)!;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(study, async ({ blocks, leave, typed }) => {
        run += 1;
        let expected = '';
        const names: { start: number; end: number; entry: number }[] = [];
        blocks.forEach((tokens, number) => {
          if (number) expected += '\n';
          tokens.forEach((piece, index) => {
            if (index) expected += ' ';
            const start = codePointLength(expected);
            expected += piece.text;
            if (piece.kind === 'name')
              names.push({ start, end: start + codePointLength(piece.text), entry: piece.entry });
          });
        });
        const document = await call('documents.import', {
          fileName: `Notes ${run}.txt`,
          data: fileBytes(expected.replaceAll('\n', '\r\n')),
        });
        expect((await plainText(document.id)).text).toBe(expected);

        // Left one by one, as the review does, from the list it shows.
        const listed = (await call('pseudonyms.occurrences', {})).occurrences.filter(
          (occurrence) => occurrence.place.kind === 'text',
        );
        expect(listed).toHaveLength(names.length);
        const kept = new Set<number>();
        for (const [index, occurrence] of listed.entries()) {
          if (!leave[index % leave.length] || occurrence.place.kind !== 'text') continue;
          const { version } = await call('documents.get', { id: document.id });
          await call('pseudonyms.leave', {
            entryId: occurrence.entryId,
            documentId: document.id,
            version,
            start: occurrence.place.start,
            end: occurrence.place.end,
          });
          kept.add(index);
        }

        // Words typed away from the names move everything after them, left occurrences too.
        let model = expected;
        let occurrences = names.map((name, index) => ({ ...name, left: kept.has(index) }));
        for (const at of typed) {
          const length = codePointLength(model);
          const offset = at % (length + 1);
          if (occurrences.some((name) => offset >= name.start && offset <= name.end)) continue;
          const words = ' 2024 ';
          const { detail } = await plainText(document.id);
          const doc = documentFromJson(detail.content);
          const transform = new Transform(doc);
          transform.insert(
            offsetToPosition(buildTextIndex(doc), offset),
            documentSchema.text(words),
          );
          await call('documents.applySteps', {
            id: document.id,
            version: detail.version,
            steps: transform.steps.map((step) => step.toJSON()),
          });
          model =
            sliceCodePoints(model, 0, offset) + words + sliceCodePoints(model, offset, length);
          occurrences = occurrences.map((name) =>
            name.start >= offset
              ? { ...name, start: name.start + words.length, end: name.end + words.length }
              : name,
          );
        }
        expect((await plainText(document.id)).text).toBe(model);
        const found = await call('pseudonyms.occurrences', {});
        const left = occurrences.filter((name) => name.left);
        expect(
          found.left.map((occurrence) =>
            occurrence.place.kind === 'text' ? [occurrence.place.start, occurrence.place.end] : [],
          ),
        ).toEqual(left.map((name) => [name.start, name.end]));

        await call('pseudonyms.apply', {});
        let replaced = '';
        let at = 0;
        for (const name of occurrences) {
          replaced +=
            sliceCodePoints(model, at, name.start) +
            (name.left
              ? sliceCodePoints(model, name.start, name.end)
              : table[name.entry]!.pseudonym);
          at = name.end;
        }
        replaced += sliceCodePoints(model, at, codePointLength(model));
        expect((await plainText(document.id)).text).toBe(replaced);
        const after = await call('pseudonyms.occurrences', {});
        expect(after.total).toBe(0);
        expect(after.left).toHaveLength(left.length);
        await call('documents.delete', { id: document.id });
      }),
      { numRuns: 25, seed: 20 },
    );
  }, 120_000);
});
