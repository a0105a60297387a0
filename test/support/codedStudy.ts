import { documentFromJson } from '../../shared/editor/schema';
import { codePointLength } from '../../shared/text/codePoints';
import { buildTextIndex } from '../../shared/text/textIndex';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';

type Call = <Name extends MethodName>(
  method: Name,
  input: MethodInput<Name>,
) => Promise<MethodOutput<Name>>;

const encode = (text: string) => Buffer.from(text, 'utf8');

/**
 * A small study with everything the exchange formats carry: a three-level
 * codebook with memos and a description, two transcripts (accents, an emoji),
 * cases and participants with attributes of every type, codings with a memo
 * and overlapping ranges.
 */
export async function buildCodedStudy(call: Call) {
  const proactivity = await call('codes.create', { name: 'Proactivité' });
  const leadership = await call('codes.create', { parentId: proactivity.id, name: 'Leadership' });
  const mayor = await call('codes.create', {
    parentId: leadership.id,
    name: 'Maire moteur',
    description: 'Le maire porte le projet lui-même.',
  });
  await call('codes.update', { id: mayor.id, memo: 'Voir aussi le DGS.' });
  const openness = await call('codes.create', { name: 'Ouverture' });
  const participation = await call('codes.create', {
    parentId: openness.id,
    name: 'Participation',
  });
  const citizens = await call('codes.create', { parentId: participation.id, name: 'Habitants' });

  const lyon = await call('cases.create', { name: 'Métropole de Lyon' });
  const nantes = await call('cases.create', { name: 'Nantes' });
  const elu = await call('participants.create', { name: 'Élue', caseId: lyon.id });
  const dgs = await call('participants.create', { name: 'DGS', caseId: nantes.id });

  const population = await call('attributes.create', {
    entityKind: 'case',
    name: 'Population',
    type: 'number',
    unit: 'habitants',
  });
  const founded = await call('attributes.create', {
    entityKind: 'case',
    name: 'Création',
    type: 'date',
  });
  const role = await call('attributes.create', {
    entityKind: 'participant',
    name: 'Fonction',
    type: 'choice',
    choices: ['élu', 'technicien'],
  });
  const seniority = await call('attributes.create', {
    entityKind: 'participant',
    name: 'Ancienneté',
    type: 'number',
  });
  const recorded = await call('attributes.create', {
    entityKind: 'document',
    name: 'Enregistré',
    type: 'boolean',
  });
  await call('attributes.setValue', {
    attributeId: population.id,
    entityId: lyon.id,
    value: 1_400_000,
  });
  await call('attributes.setValue', {
    attributeId: population.id,
    entityId: nantes.id,
    value: 320_732,
  });
  await call('attributes.setValue', {
    attributeId: founded.id,
    entityId: lyon.id,
    value: '2015-01-01',
  });
  await call('attributes.setValue', { attributeId: role.id, entityId: elu.id, value: 'élu' });
  await call('attributes.setValue', {
    attributeId: role.id,
    entityId: dgs.id,
    value: 'technicien',
  });
  await call('attributes.setValue', { attributeId: seniority.id, entityId: elu.id, value: 12.5 });

  const first = await call('documents.import', {
    fileName: 'Entretien élue Lyon.txt',
    data: encode(
      'Enquêteur : Qui porte le projet ?\nÉlue : Le maire porte le projet 🙂 avec les élus.\nÉlue : Les habitants participent aux réunions.',
    ),
  });
  const second = await call('documents.import', {
    fileName: 'Entretien DGS Nantes.txt',
    data: encode('Enquêteur : Et chez vous ?\nDGS : Le maire décide seul, sans coopération.'),
  });
  await call('documents.update', { id: first.id, memo: 'Entretien très riche.' });
  await call('documents.setLinks', { documentId: first.id, participantIds: [elu.id] });
  await call('documents.setLinks', { documentId: second.id, participantIds: [dgs.id] });
  await call('attributes.setValue', { attributeId: recorded.id, entityId: first.id, value: true });
  await call('attributes.setValue', {
    attributeId: recorded.id,
    entityId: second.id,
    value: false,
  });

  const textOf = async (id: string) =>
    buildTextIndex(documentFromJson((await call('documents.get', { id })).content)).text;
  const range = (text: string, words: string) => {
    const unit = text.indexOf(words);
    if (unit < 0) throw new Error(`"${words}" is not in the text`);
    const start = codePointLength(text, unit);
    return { start, end: start + codePointLength(words) };
  };
  const firstText = await textOf(first.id);
  const secondText = await textOf(second.id);
  const [mayorCoding] = await call('codings.create', {
    documentId: first.id,
    version: first.version,
    ...range(firstText, 'Le maire porte le projet 🙂'),
    codeIds: [mayor.id],
  });
  await call('codings.update', { id: mayorCoding!.id, memo: 'Formule typique.' });
  await call('codings.create', {
    documentId: first.id,
    version: first.version,
    ...range(firstText, 'porte le projet 🙂 avec les élus'),
    codeIds: [leadership.id],
  });
  await call('codings.create', {
    documentId: first.id,
    version: first.version,
    ...range(firstText, 'Les habitants participent aux réunions'),
    codeIds: [citizens.id],
  });
  await call('codings.create', {
    documentId: second.id,
    version: second.version,
    ...range(secondText, 'Le maire décide seul'),
    codeIds: [mayor.id],
  });
  return {
    codes: { proactivity, leadership, mayor, openness, participation, citizens },
    cases: { lyon, nantes },
    participants: { elu, dgs },
    attributes: { population, founded, role, seniority, recorded },
    documents: { first, second },
  };
}
