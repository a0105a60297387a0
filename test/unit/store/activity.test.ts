import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const transcript = [
  'Enquêteur : Comment les habitants sont-ils associés ?',
  'DGS : Par un comité citoyen 😀 tiré au sort chaque année.',
  'Enquêteur : Et le budget ?',
  'DGS : Il est voté en conseil.',
].join('\n');

async function study() {
  const { call } = harness;
  const document = await call('documents.import', {
    fileName: 'Entretien DGS A.txt',
    data: fileBytes(transcript),
  });
  const openness = await call('codes.create', { name: 'Ouverture' });
  const panel = await call('codes.create', { parentId: openness.id, name: 'Comité citoyen' });
  const proactivity = await call('codes.create', { name: 'Proactivité' });
  return { document, openness, panel, proactivity };
}

/** The log, oldest first, as the fields the Overview words. */
async function log() {
  const entries = await harness.call('projects.activity', { limit: 100 });
  return entries.reverse().map(({ action, subject, target, place, count }) => ({
    action,
    subject,
    target,
    place,
    count,
  }));
}

describe('the activity log', () => {
  it('records every action with what it was done to and where, its undo and redo too', async () => {
    const { call } = harness;
    const { document, panel } = await study();
    await call('codings.create', {
      documentId: document.id,
      start: 60,
      end: 74,
      version: document.version,
      codeIds: [panel.id],
    });
    await call('history.undo', {});
    await call('history.redo', {});
    await call('codes.update', { id: panel.id, name: 'Panel citoyen' });
    const entries = await log();
    expect(entries).toEqual([
      { action: 'project.create', subject: expect.any(String), target: '', place: '', count: 1 },
      {
        action: 'do',
        subject: 'importDocument',
        target: 'Entretien DGS A',
        place: '',
        count: 1,
      },
      { action: 'do', subject: 'createCode', target: 'Ouverture', place: '', count: 1 },
      { action: 'do', subject: 'createCode', target: 'Comité citoyen', place: '', count: 1 },
      { action: 'do', subject: 'createCode', target: 'Proactivité', place: '', count: 1 },
      {
        action: 'do',
        subject: 'applyCodes',
        target: 'Comité citoyen',
        place: 'Entretien DGS A',
        count: 1,
      },
      {
        action: 'undo',
        subject: 'applyCodes',
        target: 'Comité citoyen',
        place: 'Entretien DGS A',
        count: 1,
      },
      {
        action: 'redo',
        subject: 'applyCodes',
        target: 'Comité citoyen',
        place: 'Entretien DGS A',
        count: 1,
      },
      // The name the code has after the change: a rename is logged under the new name.
      { action: 'do', subject: 'updateCode', target: 'Panel citoyen', place: '', count: 1 },
    ]);
  });

  it('adds the same action on the same thing, again, to one line with its count', async () => {
    const { call } = harness;
    const { document, panel } = await study();
    for (const [start, end] of [
      [60, 74],
      [20, 30],
      [100, 110],
    ] as const) {
      await call('codings.create', {
        documentId: document.id,
        start,
        end,
        version: document.version,
        codeIds: [panel.id],
      });
    }
    const coded = (await log()).filter((entry) => entry.subject === 'applyCodes');
    expect(coded).toEqual([
      {
        action: 'do',
        subject: 'applyCodes',
        target: 'Comité citoyen',
        place: 'Entretien DGS A',
        count: 3,
      },
    ]);
  });

  it('counts a rating set once as once, and says whose and on which axis evidence is', async () => {
    const { call } = harness;
    const { document, panel, openness } = await study();
    const caseA = await call('cases.create', { name: 'Collectivité A' });
    const [coding] = await call('codings.create', {
      documentId: document.id,
      start: 60,
      end: 74,
      version: document.version,
      codeIds: [panel.id],
    });
    await call('ratings.set', { caseId: caseA.id, codeId: openness.id, value: 4 });
    await call('ratings.linkEvidence', {
      caseId: caseA.id,
      codeId: openness.id,
      codingId: coding!.id,
    });
    const entries = (await log()).slice(-2);
    expect(entries).toEqual([
      { action: 'do', subject: 'rate', target: 'Ouverture', place: 'Collectivité A', count: 1 },
      {
        action: 'do',
        subject: 'linkEvidence',
        target: 'Ouverture',
        place: 'Collectivité A',
        count: 1,
      },
    ]);
  });

  it('is written in the action’s transaction: a refused action logs nothing', async () => {
    const { document, panel } = await study();
    const before = await log();
    await harness.fail('codings.create', {
      documentId: document.id,
      start: 60,
      end: 74,
      version: document.version + 5,
      codeIds: [panel.id],
    });
    expect(await log()).toEqual(before);
  });
});

describe('the study overview', () => {
  it('counts documents, passages per axis with their subcodes, cases and the guides’ coverage', async () => {
    const { call } = harness;
    const { document, openness, panel, proactivity } = await study();
    await call('documents.import', {
      fileName: 'Délibération.txt',
      data: fileBytes('Le conseil.'),
    });
    const budget = await call('codes.create', {
      parentId: openness.id,
      name: 'Budget participatif',
    });
    await call('codings.create', {
      documentId: document.id,
      start: 60,
      end: 74,
      version: document.version,
      codeIds: [panel.id, budget.id],
    });
    const caseA = await call('cases.create', { name: 'Collectivité A' });
    await call('participants.create', { name: 'DGS de A', caseId: caseA.id });
    let guide = await call('guides.create', { title: 'Guide 2024' });
    guide = await call('guides.addItem', {
      guideId: guide.id,
      kind: 'question',
      text: 'Comment les habitants sont-ils associés ?',
    });
    guide = await call('guides.addItem', {
      guideId: guide.id,
      kind: 'question',
      text: 'Et le budget ?',
    });
    guide = await call('guides.addItem', {
      guideId: guide.id,
      kind: 'prompt',
      parentId: guide.items[1]!.id,
      text: 'Qui le vote ?',
    });
    await call('documents.setGuide', { documentId: document.id, guideId: guide.id });
    // The second question is answered through its prompt: the cell counts as answered.
    await call('answers.create', {
      documentId: document.id,
      itemId: guide.items[2]!.id,
      start: 90,
      end: 116,
      version: document.version,
    });
    await call('interview.setCheck', {
      documentId: document.id,
      itemId: guide.items[0]!.id,
      checked: true,
    });

    const overview = await call('projects.overview', {});
    expect(overview).toMatchObject({
      transcripts: 2,
      otherDocuments: 0,
      codes: 4,
      codings: 2,
      codedDocuments: 1,
      cases: 1,
      participants: 1,
      ratedCases: 0,
    });
    expect(overview.axes).toEqual([
      {
        codeId: openness.id,
        name: 'Ouverture',
        colour: openness.colour,
        passages: 2,
        documents: 1,
      },
      {
        codeId: proactivity.id,
        name: 'Proactivité',
        colour: proactivity.colour,
        passages: 0,
        documents: 0,
      },
    ]);
    expect(overview.guides).toEqual([
      {
        guideId: guide.id,
        title: 'Guide 2024',
        questions: 2,
        interviews: 1,
        answered: 1,
        asked: 1,
      },
    ]);
    expect(overview.lastActivityAt).toEqual(expect.any(String));
  });
});
