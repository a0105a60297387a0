import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/contract/api';
import type { ProjectListName } from '../../../shared/projectChanges';
import type { Result } from '../../../shared/errors';
import {
  ProjectListsStore,
  projectListNames,
} from '../../../renderer/features/project/projectLists';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

/**
 * The renderer keeps its lists by the changes each write returns, never reading
 * them again: after any sequence of writes, undos and redos, the lists so kept
 * are the lists read whole from the project, row for row.
 */

const pick = fc.nat({ max: 40 });
const action = fc.oneof(
  fc.record({ kind: fc.constant('code' as const), parent: fc.option(pick) }),
  fc.record({ kind: fc.constant('deleteCode' as const), code: pick }),
  fc.record({ kind: fc.constant('mergeCode' as const), code: pick, into: pick }),
  fc.record({ kind: fc.constant('renameCode' as const), code: pick }),
  fc.record({ kind: fc.constant('document' as const), text: fc.constantFrom('court', 'long') }),
  fc.record({ kind: fc.constant('deleteDocument' as const), document: pick }),
  fc.record({ kind: fc.constant('retitle' as const), document: pick }),
  fc.record({
    kind: fc.constant('coding' as const),
    document: pick,
    code: pick,
    start: fc.nat({ max: 30 }),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ kind: fc.constant('deleteCoding' as const), document: pick, coding: pick }),
  fc.record({ kind: fc.constant('case' as const) }),
  fc.record({ kind: fc.constant('deleteCase' as const), case: pick }),
  fc.record({ kind: fc.constant('participant' as const), case: fc.option(pick) }),
  fc.record({ kind: fc.constant('deleteParticipant' as const), participant: pick }),
  fc.record({
    kind: fc.constant('moveParticipant' as const),
    participant: pick,
    case: fc.option(pick),
  }),
  fc.record({
    kind: fc.constant('link' as const),
    document: pick,
    participants: fc.array(pick, { maxLength: 2 }),
    cases: fc.array(pick, { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('attribute' as const),
    entityKind: fc.constantFrom('case' as const, 'participant' as const, 'document' as const),
  }),
  fc.record({ kind: fc.constant('deleteAttribute' as const), attribute: pick }),
  fc.record({
    kind: fc.constant('value' as const),
    attribute: pick,
    entity: pick,
    value: fc.constantFrom('A', 'Rurale', '', 'Élue'),
  }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const texts = {
  court: 'Élue : Le maire porte le projet 😀.',
  long: 'DGS : Nous associons les habitants au comité de suivi, chaque mois, à la mairie.',
};

let harness: Harness;
beforeAll(async () => {
  harness = await openHarness();
});
afterAll(() => harness.close());

function choose<T>(rows: readonly T[], index: number): T | undefined {
  return rows.length ? rows[index % rows.length] : undefined;
}

// Which writes the generated sequences made: the property must not hold only vacuously.
const succeeded = new Set<MethodName>();

let run = 0;

/** Runs the writes on a fresh project, applying their changes to a store as the renderer does. */
async function keepsListsThrough(actions: Action[]): Promise<void> {
  run += 1;
  await harness.call('projects.create', {
    path: `${harness.folder}/changes-${run}.axial`,
    title: 'Changements',
  });
  await seedStudy();
  const readWhole = (list: ProjectListName) =>
    harness.call(`${list}.list`, {}) as Promise<{ id: string }[]>;
  let readsAfterStart = 0;
  let started = false;
  const store = new ProjectListsStore(
    (list) => {
      if (started) readsAfterStart += 1;
      return readWhole(list);
    },
    (error) => {
      throw error;
    },
  );
  await store.reload();
  store.setHistory(await harness.call('history.state', {}));
  started = true;
  const send = async (method: MethodName, input: unknown) => {
    const result = (await harness.core.dispatch(method, input)) as Result<unknown>;
    if (result.ok && result.changes) store.apply(result.changes);
    if (result.ok) succeeded.add(method);
    else if (result.error.code === 'invalid_input') throw new Error(result.error.message);
    return result;
  };
  for (const step of actions) {
    await perform(step, send);
    const kept = store.snapshot();
    for (const list of projectListNames)
      expect(kept[list], `${list} after ${step.kind}`).toEqual(await readWhole(list));
    expect(kept.history).toEqual(await harness.call('history.state', {}));
  }
  // Never out of step: no list had to be read again.
  expect(readsAfterStart).toBe(0);
}

describe('the changes a write returns', () => {
  it('carry a changed attribute value to its case (found by the property below)', async () => {
    await keepsListsThrough([
      { kind: 'value', attribute: 0, entity: 0, value: 'A' },
      { kind: 'code', parent: null },
    ]);
  });

  it('keep the renderer’s lists equal to the lists read whole, over generated writes, undos and redos', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 30 }), keepsListsThrough),
      { seed: 1202, numRuns: 30 },
    );
    expect([...succeeded].sort()).toEqual(
      [
        'attributes.create',
        'attributes.delete',
        'attributes.setValue',
        'cases.create',
        'cases.delete',
        'codes.create',
        'codes.delete',
        'codes.merge',
        'codes.update',
        'codings.create',
        'codings.delete',
        'documents.delete',
        'documents.import',
        'documents.setLinks',
        'documents.update',
        'history.redo',
        'history.undo',
        'participants.create',
        'participants.delete',
        'participants.update',
      ].sort(),
    );
  });
});

