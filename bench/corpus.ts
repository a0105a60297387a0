import type { Db } from '../electron/store/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppCore } from '../electron/api/core';
import { createAppCore } from '../electron/api/core';
import { seeded } from './measure';

/**
 * The benchmark corpora, generated from a seed so every run measures the same
 * project: French interview text with accents and some emoji.
 */
export const vocabulary = [
  'le',
  'la',
  'les',
  'projet',
  'métropole',
  'élus',
  'habitants',
  'réunion',
  'coopération',
  'comité',
  'ville',
  'intelligente',
  'données',
  'numérique',
  'services',
  'agents',
  'pilotage',
  'stratégie',
  'ouverture',
  'démarche',
  'partenaires',
  'élu',
  'décision',
  'territoire',
  'concertation',
  'transparence',
  'budget',
  'plateforme',
  'mobilité',
  'énergie',
  '😀',
  '🙂',
];

export type Call = <T>(method: string, input: unknown) => Promise<T>;

export function caller(core: AppCore): Call {
  return async <T>(method: string, input: unknown) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
}

/** A transcript of about `characters` characters: alternating interviewer and participant turns. */
export function transcriptText(random: () => number, speaker: string, characters: number): string {
  const lines: string[] = [];
  let total = 0;
  while (total < characters) {
    const count = 15 + Math.floor(random() * 40);
    const words = Array.from(
      { length: count },
      () => vocabulary[Math.floor(random() * vocabulary.length)],
    );
    const line = `${lines.length % 2 === 0 ? 'Enquêteur' : speaker} : ${words.join(' ')}.`;
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n');
}

/** A three-level codebook: axes → variables → codes, `axes × variables × codes` leaves. */
export async function codebook(
  call: Call,
  axes: number,
  variables: number,
  codes: number,
): Promise<{ axisIds: string[]; leafIds: string[]; allIds: string[] }> {
  const axisIds: string[] = [];
  const leafIds: string[] = [];
  const allIds: string[] = [];
  for (let axis = 0; axis < axes; axis += 1) {
    const axisNode = await call<{ id: string }>('codes.create', { name: `Axe ${axis + 1}` });
    axisIds.push(axisNode.id);
    allIds.push(axisNode.id);
    for (let variable = 0; variable < variables; variable += 1) {
      const variableNode = await call<{ id: string }>('codes.create', {
        parentId: axisNode.id,
        name: `Variable ${axis + 1}.${variable + 1}`,
      });
      allIds.push(variableNode.id);
      for (let code = 0; code < codes; code += 1) {
        const leaf = await call<{ id: string }>('codes.create', {
          parentId: variableNode.id,
          name: `Code ${axis + 1}.${variable + 1}.${code + 1}`,
        });
        leafIds.push(leaf.id);
        allIds.push(leaf.id);
      }
    }
  }
  return { axisIds, leafIds, allIds };
}

/**
 * Codings placed at random, some overlapping, inserted in one transaction: the
 * corpus is set up, not measured.
 */
export function insertCodings(
  db: Db,
  random: () => number,
  documents: readonly { id: string; length: number }[],
  codeIds: readonly string[],
  count: number,
): void {
  const insert = db.prepare(
    `INSERT INTO coding (id, document_id, code_id, start, "end", memo, coder, created_at, modified_at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  const timestamp = new Date().toISOString();
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const document = documents[index % documents.length]!;
      const start = Math.floor(random() * Math.max(1, document.length - 400));
      const end = Math.min(document.length, start + 20 + Math.floor(random() * 300));
      insert.run(
        crypto.randomUUID(),
        document.id,
        codeIds[Math.floor(random() * codeIds.length)],
        start,
        end,
        random() < 0.5 ? 'Camille' : 'Dominique',
        timestamp,
        timestamp,
      );
    }
  })();
}

export interface StudyCorpus {
  documents: { id: string; length: number }[];
  axisIds: string[];
  leafIds: string[];
  caseIds: string[];
  participantIds: string[];
  populationAttributeId: string;
  roleAttributeId: string;
}

/**
 * Corpus (b) at full size: 200 transcripts of about 30,000 characters, 40
 * cases, 200 participants with attributes, 150 codes on three levels, 50,000
 * codings. Corpus (c) is the same shape, smaller.
 */
export async function studyCorpus(
  core: AppCore,
  size: {
    documents: number;
    characters: number;
    cases: number;
    codings: number;
    codebook: [number, number, number];
  },
): Promise<StudyCorpus> {
  const call = caller(core);
  const random = seeded(7);
  const { axisIds, leafIds } = await codebook(call, ...size.codebook);
  const population = await call<{ id: string }>('attributes.create', {
    entityKind: 'case',
    name: 'Population',
    type: 'number',
    unit: 'habitants',
  });
  const region = await call<{ id: string }>('attributes.create', {
    entityKind: 'case',
    name: 'Région',
    type: 'text',
  });
  const role = await call<{ id: string }>('attributes.create', {
    entityKind: 'participant',
    name: 'Fonction',
    type: 'choice',
    choices: ['élu', 'technicien', 'habitant', 'partenaire'],
  });
  const seniority = await call<{ id: string }>('attributes.create', {
    entityKind: 'participant',
    name: 'Ancienneté',
    type: 'number',
  });
  const caseIds: string[] = [];
  for (let index = 0; index < size.cases; index += 1) {
    const created = await call<{ id: string }>('cases.create', {
      name: `Collectivité ${index + 1}`,
    });
    caseIds.push(created.id);
    await call('attributes.setValue', {
      attributeId: population.id,
      entityId: created.id,
      value: 20_000 + Math.floor(random() * 1_500_000),
    });
    await call('attributes.setValue', {
      attributeId: region.id,
      entityId: created.id,
      value: ['Auvergne-Rhône-Alpes', 'Bretagne', 'Occitanie', 'Île-de-France'][index % 4],
    });
  }
  const documents: { id: string; length: number }[] = [];
  const participantIds: string[] = [];
  for (let index = 0; index < size.documents; index += 1) {
    const name = `Participant ${index + 1}`;
    const participant = await call<{ id: string }>('participants.create', {
      name,
      caseId: caseIds[index % caseIds.length],
    });
    participantIds.push(participant.id);
    await call('attributes.setValue', {
      attributeId: role.id,
      entityId: participant.id,
      value: ['élu', 'technicien', 'habitant', 'partenaire'][index % 4],
    });
    await call('attributes.setValue', {
      attributeId: seniority.id,
      entityId: participant.id,
      value: Math.floor(random() * 30),
    });
    const document = await call<{ id: string; length: number }>('documents.import', {
      fileName: `Entretien ${index + 1}.txt`,
      data: Buffer.from(transcriptText(random, name, size.characters)),
    });
    await call('documents.setLinks', { documentId: document.id, participantIds: [participant.id] });
    documents.push({ id: document.id, length: document.length });
  }
  insertCodings(core.context.session.require().db, random, documents, leafIds, size.codings);
  return {
    documents,
    axisIds,
    leafIds,
    caseIds,
    participantIds,
    populationAttributeId: population.id,
    roleAttributeId: role.id,
  };
}

/** A core of the app (real handlers, real SQLite) in a temporary folder, with a new project open. */
export async function benchCore(
  title: string,
): Promise<{ core: AppCore; call: Call; folder: string; projectPath: string; stop: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), 'axial-bench-'));
  const core = createAppCore(join(folder, 'user-data'), {
    kind: 'web',
    version: 'bench',
    defaultProjectFolder: folder,
  });
  const call = caller(core);
  const projectPath = join(folder, `${title}.axial`);
  await call('projects.create', { path: projectPath, title });
  return {
    core,
    call,
    folder,
    projectPath,
    stop: () => {
      core.shutdown();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
