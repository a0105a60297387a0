import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { documentFromJson } from '../../../shared/editor/schema';
import { buildTextIndex } from '../../../shared/text/textIndex';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A document as the API gives it, with its plain text (code points are what codings count). */
async function read(id: string) {
  const detail = await harness.call('documents.get', { id });
  return { ...detail, text: buildTextIndex(documentFromJson(detail.content)).text };
}

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const interview = [
  'Enquêtrice : Bonjour Mme Martin, merci de nous recevoir à Villeneuve.',
  'Aurélie Martin : Avec plaisir. Le maire, M. Durand, porte le panel citoyen.',
  "Enquêtrice : Et d'Aurélie, on dit quoi ? AURELIE MARTIN l'a écrit.",
  'Aurélie Martin : Jean-Pierre Durand a signé; Jean est venu aussi. 👩‍👩‍👧 Durand !',
].join('\n');

async function study() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien Martin.txt',
    data: fileBytes(interview),
  });
  const axis = await call('codes.create', { name: 'Ouverture' });
  const code = await call('codes.create', { parentId: axis.id, name: 'Panel' });
  const { text, version } = await read(document.id);
  const coded = (words: string) => {
    const at = Array.from(text).join('').indexOf(words);
    const start = Array.from(text.slice(0, at)).length;
    return { start, end: start + Array.from(words).length };
  };
  // One passage on a name whole, one cutting a name in two, one around two names.
  const ranges = [coded('M. Durand'), coded('urand, porte'), coded('Jean-Pierre Durand a signé')];
  let current = version;
  for (const range of ranges) {
    await call('codings.create', {
      documentId: document.id,
      ...range,
      version: current,
      codeIds: [code.id],
    });
    current = (await read(document.id)).version;
  }
  await call('pseudonyms.add', {
    kind: 'person',
    real: 'Aurélie Martin',
    variants: ['Aurélie', 'Mme Martin', 'Martin'],
    pseudonym: 'DGS de A',
  });
  await call('pseudonyms.add', {
    kind: 'person',
    real: 'Durand',
    variants: ['Jean-Pierre Durand', 'M. Durand'],
    pseudonym: 'le maire de A',
  });
  await call('pseudonyms.add', {
    kind: 'place',
    real: 'Villeneuve',
    variants: [],
    pseudonym: 'Ville A',
  });
  return { document, code };
}

