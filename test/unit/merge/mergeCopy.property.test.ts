import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from '@tiptap/pm/transform';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/api/core';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/api';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import { testCore } from '../../support/core';
import { characters } from '../../support/editModel';
import { makeTempDir } from '../../support/tempDir';

type Call = <Name extends MethodName>(
  method: Name,
  input: MethodInput<Name>,
) => Promise<MethodOutput<Name>>;

function caller(core: AppCore): Call {
  return async (method, input) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as never;
  };
}

let temp: ReturnType<typeof makeTempDir>;
let mine: AppCore;
let theirs: AppCore;
beforeAll(() => {
  temp = makeTempDir();
  mine = testCore(join(temp.path, 'mine'));
  theirs = testCore(join(temp.path, 'theirs'));
});
afterAll(() => {
  mine.shutdown();
  theirs.shutdown();
  temp.remove();
});

async function textOf(call: Call, id: string) {
  const detail = await call('documents.get', { id });
  return { detail, text: buildTextIndex(documentFromJson(detail.content)).text };
}

/** Replaces code points [from, to) of the document by `words`, as the editor does. */
async function edit(call: Call, id: string, from: number, to: number, words: string) {
  const { detail } = await textOf(call, id);
  const doc = documentFromJson(detail.content);
  const index = buildTextIndex(doc);
  const transform = new Transform(doc);
  const start = offsetToPosition(index, from);
  const end = offsetToPosition(index, to);
  if (words) transform.replaceWith(start, end, documentSchema.text(words));
  else if (to > from) transform.delete(start, end);
  if (transform.steps.length === 0) return;
  await call('documents.applySteps', {
    id,
    version: detail.version,
    steps: transform.steps.map((step) => step.toJSON()),
  });
}

const word = fc
  .array(fc.constantFrom(...characters.filter((piece) => !/[\r\t]/.test(piece)), 'le ', 'de la '), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pieces) => pieces.join(''));

let run = 0;

describe('a merge of a copy edited on both sides, on generated texts and edits', () => {
  it('puts every coding of theirs on its own words, or lists it: never on other words', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 6, maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.option(word, { nil: '' })), { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.option(word, { nil: '' })), { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), {
          minLength: 1,
          maxLength: 5,
        }),
        async (words, myEdits, theirEdits, codings) => {
          run += 1;
          const path = join(temp.path, `study-${run}.axial`);
          const copyPath = join(temp.path, `copy-${run}.axial`);
          const me = caller(mine);
          const them = caller(theirs);
          await me('projects.create', { path, title: 'Étude' });
          await me('app.setCoderName', { name: 'Amélie' });
          const document = await me('documents.import', {
            fileName: 'Entretien.txt',
            data: new TextEncoder().encode(`DGS : ${words.join(' ')}`),
          });
          const axis = await me('codes.create', { name: 'Ouverture' });
          const code = await me('codes.create', { parentId: axis.id, name: 'Comité' });
          await me('projects.saveCopy', { path: copyPath });
          await them('projects.open', { path: copyPath });
          await them('app.setCoderName', { name: 'Bruno' });
          // Bruno codes, then edits; his codings move with his edits as the editor moves them.
          for (const [at, length] of codings) {
            const { detail, text } = await textOf(them, document.id);
            const size = [...text].length;
            const start = at % size;
            const end = Math.min(size, start + length);
            if (end <= start) continue;
            await them('codings.create', {
              documentId: document.id,
              start,
              end,
              version: detail.version,
              codeIds: [code.id],
            });
          }
          for (const [call, edits] of [
            [them, theirEdits],
            [me, myEdits],
          ] as const)
            for (const [at, length, inserted] of edits) {
              const size = [...(await textOf(call, document.id)).text].length;
              const from = at % (size + 1);
              await edit(call, document.id, from, Math.min(size, from + length), inserted);
            }
          const theirCodings = new Map<string, string>();
          const { text: theirText } = await textOf(them, document.id);
          for (const coding of await them('codings.forDocument', { documentId: document.id }))
            theirCodings.set(coding.id, sliceCodePoints(theirText, coding.start, coding.end));
          await them('projects.close', {});

          const summary = await me('merge.apply', {
            fileName: 'copy.axial',
            data: new Uint8Array(readFileSync(copyPath)),
            choices: [],
          });
          const { text: myText } = await textOf(me, document.id);
          const merged = await me('codings.forDocument', { documentId: document.id });
          const brunos = merged.filter((coding) => coding.coder === 'Bruno');
          const placedExactly = brunos.filter(
            (coding) =>
              sliceCodePoints(myText, coding.start, coding.end) === theirCodings.get(coding.id),
          );
          // Each of his codings: on its exact words, flagged as approximate, already here, or listed.
          expect(
            brunos.length - placedExactly.length,
            'codings placed on other words without saying so',
          ).toBeLessThanOrEqual(summary.approximate);
          expect(brunos.length + summary.unplacedCount + summary.alreadyHere).toBe(
            theirCodings.size,
          );
          await me('projects.close', {});
        },
      ),
      { numRuns: 40, seed: 20261203 },
    );
  }, 120_000);
});
