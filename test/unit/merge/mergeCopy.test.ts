import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from '@tiptap/pm/transform';
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/api/core';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/api';
import { documentFromJson, documentSchema } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex, offsetToPosition } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { testCore } from '../../support/core';
import { projectContents } from '../../support/projectContents';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const interview = [
  'DGS : La commune 😀 anticipe les besoins des habitants.',
  'Élu : Le comité citoyen est tiré au sort chaque année.',
  'DGS : Nous publions les données ouvertes.',
].join('\n');

/** The words a coding covers, as stored. */
async function codedWords(call: Harness['call'], documentId: string) {
  const { content } = await call('documents.get', { id: documentId });
  const text = buildTextIndex(documentFromJson(content)).text;
  return (await call('codings.forDocument', { documentId }))
    .map((coding) => `${coding.coder}:${sliceCodePoints(text, coding.start, coding.end)}`)
    .sort();
}

async function codeWordsAs(
  call: Harness['call'],
  coder: string,
  documentId: string,
  codeId: string,
  words: string,
) {
  await call('app.setCoderName', { name: coder });
  const { content, version } = await call('documents.get', { id: documentId });
  const text = buildTextIndex(documentFromJson(content)).text;
  const start = [...text.slice(0, text.indexOf(words))].length;
  await call('codings.create', {
    documentId,
    start,
    end: start + [...words].length,
    version,
    codeIds: [codeId],
  });
}

/** Types `words` into the document at the place of `before` (an edit made in the editor). */
async function typeBefore(
  call: Harness['call'],
  documentId: string,
  before: string,
  words: string,
) {
  const detail = await call('documents.get', { id: documentId });
  const doc = documentFromJson(detail.content);
  const index = buildTextIndex(doc);
  const at = [...index.text.slice(0, index.text.indexOf(before))].length;
  const transform = new Transform(doc);
  transform.insert(offsetToPosition(index, at), documentSchema.text(words));
  await call('documents.applySteps', {
    id: documentId,
    version: detail.version,
    steps: transform.steps.map((step) => step.toJSON()),
  });
}

/** A colleague's copy of the project, opened in an Axial of their own. */
async function colleagueCopy(): Promise<{
  path: string;
  call: Harness['call'];
  close(): void;
}> {
  const path = join(harness.folder, 'copie Bruno.axial');
  await harness.call('projects.saveCopy', { path });
  const core: AppCore = testCore(join(harness.folder, 'bruno-data'));
  const call = async <Name extends MethodName>(method: Name, input: MethodInput<Name>) => {
    const result = await core.dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value as MethodOutput<Name>;
  };
  await call('projects.open', { path });
  await call('app.setCoderName', { name: 'Bruno' });
  return { path, call, close: () => core.shutdown() };
}

/** The project's rows but its activity log, the ids of deleted rows and documents' edit counters, which an undo does not rewind. */
function contents(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    const all = projectContents(db);
    delete all.activity;
    delete all.deleted_row;
    all.document = all.document!.map((row) =>
      JSON.stringify(
        (JSON.parse(row) as [string, unknown][]).filter(
          ([column]) => column !== 'version' && column !== 'modified_at',
        ),
      ),
    );
    return all;
  } finally {
    db.close();
  }
}

