import { strToU8 } from 'fflate';
import type { ZipEntryData } from '../zipWriter';
import { EntryPacker, packEntry, zipFiles } from '../zipWriter';
import type { AttributeDefinition, AttributeValue } from '../../../shared/cases';
import type { NotCarriedByRefi } from '../../../shared/exchange';
import { listAttributes, valuesByEntity } from '../../store/attributes';
import { listCases, listParticipants } from '../../store/cases';
import { listCodes } from '../../store/codes';
import type { CodingRow } from '../../store/codings';
import type { Db } from '../../store/database';
import { getProject } from '../../store/project';
import type { AxialExtension } from './axialExtension';
import { AXIAL_EXTENSION_PATH } from './axialExtension';
import { writeCodeTree } from './codeTree';
import { asGuid, derivedGuid } from './guid';
import { escapeXmlAttribute } from '../xmlEscape';
import { XmlWriter } from './xml';
import { labelText, toLabelled } from './labelledText';
import { documentFromJson } from '../../../shared/editor/schema';
import { buildTextIndex } from '../../../shared/text/textIndex';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

interface DocumentRow {
  id: string;
  kind: 'transcript' | 'secondary';
  title: string;
  description: string;
  memo: string;
  content: string;
  created_at: string;
  modified_at: string;
}

/** xsd:decimal has no exponent: 1e21 must be written out. */
function decimal(value: number): string {
  const text = String(value);
  return /e/i.test(text)
    ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : text;
}

function variableType(attribute: AttributeDefinition, values: AttributeValue[]): string {
  switch (attribute.type) {
    case 'number':
      return values.every((value) => Number.isInteger(value)) ? 'Integer' : 'Float';
    case 'date':
      return 'Date';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Text';
  }
}

function writeValue(
  xml: XmlWriter,
  variableGuid: string,
  type: string,
  value: AttributeValue,
): void {
  xml.open('VariableValue');
  xml.empty('VariableRef', { targetGUID: variableGuid });
  if (type === 'Integer' || type === 'Float')
    xml.text(type === 'Integer' ? 'IntegerValue' : 'FloatValue', decimal(Number(value)));
  else if (type === 'Date') xml.text('DateValue', String(value));
  else if (type === 'Boolean') xml.text('BooleanValue', value ? 'true' : 'false');
  else xml.text('TextValue', String(value));
  xml.close('VariableValue');
}

export interface ProjectArchive {
  bytes: Uint8Array;
  notExported: NotCarriedByRefi[];
}

/**
 * The project as a REFI-QDA .qdpx: project.qde (valid against the 2019
 * Project schema) and each text as sources/<guid>.txt, referenced as
 * internal://. Axial's own extras go to a side file other tools ignore.
 */
