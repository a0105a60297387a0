import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { randomUUID } from 'node:crypto';
import type { AttributeType, EntityKind } from '../../../shared/cases';
import { documentFromJson } from '../../../shared/editor/schema';
import type { DocumentJson } from '../../../shared/editor/schema';
import { AxialError } from '../../../shared/errors';
import type { ExchangeImportReport, OffsetCounting } from '../../../shared/exchange';
import { MEMO_LIMIT, VALUE_LIMIT } from '../../../shared/limits';
import { paletteColour } from '../../../shared/palette';
import { setAttributeValue } from '../../store/attributes';
import { now } from '../../store/clock';
import type { Db } from '../../store/database';
import { createDocument } from '../../store/documents';
import type { DerivedText } from '../../store/documentText';
import { deriveText } from '../../store/documentText';
import { ChangeSet, insertRow } from '../../store/journal';
import { statement } from '../../store/statements';
import { cancelledError, yieldToEventLoop } from '../../api/jobs';
import type { ArchiveEntries } from './archive';
import { findEntry, readArchive } from './archive';
import type { AxialExtension } from './axialExtension';
import { AXIAL_EXTENSION_PATH } from './axialExtension';
import { axialExtensionSchema } from './axialExtensionSchema';
import { decideCounting, SourceText } from './countings';
import type { LabelledText } from './labelledText';
import { fromLabelled, labelText, turnsFromLabels } from './labelledText';
import { derivedGuid } from './guid';
import type { RefiCode, RefiProject, RefiSource, RefiValueType } from './model';
import { decodeXml, parseProjectXml, ReadNotes } from './parseXml';

const RFC_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const typeOfVariable: Record<RefiValueType, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'date',
};

/** Reads a .qdpx: its archive checked, its .qde parsed, Axial's side file read if it is one. */
export function readProjectArchive(
  bytes: Uint8Array,
  fileName: string,
): { archive: ArchiveEntries; project: RefiProject; extension: AxialExtension | null } {
  const archive = readArchive(bytes, fileName);
  // The standard names it project.qde; some programs write another name, at the top level.
  const qde =
    findEntry(archive, 'project.qde') ??
    [...archive.files].find(([name]) => /^[^/\\]+\.qde$/i.test(name))?.[1];
  if (!qde)
    throw new AxialError(
      'invalid_file',
      `"${fileName}" is not a REFI-QDA project: it holds no project.qde.`,
      { file: fileName, reason: 'notQdpx' },
    );
  const project = parseProjectXml(decodeXml(qde), fileName);
  let extension: AxialExtension | null = null;
  const side = findEntry(archive, AXIAL_EXTENSION_PATH);
  if (side) {
    try {
      const parsed = axialExtensionSchema.safeParse(JSON.parse(new TextDecoder().decode(side)));
      if (parsed.success) extension = parsed.data;
    } catch {
      // Not Axial's: ignored, like any file the standard does not name.
    }
  }
  return { archive, project, extension };
}

/**
 * A source file's text exactly as written, line breaks included: selections
 * may count a CRLF as two characters, so it is normalised only after they are placed.
 */
function decodeSourceText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function sourceText(archive: ArchiveEntries, source: RefiSource): string | null {
  const path = source.plainTextPath;
  if (path) {
    const internal = /^internal:\/\/(.+)$/i.exec(path.trim());
    if (internal) {
      const bytes = findEntry(archive, `sources/${internal[1]}`);
      if (bytes) return decodeSourceText(bytes);
    }
  }
  return source.plainTextContent;
}

/** One line, one paragraph: the plain text stays exactly the source's, so its offsets hold. */
function paragraphsOf(text: string): DocumentJson {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line
          ? { type: 'paragraph', content: [{ type: 'text', text: line }] }
          : { type: 'paragraph' },
      ),
  };
}

/** A source as Axial stores it: its editor document, and how the file's positions map to its text. */
interface PlacedSource {
  content: DocumentJson;
  /** Null when the file's text is the document's text itself. */
  layout: LabelledText | null;
  /** The document parsed and its text derived, when they were needed to place it. */
  parsed?: { doc: ProseMirrorNode; derived: DerivedText };
}

/**
 * The editor document Axial exported, if the source's text is still exactly
 * what it wrote: with its turns written in (this version), or without.
 */