describe('merging a colleague’s copy', () => {
  it('brings in their codings, codes, cases and values on their words, keeps conflicts as here unless chosen, and undoes as one step', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const panel = await call('codes.create', { parentId: axis.id, name: 'Comité citoyen' });
    const place = await call('cases.create', { name: 'Collectivité A' });
    const size = await call('attributes.create', {
      entityKind: 'case',
      name: 'Taille',
      type: 'text',
    });
    await call('attributes.setValue', {
      attributeId: size.id,
      entityId: place.id,
      value: 'petite',
    });
    await codeWordsAs(call, 'Amélie', document.id, panel.id, 'Le comité citoyen est tiré au sort');

    const bruno = await colleagueCopy();
    // Bruno codes, adds a code and a case, renames a code Amélie renames too, and edits the text.
    const data = await bruno.call('codes.create', { parentId: axis.id, name: 'Données ouvertes' });
    await typeBefore(bruno.call, document.id, 'La commune', 'Oui. ');
    await codeWordsAs(
      bruno.call,
      'Bruno',
      document.id,
      data.id,
      'Nous publions les données ouvertes',
    );
    await codeWordsAs(bruno.call, 'Bruno', document.id, panel.id, 'comité citoyen');
    await bruno.call('codes.update', { id: axis.id, name: 'Ouverture démocratique' });
    await bruno.call('codes.update', { id: panel.id, memo: 'Vu aussi en B.' });
    await bruno.call('attributes.setValue', {
      attributeId: size.id,
      entityId: place.id,
      value: 'moyenne',
    });
    await bruno.call('cases.create', { name: 'Collectivité B' });
    bruno.close();
    // Meanwhile Amélie edits the same document elsewhere and renames the axis her way.
    await typeBefore(call, document.id, 'Nous publions', 'En 2021, ');
    await call('codes.update', { id: axis.id, name: 'Ouverture (axe 2)' });
    const before = contents(harness.projectPath);

    const copy = { fileName: 'copie Bruno.axial', data: new Uint8Array(readFileSync(bruno.path)) };
    const preview = await call('merge.preview', copy);
    expect(contents(harness.projectPath)).toEqual(before);
    expect(preview.sameProject).toBe(true);
    expect(preview.added).toMatchObject({ codes: 1, codings: 2, cases: 1, memos: 1 });
    expect(preview.coders).toEqual(['Bruno']);
    expect(preview.sharedCoders).toEqual([]);
    const conflicts = Object.fromEntries(
      preview.conflicts.map((conflict) => [`${conflict.subject}.${conflict.field}`, conflict]),
    );
    expect(Object.keys(conflicts).sort()).toEqual(['code.name', 'document.text', 'value.value']);
    expect(conflicts['code.name']).toMatchObject({
      mine: 'Ouverture (axe 2)',
      theirs: 'Ouverture démocratique',
    });
    expect(conflicts['value.value']).toMatchObject({
      name: 'Taille · Collectivité A',
      mine: 'petite',
      theirs: 'moyenne',
    });
    expect(conflicts['document.text']!.unplaced).toEqual({ theirs: 0, mine: 0 });

    const merged = await call('merge.apply', {
      ...copy,
      choices: [{ key: conflicts['value.value']!.key, choice: 'theirs' }],
    });
    expect(merged.taken).toBe(1);
    expect(merged.unplacedCount).toBe(0);
    // The project as it was, saved beside it: Undo ends when the project closes, the copy stays.
    expect(contents(merged.backupPath!)).toEqual(before);
    // This project's text is kept (with Amélie's edit); Bruno's codings sit on his words in it.
    expect(await codedWords(call, document.id)).toEqual([
      'Amélie:Le comité citoyen est tiré au sort',
      'Bruno:Nous publions les données ouvertes',
      'Bruno:comité citoyen',
    ]);
    const codes = await call('codes.list', {});
    expect(codes.find((code) => code.id === axis.id)?.name).toBe('Ouverture (axe 2)');
    expect(codes.find((code) => code.id === panel.id)?.memo).toBe('Vu aussi en B.');
    expect(codes.map((code) => code.name)).toContain('Données ouvertes');
    expect((await call('cases.list', {})).map((item) => item.name).sort()).toEqual([
      'Collectivité A',
      'Collectivité B',
    ]);
    const history = await call('history.state', {});
    expect(history.undoLabel).toBe('mergeCopy');

    await call('history.undo', {});
    expect(contents(harness.projectPath)).toEqual(before);
    // A merge undone is not a deletion: merged again, the same copy brings the same.
    const again = await call('merge.apply', { ...copy, choices: [] });
    expect(again.added).toMatchObject({ codes: 1, codings: 2, cases: 1 });
    expect(again.keptDeleted).toBe(0);
  });

  it('takes their text when chosen, and carries this project’s codings onto it', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Proactivité' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Anticipation' });
    await codeWordsAs(call, 'Amélie', document.id, code.id, 'anticipe les besoins');
    const bruno = await colleagueCopy();
    await typeBefore(bruno.call, document.id, 'La commune', 'Bon. ');
    bruno.close();
    const copy = { fileName: 'copie.axial', data: new Uint8Array(readFileSync(bruno.path)) };
    const preview = await call('merge.preview', copy);
    const text = preview.conflicts.find((conflict) => conflict.field === 'text')!;
    await call('merge.apply', { ...copy, choices: [{ key: text.key, choice: 'theirs' }] });
    const { content } = await call('documents.get', { id: document.id });
    expect(buildTextIndex(documentFromJson(content)).text).toContain('Bon. La commune 😀');
    expect(await codedWords(call, document.id)).toEqual(['Amélie:anticipe les besoins']);
  });

  it('lists their codings whose words are gone here, and adds nothing twice', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const code = await call('codes.create', { parentId: axis.id, name: 'Données' });
    const bruno = await colleagueCopy();
    await codeWordsAs(
      bruno.call,
      'Bruno',
      document.id,
      code.id,
      'Nous publions les données ouvertes',
    );
    await codeWordsAs(bruno.call, 'Bruno', document.id, code.id, 'anticipe');
    bruno.close();
    // Amélie deletes the last turn before merging.
    const detail = await call('documents.get', { id: document.id });
    const doc = documentFromJson(detail.content);
    const index = buildTextIndex(doc);
    const from = [...index.text.slice(0, index.text.indexOf('\nNous'))].length;
    const transform = new Transform(doc);
    transform.delete(
      offsetToPosition(index, from),
      offsetToPosition(index, [...index.text].length),
    );
    await call('documents.applySteps', {
      id: document.id,
      version: detail.version,
      steps: transform.steps.map((step) => step.toJSON()),
    });
    const copy = { fileName: 'copie.axial', data: new Uint8Array(readFileSync(bruno.path)) };
    const merged = await call('merge.apply', { ...copy, choices: [] });
    expect(merged.unplacedCount).toBe(1);
    expect(merged.unplaced[0]).toMatchObject({
      coder: 'Bruno',
      text: 'Nous publions les données ouvertes',
      codePath: ['Ouverture', 'Données'],
    });
    expect(await codedWords(call, document.id)).toEqual(['Bruno:anticipe']);
    const again = await call('merge.apply', { ...copy, choices: [] });
    expect(again.added.codings).toBe(0);
    expect(again.conflicts.map((conflict) => conflict.field)).toEqual(['text']);
    expect(await codedWords(call, document.id)).toEqual(['Bruno:anticipe']);
  });

  it('refuses a file that is not an Axial project, and writes nothing', async () => {
    const error = await harness.fail('merge.preview', {
      fileName: 'notes.axial',
      data: fileBytes('not a project'),
    });
    expect(error.params?.reason).toBe('mergeNotAxial');
  });
});

