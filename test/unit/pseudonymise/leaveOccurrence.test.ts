import Database from 'better-sqlite3';
import { Transform } from '@tiptap/pm/transform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentifierOccurrence } from '../../../shared/pseudonyms';
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

// "Blanc" names the DGS, and once it is the colour, where a sentence begins.
const interview = [
  'Enquêtrice : La DGS, Mme Blanc, porte le panel.',
  'DGS : Blanc comme neige, ce dossier. Mme Blanc l’a dit au maire 👩‍👩‍👧.',
].join('\n');

async function read(id: string) {
  const detail = await harness.call('documents.get', { id });
  return { ...detail, text: buildTextIndex(documentFromJson(detail.content)).text };
}

async function study() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien DGS.txt',
    data: fileBytes(interview),
  });
  const axis = await call('codes.create', { name: 'Ouverture' });
  const code = await call('codes.create', { parentId: axis.id, name: 'Couleur' });
  const { text, version } = await read(document.id);
  const at = Array.from(text).join('').indexOf('Blanc comme neige');
  const start = Array.from(text.slice(0, at)).length;
  await call('codings.create', {
    documentId: document.id,
    start,
    end: start + 'Blanc comme neige'.length,
    version,
    codeIds: [code.id],
  });
  await call('pseudonyms.add', {
    kind: 'person',
    real: 'Mme Blanc',
    variants: ['Blanc'],
    pseudonym: 'la DGS de A',
  });
  const found = await call('pseudonyms.occurrences', {});
  const colour = found.occurrences.find((occurrence) => occurrence.after.startsWith(' comme'))!;
  return { document, colour };
}

const textPlace = (occurrence: IdentifierOccurrence) => {
  if (occurrence.place.kind !== 'text') throw new Error('not in a text');
  return occurrence.place;
};