describe('pseudonymising a project', () => {
  it('finds every variant, accents and case aside, whole words only', async () => {
    await study();
    const { occurrences } = await harness.call('pseudonyms.occurrences', {});
    const inText = occurrences
      .filter((found) => found.place.kind === 'text')
      .map((found) => found.text);
    expect(inText).toEqual([
      'Mme Martin',
      'Villeneuve',
      'M. Durand',
      'Aurélie',
      'AURELIE MARTIN',
      'Jean-Pierre Durand',
      'Durand',
    ]);
    const speakers = occurrences.filter((found) => found.place.kind === 'speaker');
    expect(speakers.map((found) => found.text)).toEqual(['Aurélie Martin']);
    const fields = occurrences.filter((found) => found.place.kind === 'field');
    expect(
      fields.map((found) => [found.place.kind === 'field' && found.place.column, found.text]),
    ).toEqual([
      ['title', 'Martin'],
      ['source_name', 'Martin'],
    ]);
  });

  it('replaces them as edits: every coding on its words, one undo step, undone exactly', async () => {
    const { document } = await study();
    await harness.call('projects.update', {
      title: 'Étude à Villeneuve',
      description: 'Entretiens avec Mme Martin',
    });
    const before = await read(document.id);
    const codingsBefore = await harness.call('codings.forDocument', { documentId: document.id });
    const applied = await harness.call('pseudonyms.apply', {});
    // The project's own title and description too, in the same step.
    expect(await harness.call('projects.current', {})).toMatchObject({
      title: 'Étude à Ville A',
      description: 'Entretiens avec DGS de A',
    });
    expect(applied.documents).toBe(1);
    const after = await read(document.id);
    expect(after.text).not.toMatch(/Martin|Durand|Aur[ée]lie|AURELIE|Villeneuve/);
    expect(after.text).toContain('Bonjour DGS de A, merci de nous recevoir à Ville A.');
    expect(after.text).toContain('le maire de A a signé; Jean est venu aussi. 👩‍👩‍👧 le maire de A !');
    const words = (await harness.call('codings.forDocument', { documentId: document.id }))
      .map((coding) => sliceCodePoints(after.text, coding.start, coding.end))
      .sort();
    expect(words).toEqual(
      ['le maire de A', 'le maire de A a signé', 'le maire de A, porte'].sort(),
    );
    expect(after.speakers).not.toContain('Aurélie Martin');
    const summary = await harness.call('documents.list', {});
    expect(summary[0]!.title).toBe('Entretien DGS de A');
    expect((await harness.call('history.state', {})).undoLabel).toBe('pseudonymise');
    await harness.call('history.undo', {});
    expect(await harness.call('projects.current', {})).toMatchObject({
      title: 'Étude à Villeneuve',
      description: 'Entretiens avec Mme Martin',
    });
    const undone = await read(document.id);
    expect(undone.text).toBe(before.text);
    expect(undone.speakers).toEqual(before.speakers);
    expect(await harness.call('codings.forDocument', { documentId: document.id })).toEqual(
      codingsBefore,
    );
  });

  it('exports a copy with no real name left in any table, the index or the free pages, re-identified by its key', async () => {
    const { document } = await study();
    await harness.call('codings.update', {
      id: (await harness.call('codings.forDocument', { documentId: document.id }))[0]!.id,
      memo: 'Durand insiste sur Villeneuve.',
    });
    await harness.call('projects.update', { title: 'Étude à Villeneuve' });
    const original = await read(document.id);
    const path = join(harness.folder, 'partage.axial');
    const keyPath = join(harness.folder, 'partage.key');
    const made = await harness.call('pseudonyms.exportCopy', {
      path,
      keyPath,
      passphrase: 'une phrase de passe longue',
    });
    expect(made.replaced).toBeGreaterThan(8);
    // Written again without leave to replace: refused by name, the copy and its key as they were.
    const copyBytes = readFileSync(path);
    const again = await harness.fail('pseudonyms.exportCopy', {
      path,
      keyPath: join(harness.folder, 'autre.key'),
      passphrase: 'une phrase de passe longue',
    });
    expect(again.code).toBe('file_exists');
    expect(readFileSync(path).equals(copyBytes)).toBe(true);
    expect(existsSync(join(harness.folder, 'autre.key'))).toBe(false);
    // The working project is as it was.
    expect((await read(document.id)).text).toContain('Bonjour Mme Martin');
    const bytes = readFileSync(path);
    for (const name of [
      'Martin',
      'Durand',
      'Villeneuve',
      'martin',
      'durand',
      'villeneuve',
      'Aurélie',
    ])
      expect(bytes.includes(Buffer.from(name)), name).toBe(false);
    const shared = new Database(path, { readonly: true });
    expect(shared.prepare('SELECT COUNT(*) FROM pseudonym').pluck().get()).toBe(0);
    expect(shared.prepare('PRAGMA freelist_count').pluck().get()).toBe(0);
    expect(
      shared
        .prepare("SELECT COUNT(*) FROM text_index WHERE text_index MATCH 'durand'")
        .pluck()
        .get(),
    ).toBe(0);
    shared.close();

    // A wrong passphrase is refused; the right one puts every name back.
    await harness.call('projects.open', { path });
    expect((await harness.call('projects.current', {}))?.title).toBe('Étude à Ville A');
    const key = { fileName: 'partage.key', data: new Uint8Array(readFileSync(keyPath)) };
    const refused = await harness.fail('pseudonyms.reidentify', {
      ...key,
      passphrase: 'pas la bonne',
    });
    expect(refused.params?.reason).toBe('wrongPassphrase');
    const restored = await harness.call('pseudonyms.reidentify', {
      ...key,
      passphrase: 'une phrase de passe longue',
    });
    expect(restored.changedSince).toBe(0);
    const back = await read(document.id);
    expect(back.text).toBe(original.text);
    expect(back.speakers).toEqual(original.speakers);
    expect(back.title).toBe('Entretien Martin');
    expect((await harness.call('projects.current', {}))?.title).toBe('Étude à Villeneuve');
  });

  // Found by the generated test: two passages inside one name, widened to it, are the same passage.
  it('keeps one coding where two of one code lay inside the same name', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes('Hélène Lefèvre : le\nHélène Lefèvre : Hélène Lefèvre'),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Panel' });
    for (const [start, end] of [
      [3, 4],
      [9, 11],
    ] as const) {
      const { version } = await call('documents.get', { id: document.id });
      await call('codings.create', {
        documentId: document.id,
        start,
        end,
        version,
        codeIds: [code.id],
      });
    }
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Hélène Lefèvre',
      variants: [],
      pseudonym: 'X',
    });
    await call('pseudonyms.apply', {});
    const codings = await call('codings.forDocument', { documentId: document.id });
    expect(codings.map((coding) => [coding.start, coding.end])).toEqual([[3, 4]]);
    expect((await read(document.id)).text).toBe('le\nX');
  });

  it('exports a pseudonymised .qdpx and coded dataset from a checked copy, the project untouched', async () => {
    const { document } = await study();
    const before = await read(document.id);
    for (const format of ['qdpx', 'xlsx'] as const) {
      const path = join(harness.folder, `partage.${format}`);
      const made = await harness.call('pseudonyms.exportCopy', {
        path,
        keyPath: join(harness.folder, `partage-${format}.key`),
        passphrase: 'une phrase de passe longue',
        format,
      });
      expect(made.path).toBe(path);
      const files = unzipSync(new Uint8Array(readFileSync(path)));
      const text = Object.values(files)
        .map((bytes) => new TextDecoder().decode(bytes))
        .join('\n');
      expect(text).toContain(format === 'qdpx' ? 'DGS de A' : 'le maire de A');
      expect(fold(text), format).not.toMatch(/martin|durand|aurelie|villeneuve/);
    }
    expect((await read(document.id)).text).toBe(before.text);
    expect(
      readdirSync(harness.folder).filter((name) => /\.[0-9a-f]{8}\.(axial|snapshot)/.test(name)),
    ).toEqual([]);
  });
});
