import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { pdfFile } from '../../support/pdfFile';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function exportCopy(name: string) {
  const path = join(harness.folder, `${name}.axial`);
  await harness.call('pseudonyms.exportCopy', {
    path,
    keyPath: join(harness.folder, `${name}.key`),
    passphrase: 'une longue phrase',
  });
  const shared = new Database(path, { readonly: true });
  const text = shared.prepare('SELECT plain_text FROM document').pluck().get() as string;
  shared.close();
  return { path, text };
}

// From a new-user walk on a 50,000-character transcript.
describe('the shared copy and its check', () => {
  it('replace a first name written in small letters, and an address built of names', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes(
        'DGS : En fait, thomas a construit la base. Écrivez à helene.lefevre@montreuil.fr.',
      ),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Thomas Nguyen',
      variants: ['M. Nguyen', 'Thomas'],
      pseudonym: 'Paul',
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Hélène Lefèvre',
      variants: ['Hélène', 'Lefèvre'],
      pseudonym: 'Anne',
    });
    const found = await call('pseudonyms.occurrences', {});
    expect(found.occurrences.map((occurrence) => occurrence.text)).toEqual(
      expect.arrayContaining(['thomas', 'helene', 'lefevre']),
    );
    const { path, text } = await exportCopy('partage');
    expect(text).toBe('En fait, Paul a construit la base. Écrivez à Anne.Anne@montreuil.fr.');
    for (const name of ['thomas', 'Thomas', 'helene', 'lefevre'])
      expect(readFileSync(path).includes(Buffer.from(name)), name).toBe(false);
  });

  it('leaves out an original PDF, whose words no replacement reaches, and keeps its text pseudonymised', async () => {
    const { call } = harness;
    const pdf = await pdfFile([
      { lines: [{ text: 'Au comité de suivi, Thomas Nguyen préside.', top: 100 }] },
    ]);
    await call('documents.import', {
      fileName: 'compte-rendu.pdf',
      data: pdf,
      kind: 'secondary',
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Thomas Nguyen',
      variants: ['Nguyen'],
      pseudonym: 'Paul Martin',
    });
    const { path, text } = await exportCopy('partage-pdf');
    expect(text).toBe('Au comité de suivi, Paul Martin préside.');
    const shared = new Database(path, { readonly: true });
    expect(shared.prepare('SELECT COUNT(*) FROM document_original').pluck().get()).toBe(0);
    expect(shared.prepare('SELECT COUNT(*) FROM document_original_chunk').pluck().get()).toBe(0);
    shared.close();
    expect(readFileSync(path).includes(Buffer.from('Nguyen'))).toBe(false);
  });

  it('is not refused because the words of "M. Blanc" are each written elsewhere as words', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes('DGS : Il m’a dit : vote blanc. Puis M. Blanc est venu, le marchand aussi.'),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Jacques Blanc',
      variants: ['M. Blanc', 'Blanc'],
      pseudonym: 'l’élu B',
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'M. Marchand',
      variants: [],
      pseudonym: 'le maire',
    });
    const { text } = await exportCopy('partage');
    expect(text).toBe('Il m’a dit : vote blanc. Puis l’élu B est venu, le marchand aussi.');
  });
});