export async function exportProjectArchive(
  db: Db,
  path: string,
  origin: string,
): Promise<ProjectArchive> {
  const project = getProject(db, path);
  const codes = listCodes(db, { counts: false });
  const attributes = listAttributes(db);
  const cases = listCases(db);
  const participants = listParticipants(db);
  const documents = db
    .prepare(
      'SELECT id, kind, title, description, memo, content, created_at, modified_at FROM document ORDER BY position',
    )
    .all() as DocumentRow[];
  // In the table's order, sorted per document below: SQLite's sort of all of them was half the select.
  const codings = db
    .prepare(
      'SELECT id, document_id, code_id, start, "end", coder, memo, created_at, modified_at FROM coding',
    )
    .all() as CodingRow[];
  const documentValues = valuesByEntity(db, 'document');

  const userGuids = new Map<string, string>();
  const userGuid = (name: string) => {
    let guid = userGuids.get(name);
    if (!guid) userGuids.set(name, (guid = derivedGuid(project.id, 'user', name)));
    return guid;
  };
  const users = [...new Set(codings.map((coding) => coding.coder))].sort();
  const notes: { guid: string; name: string; text: string; created: string; modified: string }[] =
    [];
  // Dated: QualCoder's import stops half-way on a Note without its creation time.
  const note = (
    owner: string,
    name: string,
    text: string,
    dates: { created: string; modified: string },
  ): string | null => {
    if (!text.trim()) return null;
    const guid = derivedGuid(project.id, 'note', owner);
    notes.push({ guid, name, text, ...dates });
    return guid;
  };

  // Variable names are one namespace in the standard; Axial's are per kind of entity.
  const variableNames = new Map<string, string>();
  const taken = new Set<string>();
  for (const attribute of attributes) {
    let name = attribute.name;
    if (taken.has(name.toLowerCase())) name = `${attribute.name} (${attribute.entityKind})`;
    taken.add(name.toLowerCase());
    variableNames.set(attribute.id, name);
  }
  const valuesOf = (attribute: AttributeDefinition) => {
    const all: AttributeValue[] = [];
    const source =
      attribute.entityKind === 'document'
        ? [...documentValues.values()]
        : (attribute.entityKind === 'case' ? cases : participants).map((row) => row.values);
    for (const values of source) {
      const value = values[attribute.id];
      if (value !== undefined) all.push(value);
    }
    return all;
  };
  const types = new Map(
    attributes.map((attribute) => [attribute.id, variableType(attribute, valuesOf(attribute))]),
  );
  const writeValues = (
    values: Record<string, AttributeValue>,
    kind: AttributeDefinition['entityKind'],
  ) => {
    for (const attribute of attributes) {
      if (attribute.entityKind !== kind) continue;
      const value = values[attribute.id];
      if (value === undefined) continue;
      writeValue(xml, asGuid(attribute.id), types.get(attribute.id)!, value);
    }
  };

  // project.qde is deflated a megabyte at a time while the rest of it is written.
  const qde = new EntryPacker();
  const xml = new XmlWriter((text) => qde.add(Buffer.from(text, 'utf8')));
  xml.open('Project', {
    xmlns: PROJECT_NAMESPACE,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${PROJECT_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
    name: project.title,
    origin,
    creationDateTime: project.createdAt,
    modifiedDateTime: project.modifiedAt,
  });
  if (users.length) {
    xml.open('Users');
    for (const name of users) xml.empty('User', { guid: userGuid(name), name });
    xml.close('Users');
  }
  if (codes.length) {
    xml.open('CodeBook');
    const codeDates = new Map(
      (
        db.prepare('SELECT id, created_at, modified_at FROM code').all() as {
          id: string;
          created_at: string;
          modified_at: string;
        }[]
      ).map((row) => [row.id, { created: row.created_at, modified: row.modified_at }]),
    );
    writeCodeTree(xml, codes, (code) =>
      note(`code:${code.id}`, code.name, code.memo, codeDates.get(code.id)!),
    );
    xml.close('CodeBook');
  }
  if (attributes.length) {
    xml.open('Variables');
    for (const attribute of attributes) {
      xml.open('Variable', {
        guid: asGuid(attribute.id),
        name: variableNames.get(attribute.id),
        typeOfVariable: types.get(attribute.id),
      });
      if (attribute.unit) xml.text('Description', attribute.unit);
      xml.close('Variable');
    }
    xml.close('Variables');
  }

  const links = (table: 'document_case' | 'document_participant', column: string) => {
    const map = new Map<string, string[]>();
    for (const row of db.prepare(`SELECT document_id, ${column} AS owner FROM ${table}`).all() as {
      document_id: string;
      owner: string;
    }[]) {
      const list = map.get(row.owner) ?? [];
      list.push(row.document_id);
      map.set(row.owner, list);
    }
    return map;
  };
  const caseDocuments = links('document_case', 'case_id');
  const participantDocuments = links('document_participant', 'participant_id');
  const entities = [
    ...cases.map((row) => ({
      ...row,
      kind: 'case' as const,
      documentIds: caseDocuments.get(row.id) ?? [],
    })),
    ...participants.map((row) => ({
      ...row,
      kind: 'participant' as const,
      documentIds: participantDocuments.get(row.id) ?? [],
    })),
  ];
  if (entities.length) {
    xml.open('Cases');
    for (const entity of entities) {
      xml.open('Case', { guid: asGuid(entity.id), name: entity.name });
      if (entity.description) xml.text('Description', entity.description);
      writeValues(entity.values, entity.kind);
      for (const documentId of entity.documentIds)
        xml.empty('SourceRef', { targetGUID: asGuid(documentId) });
      xml.close('Case');
    }
    xml.close('Cases');
  }

  const codingsByDocument = new Map<string, CodingRow[]>();
  for (const coding of codings) {
    const list = codingsByDocument.get(coding.document_id) ?? [];
    list.push(coding);
    codingsByDocument.set(coding.document_id, list);
  }
  for (const list of codingsByDocument.values())
    list.sort((left, right) => left.start - right.start || left.end - right.end);
  const files: Record<string, ZipEntryData> = {};
  const extension = packEntry(axialExtension(documents, participants, entities, attributes));
  const codeGuids = new Map(codes.map((code) => [code.id, asGuid(code.id)]));
  if (documents.length) {
    xml.open('Sources');
    for (const document of documents) {
      const guid = asGuid(document.id);
      // Other programs show the source's text: with each turn's time and speaker written in.
      const labelled = labelText(
        buildTextIndex(documentFromJson(JSON.parse(document.content) as unknown)),
      );
      files[`sources/${guid}.txt`] = packEntry(strToU8(labelled.text));
      xml.open('TextSource', {
        guid,
        name: document.title,
        plainTextPath: `internal://${guid}.txt`,
        creationDateTime: document.created_at,
        modifiedDateTime: document.modified_at,
      });
      if (document.description) xml.text('Description', document.description);
      for (const coding of codingsByDocument.get(document.id) ?? []) {
        // Written as one string: GUIDs and numbers need no escaping, and building attribute
        // objects for each of 10,000 selections was a fifth of the export.
        const user = userGuid(coding.coder);
        const created = escapeXmlAttribute(coding.created_at);
        xml.raw(
          `<PlainTextSelection guid="${asGuid(coding.id)}" startPosition="${toLabelled(labelled, coding.start, 'start')}" endPosition="${toLabelled(labelled, coding.end, 'end')}" creatingUser="${user}" creationDateTime="${created}">`,
        );
        // The memo where several programs read it, and as a note for those that read notes.
        if (coding.memo.trim()) xml.text('Description', coding.memo);
        xml.raw(
          `<Coding guid="${derivedGuid(project.id, 'coding', coding.id)}" creatingUser="${user}" creationDateTime="${created}"><CodeRef targetGUID="${codeGuids.get(coding.code_id) ?? asGuid(coding.code_id)}"/></Coding>`,
        );
        const memo = note(`coding:${coding.id}`, document.title, coding.memo, {
          created: coding.created_at,
          modified: coding.modified_at,
        });
        if (memo) xml.empty('NoteRef', { targetGUID: memo });
        xml.close('PlainTextSelection');
      }
      const memo = note(`document:${document.id}`, document.title, document.memo, {
        created: document.created_at,
        modified: document.modified_at,
      });
      if (memo) xml.empty('NoteRef', { targetGUID: memo });
      writeValues(documentValues.get(document.id) ?? {}, 'document');
      xml.close('TextSource');
    }
    xml.close('Sources');
  }
  if (notes.length) {
    xml.open('Notes');
    for (const entry of notes) {
      xml.open('Note', {
        guid: entry.guid,
        name: entry.name,
        creationDateTime: entry.created,
        modifiedDateTime: entry.modified,
      });
      xml.text('PlainTextContent', entry.text);
      xml.close('Note');
    }
    xml.close('Notes');
  }
  if (project.description) xml.text('Description', project.description);
  xml.close('Project');

  qde.add(Buffer.from(xml.toString(), 'utf8'), true);
  files['project.qde'] = qde.packed();
  files[AXIAL_EXTENSION_PATH] = extension;
  const notExported = notCarried(db);
  return { bytes: await zipFiles(files), notExported };
}

/** Axial's side file: what the standard has no place for, read back by Axial only. */
function axialExtension(
  documents: DocumentRow[],
  participants: { id: string; caseId: string | null }[],
  entities: { id: string; memo: string }[],
  attributes: AttributeDefinition[],
): Uint8Array {
  const extension: AxialExtension = {
    format: 'axial-refi-extension',
    version: 1,
    participants: Object.fromEntries(
      participants.map((row) => [
        asGuid(row.id),
        { caseGuid: row.caseId ? asGuid(row.caseId) : null },
      ]),
    ),
    entityMemos: Object.fromEntries(
      entities.filter((row) => row.memo).map((row) => [asGuid(row.id), row.memo]),
    ),
    variables: Object.fromEntries(
      attributes.map((attribute) => [
        asGuid(attribute.id),
        {
          name: attribute.name,
          entityKind: attribute.entityKind,
          type: attribute.type,
          unit: attribute.unit,
          choices: attribute.choices,
        },
      ]),
    ),
    // Filled in below from the stored JSON text, without parsing and re-serialising it.
    sources: {},
  };
  const sourcesJson = documents
    .map(
      (document) =>
        `${JSON.stringify(asGuid(document.id))}:{"kind":${JSON.stringify(document.kind)},"content":${document.content}}`,
    )
    .join(',');
  return strToU8(JSON.stringify(extension).replace(/"sources":\{\}/, `"sources":{${sourcesJson}}`));
}

/** What the project holds that the standard has no place for, to tell the researcher. */
function notCarried(db: Db): NotCarriedByRefi[] {
  const has = (sql: string) => (db.prepare(sql).get() as { found: number }).found > 0;
  const result: NotCarriedByRefi[] = [];
  if (has('SELECT COUNT(*) AS found FROM guide')) result.push('guides');
  if (has('SELECT COUNT(*) AS found FROM answer')) result.push('answers');
  if (has('SELECT COUNT(*) AS found FROM rating')) result.push('ratings');
  if (has("SELECT COUNT(*) AS found FROM matrix_summary WHERE summary <> ''"))
    result.push('matrixSummaries');
  if (
    has(
      "SELECT COUNT(*) AS found FROM chart_setting WHERE x_code_id IS NOT NULL OR y_code_id IS NOT NULL OR quadrants NOT IN ('', '[]')",
    )
  )
    result.push('chart');
  return result;
}
