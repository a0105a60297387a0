import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { buildCodedStudy } from '../../support/codedStudy';

const schemas = join(import.meta.dirname, '../../fixtures/refi-qda');

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/** xmllint's verdict on a file against a schema: the test fails with its messages. */
function validate(xml: string | Uint8Array, schema: string, name: string): void {
  const path = join(harness.folder, name);
  writeFileSync(path, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(schemas, schema), path], {
      stdio: 'pipe',
    });
  } catch (error) {
    const output = error as { stderr?: Buffer };
    throw new Error(`xmllint refused ${name}:\n${output.stderr?.toString() ?? String(error)}`, {
      cause: error,
    });
  }
}

async function exportArchive() {
  const exported = await harness.call('refi.exportProject', {});
  return { ...exported, entries: unzipSync(Buffer.from(exported.file.data)) };
}

/** Everything the standard carries, in a form two projects can be compared by. */
async function snapshot(call: Harness['call']) {
  const codes = await call('codes.list', {});
  const byId = new Map(codes.map((code) => [code.id, code]));
  const path = (id: string): string => {
    const code = byId.get(id)!;
    return code.parentId ? `${path(code.parentId)} / ${code.name}` : code.name;
  };
  const attributes = await call('attributes.list', {});
  const attributeName = new Map(attributes.map((attribute) => [attribute.id, attribute.name]));
  const named = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([id, value]) => [attributeName.get(id), value]));
  const cases = await call('cases.list', {});
  const caseName = new Map(cases.map((row) => [row.id, row.name]));
  const documents = await call('documents.list', {});
  const passages = await call('passages.list', {});
  return {
    codes: codes
      .map((code) => ({
        path: path(code.id),
        colour: code.colour,
        description: code.description,
        memo: code.memo,
        codable: code.codable,
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    attributes: attributes
      .map(({ entityKind, name, type, unit, choices }) => ({
        entityKind,
        name,
        type,
        unit,
        choices,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    cases: cases.map((row) => ({
      name: row.name,
      description: row.description,
      memo: row.memo,
      values: named(row.values),
    })),
    participants: (await call('participants.list', {})).map((row) => ({
      name: row.name,
      caseName: row.caseId ? caseName.get(row.caseId) : null,
      values: named(row.values),
    })),
    documents: await Promise.all(
      documents.map(async (document) => {
        const detail = await call('documents.get', { id: document.id });
        const links = await call('documents.links', { documentId: document.id });
        return {
          title: detail.title,
          kind: detail.kind,
          memo: detail.memo,
          content: detail.content,
          participants: links.participantIds.length,
        };
      }),
    ),
    passages: passages.map((passage) => ({
      document: passage.documentTitle,
      code: path(passage.coding.codeId),
      text: passage.text,
      memo: passage.coding.memo,
      coder: passage.coding.coder,
      start: passage.coding.start,
      end: passage.coding.end,
    })),
  };
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde the 2019 Project schema accepts, with every source as a file', async () => {
    const study = await buildCodedStudy(harness.call);
    const { entries, notExported } = await exportArchive();
    validate(entries['project.qde']!, 'Project-mrt2019.xsd', 'project.qde');
    const qde = new TextDecoder().decode(entries['project.qde']);
    expect(qde).toContain(`<TextSource guid="${study.documents.first.id}"`);
    expect(qde).toContain(`plainTextPath="internal://${study.documents.first.id}.txt"`);
    // Another program shows who speaks: the turns are written into the source's text…
    const source = new TextDecoder().decode(entries[`sources/${study.documents.second.id}.txt`]);
    expect(source).toBe(
      'Enquêteur : Et chez vous ?\nDGS : Le maire décide seul, sans coopération.',
    );
    // …and its selections count on that text.
    const selection = new RegExp(
      `<TextSource guid="${study.documents.second.id}"[^]*?startPosition="(\\d+)" endPosition="(\\d+)"`,
    ).exec(qde);
    expect(selection).not.toBeNull();
    const passages = await harness.call('passages.list', {
      documentIds: [study.documents.second.id],
    });
    expect(Array.from(source).slice(Number(selection![1]), Number(selection![2])).join('')).toBe(
      passages[0]!.text,
    );
    // Notes dated, and a passage's memo also where several programs read it.
    const notes = qde.match(/<Note [^>]*>/g) ?? [];
    expect(notes.length).toBeGreaterThan(0);
    for (const element of notes) expect(element).toMatch(/creationDateTime="[^"]+"/);
    expect(qde).toMatch(/<PlainTextSelection [^>]*><Description>Formule typique\.<\/Description>/);
    expect(qde).toContain('typeOfVariable="Integer"');
    expect(qde).toContain('<FloatValue>12.5</FloatValue>');
    expect(qde).toContain('<DateValue>2015-01-01</DateValue>');
    expect(qde).toContain('<BooleanValue>true</BooleanValue>');
    expect(notExported).toEqual([]);
  });

  it('lists what the standard cannot carry', async () => {
    const study = await buildCodedStudy(harness.call);
    await harness.call('ratings.set', {
      caseId: study.cases.lyon.id,
      codeId: study.codes.proactivity.id,
      value: 4,
      justification: 'Le maire porte.',
    });
    await harness.call('guides.create', { title: 'Guide' });
    const { notExported, entries } = await exportArchive();
    expect(notExported).toEqual(['guides', 'ratings']);
    validate(entries['project.qde']!, 'Project-mrt2019.xsd', 'project.qde');
  });

  it('writes a .qdc the Codebook schema accepts, and refuses an empty codebook', async () => {
    expect((await harness.fail('refi.exportCodebook', {})).params?.reason).toBe('emptyCodebook');
    await buildCodedStudy(harness.call);
    const file = await harness.call('refi.exportCodebook', {});
    const xml = Buffer.from(file.data);
    validate(xml, 'Codebook-mrt2019.xsd', 'codebook.qdc');
    expect(xml.toString()).toContain('name="Maire moteur"');
  });
});

describe('REFI-QDA round trip', () => {
  it('gives back the same codes, sources, codings, notes, cases and variables, field by field', async () => {
    await buildCodedStudy(harness.call);
    const before = await snapshot(harness.call);
    const { file } = await harness.call('refi.exportProject', {});
    const target = join(harness.folder, 'imported.axial');
    const { report } = await harness.call('refi.importProject', {
      fileName: file.fileName,
      data: file.data,
      path: target,
    });
    expect(report).toMatchObject({
      sources: 2,
      codes: 6,
      codings: 4,
      cases: 2,
      participants: 2,
      counting: { counting: 'codePoints', basis: 'axial', program: 'Axial' },
      warnings: [],
    });
    expect((await harness.call('projects.current', {}))?.path).toBe(target);
    const after = await snapshot(harness.call);
    expect(after).toEqual(before);
    expect(after.passages.map((passage) => passage.text)).toContain('Le maire porte le projet 🙂');
  });
});

/** A .qdpx written by hand, as other programs write them. */
function archive(files: Record<string, string | Uint8Array>): Uint8Array {
  return Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([name, data]) => [
          name,
          typeof data === 'string' ? strToU8(data) : data,
        ]),
      ),
    ),
  );
}

