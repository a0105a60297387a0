import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codePointLength } from '../../../shared/text/codePoints';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/** Imports `lines` linked to `participants` and codes every turn's words with one code. */
async function codedInterview(lines: string[], participantIds: string[], caseIds: string[] = []) {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'entretien.txt',
    data: fileBytes(lines.join('\n')),
  });
  await call('documents.setLinks', { documentId: document.id, participantIds, caseIds });
  const code = await call('codes.create', { name: `Habitants ${document.id}`, codable: true });
  const detail = await call('documents.get', { id: document.id });
  let start = 0;
  for (const line of lines) {
    const words = line.replace(/^[^:]*: /, '');
    const length = codePointLength(words);
    await call('codings.create', {
      documentId: document.id,
      version: detail.version,
      start,
      end: start + length,
      codeIds: [code.id],
    });
    start += length + 1;
  }
  return { document, code };
}

describe('whose words a passage is', () => {
  it('the interviewer’s turns belong to no participant, even with one linked, but to the interview’s case', async () => {
    const { call } = harness;
    const caseB = await call('cases.create', { name: 'Collectivité B' });
    const dgs = await call('participants.create', { name: 'DGS-B', caseId: caseB.id });
    const { code } = await codedInterview(
      [
        'Enquêteur : Comment associez-vous les habitants ?',
        'DGS-B : Par des ateliers dans les quartiers.',
        'Enquêteur : Et le panel citoyen ?',
        'DGS-B : Il se réunit deux fois par an.',
      ],
      [dgs.id],
    );
    const passages = await call('passages.list', {});
    expect(
      passages.map((passage) => [passage.speaker, passage.participantIds, passage.caseIds]),
    ).toEqual([
      ['Enquêteur', [], [caseB.id]],
      ['DGS-B', [dgs.id], [caseB.id]],
      ['Enquêteur', [], [caseB.id]],
      ['DGS-B', [dgs.id], [caseB.id]],
    ]);
    const byParticipant = await call('matrix.get', { rowKind: 'participant', level: 'axis' });
    expect(byParticipant.cells.filter((cell) => cell.codeId === code.id)).toEqual([
      expect.objectContaining({ rowId: dgs.id, passages: 2, documents: 1 }),
    ]);
    const byCase = await call('matrix.get', { rowKind: 'case', level: 'axis' });
    expect(byCase.cells.filter((cell) => cell.codeId === code.id)).toEqual([
      expect.objectContaining({ rowId: caseB.id, passages: 4 }),
    ]);
    // Filtering by participant keeps only the participant's words.
    const filtered = await call('passages.list', { participantIds: [dgs.id] });
    expect(filtered.map((passage) => passage.speaker)).toEqual(['DGS-B', 'DGS-B']);
  });

  it('a speaker who is not a participant, where the others are, is someone else', async () => {
    const { call } = harness;
    const paul = await call('participants.create', { name: 'Paul' });
    const lucie = await call('participants.create', { name: 'Lucie' });
    await codedInterview(
      [
        'Marie : Vous êtes arrivés quand ?',
        'Paul : En 2019, avec la nouvelle équipe.',
        'Lucie : Moi un an plus tard.',
      ],
      [paul.id, lucie.id],
    );
    const passages = await call('passages.list', {});
    expect(passages.map((passage) => [passage.speaker, passage.participantIds])).toEqual([
      ['Marie', []],
      ['Paul', [paul.id]],
      ['Lucie', [lucie.id]],
    ]);
  });

  it('without speakers, or with none named as a participant, a passage is every linked participant’s', async () => {
    const { call } = harness;
    const dgs = await call('participants.create', { name: 'Directrice générale des services' });
    await codedInterview(['Le projet est porté par le maire.'], [dgs.id]);
    await codedInterview(['DGS : Nous associons les habitants.'], [dgs.id]);
    const passages = await call('passages.list', {});
    expect(passages.map((passage) => [passage.speaker, passage.participantIds])).toEqual([
      [null, [dgs.id]],
      ['DGS', [dgs.id]],
    ]);
  });
});
