import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const interview = [
  'Date : 14 mars 2024',
  'Lieu : mairie de B',
  'Enquêteur : Comment associez-vous les habitants ?',
  'DGS de B : Par des ateliers de quartier.',
].join('\n');

describe('importing a file', () => {
  it('takes no header line for a speaker, and offers the speakers named like participants as links', async () => {
    const { call } = harness;
    const dgs = await call('participants.create', { name: 'DGS de B' });
    const preview = await call('documents.previewImport', {
      fileName: 'entretien-b.txt',
      data: fileBytes(interview),
    });
    expect(preview.speakers.map((speaker) => speaker.label)).toEqual(['Enquêteur', 'DGS de B']);
    expect(preview.participantMatches).toEqual([
      { label: 'DGS de B', participantId: dgs.id, name: 'DGS de B' },
    ]);
    expect(preview.duplicate).toBeNull();

    const document = await call('documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes(interview),
      participantIds: [dgs.id],
    });
    expect((await call('documents.links', { documentId: document.id })).participantIds).toEqual([
      dgs.id,
    ]);
    // The document and its link are one step: undone together.
    await call('history.undo', {});
    expect(await call('documents.list', {})).toEqual([]);
    expect((await call('participants.list', {}))[0]).toMatchObject({ documentCount: 0 });
    await call('history.redo', {});
    expect((await call('documents.links', { documentId: document.id })).participantIds).toEqual([
      dgs.id,
    ]);
  });

  it('warns when the project holds the file already: the same text, or a file of the same name', async () => {
    const { call } = harness;
    const first = await call('documents.import', {
      fileName: 'entretien-b.txt',
      data: fileBytes(interview),
    });
    const again = await call('documents.previewImport', {
      fileName: 'copie.txt',
      data: fileBytes(interview),
    });
    expect(again.duplicate).toEqual({
      documentId: first.id,
      title: first.title,
      match: 'sameText',
    });
    const sameName = await call('documents.previewImport', {
      fileName: 'entretien-b.txt',
      data: fileBytes(`${interview}\nDGS de B : Et un comité de suivi.`),
    });
    expect(sameName.duplicate).toMatchObject({ documentId: first.id, match: 'sameFileName' });
    const other = await call('documents.previewImport', {
      fileName: 'entretien-c.txt',
      data: fileBytes('Élue : Autre chose.'),
    });
    expect(other.duplicate).toBeNull();
  });
});
