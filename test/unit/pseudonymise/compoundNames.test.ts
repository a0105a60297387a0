import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findNames } from '../../../electron/pseudonymise/nameMatcher';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

/** The terms here that the dictionaries know as common words (see `nameTableOf`). */
const words = new Set(['Marchand', 'Jean']);
const found = (text: string, ...terms: string[]) =>
  findNames(
    text,
    terms.map((term) => ({ entryId: term, text: term, word: words.has(term) })),
  ).map((match) => match.text);
/** In a label (a title, a file's name), where names are written in small letters too. */
const inLabel = (text: string, ...terms: string[]) =>
  findNames(
    text,
    terms.map((term) => ({ entryId: term, text: term, word: words.has(term) })),
    true,
  ).map((match) => match.text);

describe('names joined to other words by a hyphen', () => {
  it('are found after a hyphen before small letters or digits, and not inside a compound name', () => {
    expect(inLabel('entretien-marchand', 'Marchand')).toEqual(['marchand']);
    expect(inLabel('2024-03-14-lefevre', 'Lefèvre')).toEqual(['lefevre']);
    // In prose, a surname in small letters is the word it also is.
    expect(found('entretien-marchand', 'Marchand')).toEqual([]);
    expect(found('Lefèvre-entretien', 'Lefèvre')).toEqual(['Lefèvre']);
    // A compound name is one name: "Jean" is not in it, "Saint-Denis" not in "Seine-Saint-Denis".
    expect(found('Jean-Pierre et Jean', 'Jean')).toEqual(['Jean']);
    expect(found('En Seine-Saint-Denis et à Saint-Denis', 'Saint-Denis')).toEqual(['Saint-Denis']);
    expect(found('Marie-Claude Petit', 'Marie-Claude')).toEqual(['Marie-Claude']);
  });
});

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

describe('a pseudonymised copy of a transcript named after its interviewee', () => {
  it('is written, the name replaced in its title and file name too', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'entretien-marchand.txt',
      data: fileBytes('Enquêteur : Bonjour.\nKarim Marchand : Bonjour.'),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Karim Marchand',
      variants: ['Marchand'],
      pseudonym: 'Samir Haddad',
    });
    const path = join(harness.folder, 'partage.axial');
    await call('pseudonyms.exportCopy', {
      path,
      keyPath: join(harness.folder, 'partage.key'),
      passphrase: 'une longue phrase',
    });
    const shared = new Database(path, { readonly: true });
    expect(shared.prepare('SELECT title, source_name FROM document').get()).toEqual({
      title: 'entretien-Samir Haddad',
      source_name: 'entretien-Samir Haddad.txt',
    });
    shared.close();
    expect(readFileSync(path).includes(Buffer.from('archand'))).toBe(false);
  });
});

describe('a pseudonymised copy written where it cannot be', () => {
  it('is refused over the open project or onto its own key, and the project is kept whole', async () => {
    const { call, core } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes('Enquêteur : Bonjour.\nKarim Marchand : Bonjour.'),
    });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Karim Marchand',
      variants: [],
      pseudonym: 'Samir Haddad',
    });
    const project = (await call('projects.current', {}))!.path;
    const onto = await core.dispatch('pseudonyms.exportCopy', {
      path: project,
      keyPath: join(harness.folder, 'partage.key'),
      passphrase: 'une longue phrase',
      overwrite: true,
    });
    expect(onto.ok ? null : onto.error.params?.reason).toBe('targetIsProject');
    const same = join(harness.folder, 'partage.axial');
    const together = await core.dispatch('pseudonyms.exportCopy', {
      path: same,
      keyPath: same,
      passphrase: 'une longue phrase',
    });
    expect(together.ok ? null : together.error.params?.reason).toBe('keyIsCopy');
    expect(existsSync(same)).toBe(false);
    const [document] = await call('documents.list', {});
    expect(document!.title).toBe('Entretien');
    const { content } = await call('documents.get', { id: document!.id });
    expect(JSON.stringify(content)).toContain('Karim Marchand');
  });
});