/** Every run starts from a small study, so that each write finds something to act on. */
async function seedStudy(): Promise<void> {
  const { call } = harness;
  const axis = await call('codes.create', { name: 'Proactivité' });
  const anticipation = await call('codes.create', { name: 'Anticipation', parentId: axis.id });
  await call('codes.create', { name: 'Ouverture' });
  for (const [index, text] of [texts.court, texts.long].entries()) {
    const document = await call('documents.import', {
      fileName: `base-${index}.txt`,
      data: fileBytes(text),
    });
    await call('codings.create', {
      documentId: document.id,
      codeIds: [anticipation.id],
      start: 7,
      end: 20,
      version: document.version,
    });
  }
  const first = await call('cases.create', { name: 'A' });
  await call('cases.create', { name: 'B' });
  await call('participants.create', { name: 'Élue de A', caseId: first.id });
  await call('participants.create', { name: 'Consultant' });
  for (const entityKind of ['case', 'participant', 'document'] as const)
    await call('attributes.create', { entityKind, name: `Type ${entityKind}`, type: 'text' });
}

async function perform(
  step: Action,
  send: (method: MethodName, input: unknown) => Promise<Result<unknown>>,
): Promise<void> {
  const { call } = harness;
  const codes = await call('codes.list', {});
  const documents = await call('documents.list', {});
  const cases = await call('cases.list', {});
  const participants = await call('participants.list', {});
  const attributes = await call('attributes.list', {});
  switch (step.kind) {
    case 'code': {
      const parent = step.parent === null ? undefined : choose(codes, step.parent);
      await send('codes.create', {
        name: `Code ${codes.length + 1}`,
        ...(parent ? { parentId: parent.id } : {}),
      });
      return;
    }
    case 'deleteCode': {
      const code = choose(codes, step.code);
      if (code) await send('codes.delete', { id: code.id });
      return;
    }
    case 'mergeCode': {
      const code = choose(codes, step.code);
      const into = choose(codes, step.into);
      if (code && into) await send('codes.merge', { sourceId: code.id, targetId: into.id });
      return;
    }
    case 'renameCode': {
      const code = choose(codes, step.code);
      if (code) await send('codes.update', { id: code.id, name: `${code.name} bis` });
      return;
    }
    case 'document':
      await send('documents.import', {
        fileName: `entretien-${documents.length + 1}.txt`,
        data: fileBytes(texts[step.text]),
      });
      return;
    case 'deleteDocument': {
      const document = choose(documents, step.document);
      if (document) await send('documents.delete', { id: document.id });
      return;
    }
    case 'retitle': {
      const document = choose(documents, step.document);
      if (document) await send('documents.update', { id: document.id, title: 'Entretien repris' });
      return;
    }
    case 'coding': {
      const document = choose(documents, step.document);
      const code = choose(codes, step.code);
      if (!document || !code) return;
      const start = step.start % document.length;
      await send('codings.create', {
        documentId: document.id,
        codeIds: [code.id],
        start,
        end: Math.min(document.length, start + step.length),
        version: document.version,
      });
      return;
    }
    case 'deleteCoding': {
      const document = choose(documents, step.document);
      if (!document) return;
      const coding = choose(
        await call('codings.forDocument', { documentId: document.id }),
        step.coding,
      );
      if (coding) await send('codings.delete', { id: coding.id });
      return;
    }
    case 'case':
      await send('cases.create', { name: `Collectivité ${cases.length + 1}` });
      return;
    case 'deleteCase': {
      const chosen = choose(cases, step.case);
      if (chosen) await send('cases.delete', { id: chosen.id });
      return;
    }
    case 'participant': {
      const chosen = step.case === null ? undefined : choose(cases, step.case);
      await send('participants.create', {
        name: `DGS ${participants.length + 1}`,
        caseId: chosen?.id ?? null,
      });
      return;
    }
    case 'deleteParticipant': {
      const participant = choose(participants, step.participant);
      if (participant) await send('participants.delete', { id: participant.id });
      return;
    }
    case 'moveParticipant': {
      const participant = choose(participants, step.participant);
      const chosen = step.case === null ? undefined : choose(cases, step.case);
      if (participant)
        await send('participants.update', { id: participant.id, caseId: chosen?.id ?? null });
      return;
    }
    case 'link': {
      const document = choose(documents, step.document);
      if (!document) return;
      const ids = <T extends { id: string }>(rows: T[], picks: number[]) => [
        ...new Set(picks.flatMap((index) => choose(rows, index)?.id ?? [])),
      ];
      await send('documents.setLinks', {
        documentId: document.id,
        participantIds: ids(participants, step.participants),
        caseIds: ids(cases, step.cases),
      });
      return;
    }
    case 'attribute':
      await send('attributes.create', {
        entityKind: step.entityKind,
        name: `Attribut ${attributes.length + 1}`,
        type: 'text',
      });
      return;
    case 'deleteAttribute': {
      const attribute = choose(attributes, step.attribute);
      if (attribute) await send('attributes.delete', { id: attribute.id });
      return;
    }
    case 'value': {
      const attribute = choose(attributes, step.attribute);
      if (!attribute) return;
      const entities =
        attribute.entityKind === 'case'
          ? cases
          : attribute.entityKind === 'participant'
            ? participants
            : documents;
      const entity = choose<{ id: string }>(entities, step.entity);
      if (!entity) return;
      // Set, then changed: an update's journal holds only the value (a reviewer's find).
      for (const value of [step.value, `${step.value} bis`])
        await send('attributes.setValue', {
          attributeId: attribute.id,
          entityId: entity.id,
          value,
        });
      return;
    }
    case 'undo':
      await send('history.undo', {});
      return;
    case 'redo':
      await send('history.redo', {});
      return;
  }
}