const G = {
  code: '11111111-1111-4111-8111-111111111111',
  child: '22222222-2222-4222-8222-222222222222',
  source: '33333333-3333-4333-8333-333333333333',
  selection: '44444444-4444-4444-8444-444444444444',
  user: '55555555-5555-4555-8555-555555555555',
  missing: '66666666-6666-4666-8666-666666666666',
};

function qde(
  sources: string,
  codeAttributes = `color="rgb(230, 159, 0)"`,
  origin = 'NVivo 14 (Windows)',
): string {
  return `\ufeff<?xml version="1.0" encoding="utf-8"?>\r
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="Étude NVivo"${origin ? ` origin="${origin}"` : ''}>\r
<qda:Users><qda:User guid="{${G.user.toUpperCase()}}" name="Camille"/></qda:Users>\r
<qda:CodeBook><qda:Codes><qda:Code guid="${G.code}" name="Gouvernance" isCodable="false" ${codeAttributes}>\r
<qda:Code guid="${G.child}" name="Leadership" isCodable="true" color="#0072B2"/></qda:Code></qda:Codes></qda:CodeBook>\r
<qda:Sources>${sources}</qda:Sources></qda:Project>`;
}

async function importArchive(data: Uint8Array, name = 'nvivo.qdpx') {
  return harness.call('refi.importProject', {
    fileName: name,
    data,
    path: join(harness.folder, `${name}.axial`),
  });
}

