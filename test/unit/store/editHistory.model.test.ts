import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Real } from '../../support/editModel';
import {
  Answer,
  Code,
  Edit,
  Redo,
  Undo,
  commandArbitraries,
  openReal,
  runScenario,
  textArbitrary,
} from '../../support/editModel';
import { makeTempDir } from '../../support/tempDir';

/**
 * The promise behind every edit: after any sequence of typing, deleting,
 * splitting, coding, uncoding, moving boundaries, marking answers, undoing and
 * redoing, the stored text and the words under every coding and answer are
 * those of a plain-string model, and undoing everything gives the project back
 * exactly. AXIAL_PROPERTY_RUNS, AXIAL_PROPERTY_COMMANDS and AXIAL_PROPERTY_SEED widen
 * or replay a run.
 */
const runs = Number(process.env.AXIAL_PROPERTY_RUNS ?? 1000);
const maxCommands = Number(process.env.AXIAL_PROPERTY_COMMANDS ?? 60);
const seed = process.env.AXIAL_PROPERTY_SEED ? Number(process.env.AXIAL_PROPERTY_SEED) : 20261201;

let folder: ReturnType<typeof makeTempDir>;
let opened: Real[] = [];
beforeEach(() => {
  folder = makeTempDir();
  opened = [];
});
afterEach(() => {
  for (const real of opened) real.core.shutdown();
  folder.remove();
});

let projects = 0;
async function project(initial: string): Promise<Real> {
  projects += 1;
  const real = await openReal(folder.path, `p${projects}`, initial);
  opened.push(real);
  return real;
}

const initialText = fc
  .array(textArbitrary(0, 40), { minLength: 1, maxLength: 8 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((newline) => lines.join(newline)))
  // An empty file is refused at import.
  .map((text) => `a${text}`);

describe('edits, codings and undo against a reference model', () => {
  it('agree on every step of generated sequences, and undo gives the project back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        initialText,
        fc.commands(commandArbitraries, { maxCommands, size: 'large' }),
        async (initial, commands) => {
          const real = await project(initial);
          try {
            await runScenario(real, commands);
          } finally {
            real.core.shutdown();
          }
        },
      ),
      { numRuns: runs, seed, endOnFailure: false },
    );
  }, 600_000);
});

describe('counter-examples kept from the model', () => {
  it('undoes joined typing batches in reverse, so a deleted coding returns on its words', async () => {
    // The reproduction: code "two", type "x" before it, forward-delete "two"
    // one character at a time as continued typing, undo once.
    const real = await project('one two three four');
    await runScenario(real, [
      new Code(4 / 19, 3 / 15, 0),
      new Edit('insert', 4 / 19, 0, 'x', false),
      new Edit('delete', 5 / 20, 1 / 15, '', true),
      new Edit('delete', 5 / 19, 1 / 14, '', true),
      new Edit('delete', 5 / 18, 1 / 13, '', true),
      new Undo(),
    ]);
    const [coding] = await real.call('codings.forDocument', { documentId: real.documentId });
    const text = (
      real.db.prepare('SELECT plain_text FROM document').get() as { plain_text: string }
    ).plain_text;
    expect(text).toBe('one two three four');
    expect(text.slice(coding!.start, coding!.end)).toBe('two');
  });

  it('undoes a coding moved by two joined typing batches back onto its words', async () => {
    // What the model found, shrunk, when undo replayed an entry's kinds of change in turn
    // (text, then ranges, then rows) instead of in reverse order (seed 20261201).
    const real = await project('aaé');
    await runScenario(real, [
      new Code(0.4, 0.334, 0),
      new Edit('insert', 0, 0.02, 'a', false),
      new Edit('insert', 0.5, 0, 'a', true),
      new Undo(),
    ]);
  });

  it('keeps an answer on its words through the same sequence', async () => {
    const real = await project('one two three four');
    await runScenario(real, [
      new Answer(4 / 19, 3 / 15, 0),
      new Edit('insert', 4 / 19, 0, 'x', false),
      new Edit('delete', 5 / 20, 1 / 15, '', true),
      new Edit('delete', 5 / 19, 1 / 14, '', true),
      new Edit('delete', 5 / 18, 1 / 13, '', true),
      new Undo(),
      new Redo(),
      new Undo(),
    ]);
    const [answer] = await real.call('answers.forDocument', { documentId: real.documentId });
    expect(answer).toMatchObject({ start: 4, end: 7 });
  });
});