describe('leaving an occurrence as written', () => {
  it('is one undo step; the occurrence follows its words through edits, applying skips it', async () => {
    const { call } = harness;
    const { document, colour } = await study();
    const place = textPlace(colour);
    const left = await call('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: place.documentId,
      version: place.version,
      start: place.start,
      end: place.end,
    });
    expect(left.total).toBe(2);
    expect(left.left).toHaveLength(1);
    expect(left.left[0]!.leftId).toBeTruthy();
    expect((await call('history.state', {})).undoLabel).toBe('leaveOccurrence');

    // Typing before it moves it with its words.
    const detail = await call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const transform = new Transform(doc);
    transform.insert(offsetToPosition(buildTextIndex(doc), 0), documentSchema.text('Note : '));
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const moved = (await call('pseudonyms.occurrences', {})).left[0]!;
    expect(textPlace(moved).start).toBe(place.start + 'Note : '.length);
    expect(moved.after).toMatch(/^ comme neige/);

    const applied = await call('pseudonyms.apply', {});
    expect(applied.replaced).toBe(2);
    const after = await read(document.id);
    expect(after.text).toContain('La DGS, la DGS de A, porte le panel.');
    expect(after.text).toContain('Blanc comme neige, ce dossier. la DGS de A l’a dit');
    const [coding] = await call('codings.forDocument', { documentId: document.id });
    expect(sliceCodePoints(after.text, coding!.start, coding!.end)).toBe('Blanc comme neige');
    const remaining = await call('pseudonyms.occurrences', {});
    expect(remaining.total).toBe(0);
    expect(remaining.left).toHaveLength(1);

    // Undo takes back the replacement, then the choice.
    await call('history.undo', {});
    expect((await call('pseudonyms.occurrences', {})).total).toBe(2);
    await call('history.undo', {});
    await call('history.undo', {});
    const back = await call('pseudonyms.occurrences', {});
    expect(back.total).toBe(3);
    expect(back.left).toEqual([]);
  });

  it('is refused on a document changed since, or where the name is not written', async () => {
    const { call } = harness;
    const { document, colour } = await study();
    const place = textPlace(colour);
    const stale = await harness.fail('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: place.documentId,
      version: place.version + 1,
      start: place.start,
      end: place.end,
    });
    expect(stale.code).toBe('stale_document');
    const elsewhere = await harness.fail('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: document.id,
      version: place.version,
      start: place.start + 1,
      end: place.end,
    });
    expect(elsewhere.params?.reason).toBe('occurrenceGone');
    expect((await call('pseudonyms.occurrences', {})).left).toEqual([]);
    expect((await call('history.state', {})).undoLabel).toBe('editPseudonyms');
  });

  it('is replaced after all on request, and forgotten with its entry, undone with it', async () => {
    const { call } = harness;
    const { colour } = await study();
    const place = textPlace(colour);
    const left = await call('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: place.documentId,
      version: place.version,
      start: place.start,
      end: place.end,
    });
    const again = await call('pseudonyms.replaceAfterAll', { id: left.left[0]!.leftId! });
    expect(again.left).toEqual([]);
    expect(again.total).toBe(3);
    await call('history.undo', {});
    expect((await call('pseudonyms.occurrences', {})).left).toHaveLength(1);
    // Removing the entry takes its exceptions with it; undo brings both back.
    await call('pseudonyms.remove', { id: colour.entryId });
    expect(await call('pseudonyms.list', {})).toEqual([]);
    await call('history.undo', {});
    expect((await call('pseudonyms.occurrences', {})).left).toHaveLength(1);
  });

  it('goes into a shared copy as written, where the copy’s check accepts it and nothing else', async () => {
    const { call } = harness;
    const { document, colour } = await study();
    const place = textPlace(colour);
    await call('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: place.documentId,
      version: place.version,
      start: place.start,
      end: place.end,
    });
    const path = join(harness.folder, 'partage.axial');
    const made = await call('pseudonyms.exportCopy', {
      path,
      keyPath: join(harness.folder, 'partage.key'),
      passphrase: 'une phrase de passe longue',
    });
    expect(made.replaced).toBe(2);
    const shared = new Database(path, { readonly: true });
    const text = shared
      .prepare('SELECT plain_text FROM document WHERE id = ?')
      .pluck()
      .get(document.id) as string;
    expect(text.match(/Blanc/g)).toEqual(['Blanc']);
    expect(text).toContain('Blanc comme neige');
    expect(shared.prepare('SELECT COUNT(*) FROM pseudonym_exception').pluck().get()).toBe(0);
    shared.close();
    expect(readFileSync(path).includes(Buffer.from('Mme Blanc'))).toBe(false);
    // The working project keeps its names and its choice.
    expect((await read(document.id)).text).toContain('Mme Blanc');
    expect((await call('pseudonyms.occurrences', {})).left).toHaveLength(1);
  });

  it('goes with its document when the document is deleted, and comes back with it', async () => {
    const { call } = harness;
    const { document, colour } = await study();
    const place = textPlace(colour);
    await call('pseudonyms.leave', {
      entryId: colour.entryId,
      documentId: place.documentId,
      version: place.version,
      start: place.start,
      end: place.end,
    });
    await call('documents.delete', { id: document.id });
    expect((await call('pseudonyms.occurrences', {})).left).toEqual([]);
    await call('history.undo', {});
    expect((await call('pseudonyms.occurrences', {})).left).toHaveLength(1);
  });

  it('leaves together every occurrence written alike, and not the name written with other words', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Notes.txt',
      data: fileBytes(
        [
          'DGS : Petit à petit, le panel avance. Petit à petit, vraiment.',
          'DGS : Mme Petit à la réunion disait : Petit à petit !',
          'DGS : Petit à Montreuil, on attend.',
        ].join('\n'),
      ),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Sophie Petit',
      variants: ['Petit'],
      pseudonym: 'Anne Martin',
    });
    const found = await call('pseudonyms.occurrences', {});
    expect(found.total).toBe(5);
    const phrase = found.occurrences.find((occurrence) => occurrence.after.startsWith(' à petit'))!;
    const left = await call('pseudonyms.leaveAlike', {
      entryId: phrase.entryId,
      text: phrase.text,
      after: phrase.after,
    });
    expect(left.left).toHaveLength(3);
    expect(left.occurrences.map((occurrence) => `${occurrence.text}${occurrence.after}`)).toEqual([
      'Petit à la réunion disait : Petit à petit !',
      'Petit à Montreuil, on attend.',
    ]);
    expect((await call('history.state', {})).undoLabel).toBe('leaveOccurrence');
    await call('history.undo', {});
    expect((await call('pseudonyms.occurrences', {})).left).toEqual([]);
  });
});