function axialSource(
  extension: AxialExtension | null,
  guid: string,
  text: string,
): PlacedSource | null {
  const content = extension?.sources[guid]?.content;
  if (!content) return null;
  try {
    const doc = documentFromJson(content);
    const derived = deriveText(doc);
    const parsed = { doc, derived };
    const json = doc.toJSON() as DocumentJson;
    if (derived.index.text === text) return { content: json, layout: null, parsed };
    const layout = labelText(derived.index);
    return layout.text === text ? { content: json, layout, parsed } : null;
  } catch {
    return null;
  }
}

/** A source from another program: turns read from its labels when it has them, else one paragraph a line. */
function foreignSource(text: string): PlacedSource {
  const turns = turnsFromLabels(text);
  return turns
    ? { content: turns.content, layout: turns.layout }
    : { content: paragraphsOf(text), layout: null };
}

/** A name not yet used among `taken` (compared without case), by adding " (2)", " (3)"… */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let number = 2; taken.has(candidate.toLowerCase()); number += 1)
    candidate = `${name} (${number})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes a parsed REFI-QDA project into a new, empty Axial project, in one
 * transaction: a failure leaves nothing behind. Selections are placed with
 * the character counting decided for the file (see `decideCounting`).
 */
export interface ImportHooks {
  /** The counting the researcher chose, instead of deciding it from the file. */
  counting?: OffsetCounting;
  /** After each source: how many of how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked between sources; true rolls everything back. */
  isCancelled?: () => boolean;
}

export async function importProjectInto(
  db: Db,
  read: { archive: ArchiveEntries; project: RefiProject; extension: AxialExtension | null },
  coder: string,
  hooks: ImportHooks = {},
): Promise<ExchangeImportReport> {
  const { archive, project, extension } = read;
  const warnings = new ReadNotes();
  // What reading the file left out or shortened comes first in the report.
  for (const warning of project.warnings) warnings.add(warning.kind, warning.item);
  // A new project: its creation is not something to undo, so the journal is not kept.
  const changes = new ChangeSet('importDocument');
  const timestamp = now();
  const usedIds = new Set<string>();
  const idFor = (guid: string, ...salt: string[]) => {
    let id = guid;
    // Ids must be RFC 9562 UUIDs for the API to accept them later; some programs write looser GUIDs.
    if (usedIds.has(id) || !RFC_UUID.test(id))
      id = derivedGuid(guid, ...salt, String(usedIds.size));
    usedIds.add(id);
    return id;
  };
  const noteText = (guids: readonly string[]) =>
    warnings.within(
      guids
        .map((guid) => project.notes.get(guid)?.text.trim() ?? '')
        .filter(Boolean)
        .join('\n\n'),
      MEMO_LIMIT,
    );

  // One transaction over the whole import, kept open across the pauses that let
  // progress and cancel through: the new project's file has no other writer.
  db.exec('BEGIN IMMEDIATE');
  try {
    db.prepare(
      'UPDATE project SET title = ?, description = ?, modified_at = ? WHERE singleton = 1',
    ).run(project.name, project.description, timestamp);

    // Codes, keeping their GUIDs; a code with codings can be applied, whatever the file says.
    const coded = new Set<string>();
    for (const source of project.sources) {
      for (const coding of source.codings) coded.add(coding.codeGuid);
      for (const selection of source.selections)
        for (const coding of selection.codings) coded.add(coding.codeGuid);
    }
    const codeIds = new Map<string, string>();
    let codeCount = 0;
    const insertCodes = (codes: readonly RefiCode[], parentId: string | null) => {
      const taken = new Set<string>();
      codes.forEach((code, position) => {
        const name = freeName(code.name, taken);
        if (name !== code.name) warnings.add('duplicateName', code.name);
        const id = idFor(code.guid, 'code');
        codeIds.set(code.guid, id);
        const memo = noteText(code.noteGuids);
        insertRow(db, changes, 'code', {
          id,
          parent_id: parentId,
          name,
          colour: code.colour ?? paletteColour(codeCount),
          description: code.description,
          memo,
          codable: code.codable || coded.has(code.guid) ? 1 : 0,
          position,
          created_at: timestamp,
          modified_at: timestamp,
        });
        codeCount += 1;
        insertCodes(code.children, id);
      });
    };
    insertCodes(project.codes, null);

    // Sources: their texts, then the counting their selections were made with.
    const texts = new Map<string, SourceText>();
    for (const source of project.sources) {
      if (source.kind !== 'text') {
        warnings.add('unsupportedSource', source.name);
        continue;
      }
      const text = sourceText(archive, source);
      if (text === null) {
        warnings.add('missingSource', source.name);
        continue;
      }
      // Axial's own sources are taken exactly as it wrote them.
      texts.set(source.guid, new SourceText(text.replace(/^\ufeff/, ''), extension !== null));
    }
    const decision = decideCounting(
      project.sources
        .filter((source) => texts.has(source.guid))
        .map((source) => ({ text: texts.get(source.guid)!, selections: source.selections })),
      { axial: extension !== null, origin: project.origin, chosen: hooks.counting ?? null },
    );
    const counting = decision?.counting ?? null;

    const documentIds = new Map<string, string>();
    const insertCoding = db.prepare(
      `INSERT INTO coding (id, document_id, code_id, start, "end", memo, coder, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let codings = 0;
    let sourcesDone = 0;
    for (const source of project.sources) {
      const text = texts.get(source.guid);
      if (!text) continue;
      const id = idFor(source.guid, 'source');
      const kind = extension?.sources[source.guid]?.kind ?? 'transcript';
      const placed = axialSource(extension, source.guid, text.text) ?? foreignSource(text.text);
      const stored = (position: number, side: 'start' | 'end') =>
        placed.layout ? fromLabelled(placed.layout, position, side) : position;
      createDocument(db, changes, {
        id,
        kind,
        title: source.name,
        content: placed.content,
        ...(placed.parsed ? { parsed: placed.parsed } : {}),
        sourceName: source.name,
      });
      statement(
        db,
        'UPDATE document SET description = ?, memo = ?, created_at = ?, modified_at = ? WHERE id = ?',
      ).run(
        source.description,
        noteText(source.noteGuids),
        source.created ?? timestamp,
        source.modified ?? source.created ?? timestamp,
        id,
      );
      documentIds.set(source.guid, id);
      // The length of the text as stored, derived once by createDocument.
      const { length: storedLength } = statement(
        db,
        'SELECT length FROM document WHERE id = ?',
      ).get(id) as { length: number };

      const done = new Set<string>();
      const place = (
        selectionGuid: string,
        index: number,
        start: number,
        end: number,
        coding: {
          codeGuid: string;
          userGuid: string | null;
          created: string | null;
          noteGuids: string[];
        },
        extraNotes: readonly string[],
        description = '',
      ) => {
        const codeId = codeIds.get(coding.codeGuid);
        if (!codeId) {
          warnings.add('unknownCode', source.name);
          return;
        }
        const created = coding.created ?? timestamp;
        const userGuid = coding.userGuid;
        const codingCoder = (userGuid && project.users.get(userGuid)) || coder;
        // Once per code and coder on the same words: two users' selections of them are both kept.
        const key = `${codeId}\u0000${codingCoder}\u0000${start}\u0000${end}`;
        if (done.has(key)) return;
        done.add(key);
        insertCoding.run(
          idFor(index === 0 ? selectionGuid : derivedGuid(selectionGuid, String(index)), 'coding'),
          id,
          codeId,
          start,
          end,
          // A memo written both as the selection's description and as its note comes in once.
          description || extraNotes.length || coding.noteGuids.length
            ? [...new Set([description.trim(), noteText(extraNotes), noteText(coding.noteGuids)])]
                .filter(Boolean)
                .join('\n\n')
            : '',
          codingCoder,
          created,
          created,
        );
        codings += 1;
      };
      for (const selection of source.selections) {
        const from = counting ? text.offset(counting, selection.start) : null;
        const to = counting ? text.offset(counting, selection.end) : null;
        const start = from === null ? null : stored(from, 'start');
        const end = to === null ? null : Math.min(stored(to, 'end'), storedLength);
        if (start === null || end === null || end <= start) {
          warnings.add('selectionOutside', source.name);
          continue;
        }
        selection.codings.forEach((coding, index) =>
          place(
            selection.guid,
            index,
            start,
            end,
            coding,
            index === 0 ? selection.noteGuids : [],
            index === 0 ? selection.description : '',
          ),
        );
      }
      if (storedLength > 0)
        source.codings.forEach((coding, index) =>
          place(source.guid, index + 1, 0, storedLength, coding, []),
        );
      sourcesDone += 1;
      hooks.onProgress?.(sourcesDone, texts.size);
      await yieldToEventLoop();
      if (hooks.isCancelled?.()) throw cancelledError();
    }

    // Variables become attributes of the kind of entity that holds their values.
    const attributeIds = new Map<string, string>();
    const kindsOf = (guid: string): EntityKind[] => {
      const known = extension?.variables[guid];
      if (known) return [known.entityKind];
      const kinds = new Set<EntityKind>();
      for (const entry of project.cases)
        if (entry.values.some((value) => value.variableGuid === guid))
          kinds.add(extension?.participants[entry.guid] ? 'participant' : 'case');
      for (const source of project.sources)
        if (source.values.some((value) => value.variableGuid === guid)) kinds.add('document');
      return kinds.size ? [...kinds] : ['case'];
    };
    const takenAttributes = new Map<EntityKind, Set<string>>();
    const positions = new Map<EntityKind, number>();
    for (const variable of project.variables) {
      const known = extension?.variables[variable.guid];
      for (const entityKind of kindsOf(variable.guid)) {
        const taken = takenAttributes.get(entityKind) ?? new Set<string>();
        takenAttributes.set(entityKind, taken);
        const type = known?.type ?? typeOfVariable[variable.type];
        const id = idFor(variable.guid, 'variable', entityKind);
        const position = positions.get(entityKind) ?? 0;
        positions.set(entityKind, position + 1);
        insertRow(db, changes, 'attribute', {
          id,
          entity_kind: entityKind,
          name: freeName(known?.name ?? variable.name, taken),
          type,
          unit: type === 'number' ? (known?.unit ?? (variable.description.trim() || null)) : null,
          choices: JSON.stringify(type === 'choice' ? (known?.choices ?? []) : []),
          position,
          created_at: timestamp,
          modified_at: timestamp,
        });
        attributeIds.set(`${variable.guid}:${entityKind}`, id);
      }
    }
    const variableNames = new Map(
      project.variables.map((variable) => [variable.guid, variable.name]),
    );
    const setValues = (
      entityKind: EntityKind,
      entityId: string,
      values: readonly { variableGuid: string; type: RefiValueType; value: string }[],
    ) => {
      for (const value of values) {
        const attributeId = attributeIds.get(`${value.variableGuid}:${entityKind}`);
        if (!attributeId || value.value === '') continue;
        const input = value.type === 'DateTime' ? value.value.slice(0, 10) : value.value;
        if (input.length > VALUE_LIMIT) {
          warnings.add('badValue', variableNames.get(value.variableGuid) ?? value.variableGuid);
          continue;
        }
        try {
          setAttributeValue(db, changes, attributeId, entityId, input);
        } catch (error) {
          if (!(error instanceof AxialError)) throw error;
          warnings.add('badValue', variableNames.get(value.variableGuid) ?? value.variableGuid);
        }
      }
    };
    for (const source of project.sources) {
      const id = documentIds.get(source.guid);
      if (id) setValues('document', id, source.values);
    }

    // Cases, and the cases Axial exported as its participants.
    const takenCases = new Set<string>();
    const takenParticipants = new Set<string>();
    const caseIds = new Map<string, string>();
    let cases = 0;
    let participants = 0;
    const ordered = [...project.cases].sort(
      (a, b) =>
        Number(!!extension?.participants[a.guid]) - Number(!!extension?.participants[b.guid]),
    );
    for (const entry of ordered) {
      const participant = extension?.participants[entry.guid];
      const table = participant ? 'participant' : 'study_case';
      const taken = participant ? takenParticipants : takenCases;
      const name = freeName(entry.name, taken);
      if (name !== entry.name) warnings.add('duplicateName', entry.name);
      const id = idFor(entry.guid, table);
      insertRow(db, changes, table, {
        id,
        name,
        ...(participant
          ? { case_id: participant.caseGuid ? (caseIds.get(participant.caseGuid) ?? null) : null }
          : {}),
        description: entry.description,
        memo: extension?.entityMemos[entry.guid] ?? '',
        position: participant ? participants : cases,
        created_at: timestamp,
        modified_at: timestamp,
      });
      if (participant) participants += 1;
      else {
        cases += 1;
        caseIds.set(entry.guid, id);
      }
      setValues(participant ? 'participant' : 'case', id, entry.values);
      const linkTable = participant ? 'document_participant' : 'document_case';
      const column = participant ? 'participant_id' : 'case_id';
      for (const sourceGuid of new Set(entry.sourceGuids)) {
        const documentId = documentIds.get(sourceGuid);
        if (documentId)
          insertRow(db, changes, linkTable, {
            id: randomUUID(),
            document_id: documentId,
            [column]: id,
          });
      }
    }

    const report: ExchangeImportReport = {
      sources: documentIds.size,
      codes: codeCount,
      codings,
      cases,
      participants,
      variables: attributeIds.size,
      notes: project.notes.size,
      counting: decision,
      warnings: warnings.warnings,
    };
    db.exec('COMMIT');
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