describe('REFI-QDA import of files from other programs', () => {
  it('reads Sources/, a .qde of another name, BOMs, CRLF, rgb() colours and NVivo UTF-16 offsets with CRLF', async () => {
    // NVivo for Windows: CRLF counts two, the emoji two UTF-16 units.
    const text = 'Intro 😀 ici\r\nLe maire décide 🙂 seul.\r\nFin.';
    const words = 'maire décide 🙂 seul';
    const start = text.indexOf(words);
    const end = start + words.length;
    const source = `<qda:TextSource guid="${G.source}" name="Entretien 1" plainTextPath="internal://${G.source}.txt">
      <qda:PlainTextSelection guid="${G.selection}" startPosition="${start}" endPosition="${end}" creatingUser="${G.user}">
        <qda:Coding guid="${G.missing}" creatingUser="${G.user}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
      </qda:PlainTextSelection></qda:TextSource>`;
    const data = archive({
      'Etude.qde': qde(source),
      [`Sources/${G.source}.txt`]: new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)]),
    });
    const { report } = await importArchive(data);
    expect(report.counting).toEqual({ counting: 'utf16Crlf', basis: 'origin', program: 'NVivo' });
    expect(report.warnings).toEqual([]);
    const passages = await harness.call('passages.list', {});
    expect(passages.map((passage) => [passage.text, passage.coding.coder])).toEqual([
      [words, 'Camille'],
    ]);
    const codes = await harness.call('codes.list', {});
    expect(codes.map((code) => [code.name, code.colour, code.codable])).toEqual([
      ['Gouvernance', '#E69F00', false],
      ['Leadership', '#0072B2', true],
    ]);
    expect((await harness.call('projects.current', {}))?.title).toBe('Étude NVivo');
  });

  it('reads code-point offsets over an LF text as the standard counts them', async () => {
    const text = 'Un 😀 deux 🙂 trois quatre';
    const words = 'trois';
    const start = Array.from(text.slice(0, text.indexOf(words))).length;
    const source = `<qda:TextSource guid="${G.source}" name="S" plainTextPath="internal://${G.source}.txt">
      <qda:PlainTextSelection guid="${G.selection}" startPosition="${start}" endPosition="${start + 5}">
        <qda:Coding guid="${G.missing}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
      </qda:PlainTextSelection></qda:TextSource>`;
    const { report } = await importArchive(
      archive({ 'project.qde': qde(source, undefined, ''), [`sources/${G.source}.txt`]: text }),
    );
    expect(report.counting).toEqual({ counting: 'codePoints', basis: 'standard', program: null });
    expect((await harness.call('passages.list', {}))[0]?.text).toBe('trois');
  });

  it('reads turn labels written into another program’s sources back as turns, passages on their words', async () => {
    const text =
      '[0:00:05] Enquêteur : Qui pilote ?\r\nMarie : Le maire décide 😀 seul.\r\nsuite\r\nMarie : Fin.';
    const words = 'décide 😀 seul';
    const start = Array.from(text.slice(0, text.indexOf(words))).length;
    const end = start + Array.from(words).length;
    const source = `<qda:TextSource guid="${G.source}" name="Entretien M" plainTextPath="internal://${G.source}.txt">
      <qda:PlainTextSelection guid="${G.selection}" startPosition="${start}" endPosition="${end}">
        <qda:Coding guid="${G.missing}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
      </qda:PlainTextSelection></qda:TextSource>`;
    await importArchive(
      archive({
        'project.qde': qde(source, undefined, 'MAXQDA 2024'),
        [`sources/${G.source}.txt`]: text,
      }),
      'maxqda.qdpx',
    );
    const [document] = await harness.call('documents.list', {});
    expect(document?.speakers).toEqual(['Enquêteur', 'Marie']);
    const detail = await harness.call('documents.get', { id: document!.id });
    const paragraphs = (detail.content.content ?? []) as {
      attrs: { speaker: string | null; time: number | null };
    }[];
    expect(paragraphs.map((paragraph) => [paragraph.attrs.speaker, paragraph.attrs.time])).toEqual([
      ['Enquêteur', 5000],
      ['Marie', null],
      [null, null],
      ['Marie', null],
    ]);
    expect((await harness.call('passages.list', {})).map((passage) => passage.text)).toEqual([
      words,
    ]);
  });

  it('takes a passage’s memo from its Description, once when its note says the same', async () => {
    const note = '99999999-9999-4999-8999-999999999999';
    const text = 'Le maire décide seul.';
    const source = `<qda:TextSource guid="${G.source}" name="S"><qda:PlainTextContent>${text}</qda:PlainTextContent>
      <qda:PlainTextSelection guid="${G.selection}" startPosition="3" endPosition="8">
        <qda:Description>Le maire, acteur central</qda:Description>
        <qda:Coding guid="${G.missing}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
        <qda:NoteRef targetGUID="${note}"/>
      </qda:PlainTextSelection></qda:TextSource>`;
    const notes = `<qda:Notes><qda:Note guid="${note}" name="n"><qda:PlainTextContent>Le maire, acteur central</qda:PlainTextContent></qda:Note></qda:Notes>`;
    await importArchive(
      archive({
        'project.qde': qde(source + '</qda:Sources>' + notes + '<qda:Sources>', undefined, ''),
      }),
      'memo.qdpx',
    );
    const [passage] = await harness.call('passages.list', {});
    expect(passage?.coding.memo).toBe('Le maire, acteur central');
  });

  it('decodes character references once, everywhere, as QualCoder writes its apostrophes', async () => {
    const variable = '77777777-7777-4777-8777-777777777777';
    const caseGuid = '88888888-8888-4888-8888-888888888888';
    const note = '99999999-9999-4999-8999-999999999999';
    const text = 'L&#x27;élu dit : « c&#39;est l&apos;affaire de tous ».';
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="L&#x27;étude" origin="QualCoder 3.6">
<CodeBook><Codes><Code guid="${G.code}" name="L&#x27;élu &amp; ses adjoints" isCodable="true">
<Description>Ce qu&#x27;il décide&#10;seul</Description><NoteRef targetGUID="${note}"/></Code></Codes></CodeBook>
<Variables><Variable guid="${variable}" name="Type d&#x27;EPCI" typeOfVariable="Text"/></Variables>
<Cases><Case guid="${caseGuid}" name="Collectivit&#233; A"><VariableValue><VariableRef targetGUID="${variable}"/><TextValue>Communaut&#xe9; d&#x27;agglom&#xE9;ration &amp;#x27; reste</TextValue></VariableValue></Case></Cases>
<Sources><TextSource guid="${G.source}" name="Entretien d&#x27;A"><PlainTextContent>${text}</PlainTextContent></TextSource></Sources>
<Notes><Note guid="${note}" name="n"><PlainTextContent>L&#x27;axe principal</PlainTextContent></Note></Notes>
</Project>`;
    await importArchive(archive({ 'project.qde': xml }), 'qualcoder.qdpx');
    const [code] = await harness.call('codes.list', {});
    expect(code).toMatchObject({
      name: "L'élu & ses adjoints",
      description: "Ce qu'il décide\nseul",
      memo: "L'axe principal",
    });
    const [attribute] = await harness.call('attributes.list', {});
    expect(attribute?.name).toBe("Type d'EPCI");
    const [entry] = await harness.call('cases.list', {});
    expect(entry?.name).toBe('Collectivité A');
    // Decoded once: an escaped reference stays the text it stands for.
    expect(entry?.values[attribute!.id]).toBe("Communauté d'agglomération &#x27; reste");
    const [document] = await harness.call('documents.list', {});
    expect(document?.title).toBe("Entretien d'A");
    const detail = await harness.call('documents.get', { id: document!.id });
    expect(JSON.stringify(detail.content)).toContain("L'élu dit : « c'est l'affaire de tous ».");
    expect((await harness.call('projects.current', {}))?.title).toBe("L'étude");
  });

  it('counts a file that does not say where it comes from as the standard does, unless the researcher chooses', async () => {
    // UTF-16 positions in a file without an origin: nothing in it says so, and they all fit as
    // code points, two characters late (one per emoji before them).
    const text = 'Un 😀 deux 🙂 trois quatre cinq';
    const words = 'trois';
    const start = text.indexOf(words);
    const source = `<qda:TextSource guid="${G.source}" name="S" plainTextPath="internal://${G.source}.txt">
      <qda:PlainTextSelection guid="${G.selection}" startPosition="${start}" endPosition="${start + 5}">
        <qda:Coding guid="${G.missing}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
      </qda:PlainTextSelection></qda:TextSource>`;
    const data = archive({
      'project.qde': qde(source, undefined, ''),
      [`sources/${G.source}.txt`]: text,
    });
    const standard = await importArchive(data, 'sans-origine.qdpx');
    expect(standard.report.counting?.basis).toBe('standard');
    expect((await harness.call('passages.list', {}))[0]?.text).toBe('ois q');
    const chosen = await harness.call('refi.importProject', {
      fileName: 'sans-origine.qdpx',
      data,
      path: join(harness.folder, 'choisi.axial'),
      counting: 'utf16',
    });
    expect(chosen.report.counting).toEqual({ counting: 'utf16', basis: 'chosen', program: null });
    expect((await harness.call('passages.list', {}))[0]?.text).toBe('trois');
  });

  it('imports a codebook into the open project, codebook namespaces as they vary, undoably', async () => {
    await harness.call('codes.create', { name: 'Gouvernance' });
    const qdc = `<?xml version="1.0" encoding="utf-8"?>\r\n<CodeBook xmlns="urn:QDA-XML:codebook:1:0" origin="MAXQDA">
      <Codes><Code guid="${G.code}" name="gouvernance" isCodable="false">
        <Code guid="${G.child}" name="Ouverture" isCodable="true" color="#56B4E9"><Description>Les habitants.</Description></Code>
      </Code></Codes></CodeBook>`;
    const result = await harness.call('refi.importCodebook', {
      fileName: 'grille.qdc',
      data: fileBytes(qdc),
    });
    expect(result).toEqual({ added: 1, matched: 1, warnings: [] });
    const codes = await harness.call('codes.list', {});
    expect(codes.map((code) => [code.name, code.description])).toEqual([
      ['Gouvernance', ''],
      ['Ouverture', 'Les habitants.'],
    ]);
    await harness.call('history.undo', {});
    expect((await harness.call('codes.list', {})).map((code) => code.name)).toEqual([
      'Gouvernance',
    ]);
  });

  it('warns, per item, of a missing source file and a selection beyond the text, and imports the rest', async () => {
    const source = `<qda:TextSource guid="${G.source}" name="Présent" plainTextPath="internal://${G.source}.txt">
      <qda:PlainTextSelection guid="${G.selection}" startPosition="3" endPosition="900">
        <qda:Coding guid="${G.missing}"><qda:CodeRef targetGUID="${G.child}"/></qda:Coding>
      </qda:PlainTextSelection></qda:TextSource>
      <qda:TextSource guid="${G.missing}" name="Absent" plainTextPath="internal://${G.missing}.txt"/>`;
    const { report } = await importArchive(
      archive({ 'project.qde': qde(source), [`sources/${G.source}.txt`]: 'Un texte court.' }),
    );
    expect(report.sources).toBe(1);
    expect(report.codings).toBe(0);
    expect(report.warnings).toEqual([
      { kind: 'missingSource', item: 'Absent' },
      { kind: 'selectionOutside', item: 'Présent' },
    ]);
  });
});

describe('hostile and broken archives', () => {
  async function refusedWith(data: Uint8Array, reason: string) {
    const target = join(harness.folder, 'hostile.axial');
    const before = await harness.call('projects.current', {});
    const error = await harness.fail('refi.importProject', {
      fileName: 'hostile.qdpx',
      data,
      path: target,
    });
    expect(error.params?.reason).toBe(reason);
    // The open project is the same one, and no half-made project is left behind.
    expect((await harness.call('projects.current', {}))?.path).toBe(before?.path);
    expect(existsSync(target)).toBe(false);
    return error;
  }

  it('refuses entries that climb out of the archive or are absolute', async () => {
    const error = await refusedWith(
      archive({ 'project.qde': qde(''), '../../evil.txt': 'x' }),
      'unsafeArchive',
    );
    expect(error.message).toContain('../../evil.txt');
    await refusedWith(archive({ 'project.qde': qde(''), '/etc/evil': 'x' }), 'unsafeArchive');
  });

  it('stops a zip bomb as it inflates, at its limit, and refuses an archive of thousands of entries', async () => {
    const bomb = zipSync(
      { 'project.qde': strToU8(qde('')), 'sources/big.txt': new Uint8Array(200 * 1024 * 1024) },
      { level: 9 },
    );
    const error = await refusedWith(Buffer.from(bomb), 'archiveBomb');
    expect(error.message).toContain('"sources/big.txt" unpacks to more than 64 MB');
    const many: Record<string, string> = { 'project.qde': qde('') };
    for (let index = 0; index < 20_500; index += 1) many[`sources/${index}.txt`] = '';
    await refusedWith(archive(many), 'tooManyEntries');
  });

  it('refuses XML that declares entities, not XML, and files that are not archives', async () => {
    const entity = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&secret;"/>`;
    await refusedWith(archive({ 'project.qde': entity }), 'xmlEntities');
    await refusedWith(archive({ 'project.qde': '<Project name="x"><Sources>' }), 'badXml');
    await refusedWith(archive({ 'readme.txt': 'no project here' }), 'notQdpx');
    await refusedWith(fileBytes('just some text'), 'notQdpx');
  });

  it('refuses a codebook that is not one, leaving the codebook as it was', async () => {
    await harness.call('codes.create', { name: 'Gouvernance' });
    const error = await harness.fail('refi.importCodebook', {
      fileName: 'x.qdc',
      data: fileBytes('<?xml version="1.0"?><Project name="x"/>'),
    });
    expect(error.params?.reason).toBe('notQdc');
    expect((await harness.call('codes.list', {})).map((code) => code.name)).toEqual([
      'Gouvernance',
    ]);
  });
});

describe('a long import', () => {
  it('reports its progress and, cancelled, leaves no project behind', async () => {
    await buildCodedStudy(harness.call);
    const { file } = await harness.call('refi.exportProject', {});
    const jobId = '77777777-7777-4777-8777-777777777777';
    const target = join(harness.folder, 'cancelled.axial');
    const running = harness.core.dispatch('refi.importProject', {
      fileName: file.fileName,
      data: file.data,
      path: target,
      jobId,
    });
    let progress = await harness.call('jobs.progress', { jobId });
    while (!progress) progress = await harness.call('jobs.progress', { jobId });
    expect(progress.total).toBe(2);
    await harness.call('jobs.cancel', { jobId });
    const result = await running;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(existsSync(target)).toBe(false);
    expect((await harness.call('projects.current', {}))?.path).toBe(harness.projectPath);
    expect(await harness.call('jobs.progress', { jobId })).toBeNull();
  });
});