describe('merging another program’s export of the same sources', () => {
  it('matches the interview by its title and the codes by their path, and places the coder’s selections on their words', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    await call('codes.create', { parentId: axis.id, name: 'Comité citoyen' });
    // As NVivo writes it: its own GUIDs, the transcript with CRLF, positions in UTF-16 units.
    const text = interview.replaceAll('\n', '\r\n');
    const words = 'Le comité citoyen est tiré au sort';
    const start = text.indexOf(words);
    const guid = (digit: string) =>
      `${digit.repeat(8)}-${digit.repeat(4)}-4${digit.repeat(3)}-8${digit.repeat(3)}-${digit.repeat(12)}`;
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Étude" origin="NVivo 14">
<Users><User guid="${guid('1')}" name="Chloé"/></Users>
<CodeBook><Codes><Code guid="${guid('2')}" name="Ouverture" isCodable="false">
<Code guid="${guid('3')}" name="Comité citoyen" isCodable="true"/></Code></Codes></CodeBook>
<Sources><TextSource guid="${guid('4')}" name="Entretien A" plainTextPath="internal://${guid('4')}.txt">
<PlainTextSelection guid="${guid('5')}" startPosition="${start}" endPosition="${start + words.length}" creatingUser="${guid('1')}">
<Coding guid="${guid('6')}" creatingUser="${guid('1')}"><CodeRef targetGUID="${guid('3')}"/></Coding>
</PlainTextSelection></TextSource></Sources>
</Project>`;
    const data = zipSync({
      'project.qde': strToU8(xml),
      [`sources/${guid('4')}.txt`]: strToU8(text),
    });
    const merged = await call('merge.apply', { fileName: 'export NVivo.qdpx', data, choices: [] });
    expect(merged.sameProject).toBe(false);
    expect(merged.added).toMatchObject({ documents: 0, codes: 0, codings: 1 });
    expect(merged.coders).toEqual(['Chloé']);
    expect(await codedWords(call, document.id)).toEqual([`Chloé:${words}`]);
    expect(await call('documents.list', {})).toHaveLength(1);
  });
});

describe('what this project deleted since the copy', () => {
  it('stays deleted: a code and its coding, and a passage settled away, do not come back', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const panel = await call('codes.create', { parentId: axis.id, name: 'Comité citoyen' });
    const data = await call('codes.create', { parentId: axis.id, name: 'Données' });
    await codeWordsAs(call, 'Amélie', document.id, data.id, 'Nous publions les données ouvertes');
    const bruno = await colleagueCopy();
    await codeWordsAs(bruno.call, 'Bruno', document.id, panel.id, 'Le comité citoyen');
    bruno.close();
    await call('codes.delete', { id: data.id });
    const copy = { fileName: 'copie.axial', data: new Uint8Array(readFileSync(bruno.path)) };
    const merged = await call('merge.apply', { ...copy, choices: [] });
    expect(merged.added).toMatchObject({ codes: 0, codings: 1 });
    expect(merged.keptDeleted).toBeGreaterThanOrEqual(2);
    expect((await call('codes.list', {})).map((code) => code.name)).not.toContain('Données');
    expect(await codedWords(call, document.id)).toEqual(['Bruno:Le comité citoyen']);

    // Bruno's passage removed here (a disagreement settled), the same copy merged again.
    const [coding] = await call('codings.forDocument', { documentId: document.id });
    await call('codings.delete', { id: coding!.id });
    const again = await call('merge.apply', { ...copy, choices: [] });
    expect(again.added.codings).toBe(0);
    expect(await codedWords(call, document.id)).toEqual([]);
    // The removal undone here, the coding is back, by the undo itself.
    await call('history.undo', {});
    expect(await codedWords(call, document.id)).toEqual(['Bruno:Le comité citoyen']);
  });
});

describe('what a merge lists rather than writes', () => {
  it('lists a coding whose boundaries moved, skips values of an attribute typed otherwise, and names a damaged or newer copy', async () => {
    const { call } = harness;
    const document = await call('documents.import', {
      fileName: 'Entretien A.txt',
      data: fileBytes(interview),
    });
    const axis = await call('codes.create', { name: 'Ouverture' });
    const panel = await call('codes.create', { parentId: axis.id, name: 'Comité citoyen' });
    const place = await call('cases.create', { name: 'Collectivité A' });
    const population = await call('attributes.create', {
      entityKind: 'case',
      name: 'Population',
      type: 'number',
    });
    await call('attributes.setValue', {
      attributeId: population.id,
      entityId: place.id,
      value: 52000,
    });
    await codeWordsAs(call, 'Amélie', document.id, panel.id, 'Le comité citoyen');
    const bruno = await colleagueCopy();
    const [coding] = await bruno.call('codings.forDocument', { documentId: document.id });
    const { version } = await bruno.call('documents.get', { id: document.id });
    await bruno.call('codings.update', {
      id: coding!.id,
      start: coding!.start,
      end: coding!.end + 4,
      version,
    });
    await bruno.call('attributes.update', { id: population.id, type: 'text' });
    await bruno.call('attributes.setValue', {
      attributeId: population.id,
      entityId: place.id,
      value: 'environ 50 000',
    });
    bruno.close();
    const bytes = new Uint8Array(readFileSync(bruno.path));
    const preview = await call('merge.preview', { fileName: 'copie.axial', data: bytes });
    const range = preview.conflicts.find((conflict) => conflict.field === 'range')!;
    expect(range).toMatchObject({ mine: 'Le comité citoyen', theirs: 'Le comité citoyen est' });
    expect(preview.typeMismatch).toEqual(['Population']);
    expect(preview.conflicts.some((conflict) => conflict.subject === 'value')).toBe(false);
    await call('merge.apply', {
      fileName: 'copie.axial',
      data: bytes,
      choices: [{ key: range.key, choice: 'theirs' }],
    });
    expect(await codedWords(call, document.id)).toEqual(['Amélie:Le comité citoyen est']);
    expect((await call('cases.list', {}))[0]?.values[population.id]).toBe(52000);

    const damaged = await harness.fail('merge.preview', {
      fileName: 'copie abîmée.axial',
      data: bytes.slice(0, 4096),
    });
    expect(damaged.message).toContain('copie abîmée.axial');
    expect(damaged.message).not.toContain('axial-merge-');
  });
});
