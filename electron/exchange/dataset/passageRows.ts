import type { AttributeDefinition, AttributeValue, EntityKind } from '../../../shared/cases';
import type { CodeNode } from '../../../shared/documents';
import type { DatasetScope } from '../../../shared/exchange';
import { listAttributes, valuesByEntity } from '../../store/attributes';
import { listCases, listParticipants } from '../../store/cases';
import { listCodes } from '../../store/codes';
import { guideItems, listGuides } from '../../store/guides';
import type { Db } from '../../store/database';
import { passagesIn } from '../../store/passages';

/** One coded passage with everything a statistics package needs beside it. */
export interface PassageRow {
  passageId: string;
  documentId: string;
  document: string;
  speaker: string | null;
  /** Names, joined by " | " when the passage belongs to several (a focus group without speaker match). */
  participant: string | null;
  case: string | null;
  /** The one participant and case the attribute columns describe; null when there are none or several. */
  participantId: string | null;
  caseId: string | null;
  participantIds: string[];
  caseIds: string[];
  axis: string;
  variable: string | null;
  codePath: string;
  code: string;
  codeId: string;
  text: string;
  start: number;
  end: number;
  guideQuestion: string | null;
  coder: string;
  memo: string;
  createdAt: string;
  modifiedAt: string;
  attributes: Record<string, AttributeValue | null>;
}

export interface PassageTable {
  attributes: AttributeDefinition[];
  codes: CodeNode[];
  rows: PassageRow[];
}

/** The codes from the root down to `id`. */
export function codeAncestry(byId: Map<string, CodeNode>, id: string): CodeNode[] {
  const path: CodeNode[] = [];
  let current = byId.get(id);
  while (current) {
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/**
 * One row per coding in the scope, in document order, with every attribute of
 * its case, participant and document; made one at a time, as a file is
 * written, so that 50,000 are not held at once unless the caller keeps them.
 */
export function passageRowsIn(
  db: Db,
  scope: DatasetScope,
): Omit<PassageTable, 'rows'> & { rows: Iterable<PassageRow> } {
  const codes = listCodes(db, { counts: false });
  const byId = new Map(codes.map((code) => [code.id, code]));
  // Columns from the widest entity to the narrowest: case, participant, document.
  const kindOrder: EntityKind[] = ['case', 'participant', 'document'];
  const attributes = listAttributes(db).sort(
    (a, b) =>
      kindOrder.indexOf(a.entityKind) - kindOrder.indexOf(b.entityKind) || a.position - b.position,
  );
  const values: Record<EntityKind, Map<string, Record<string, AttributeValue>>> = {
    case: valuesByEntity(db, 'case'),
    participant: valuesByEntity(db, 'participant'),
    document: valuesByEntity(db, 'document'),
  };
  const caseNames = new Map(listCases(db).map((row) => [row.id, row.name]));
  const participantNames = new Map(listParticipants(db).map((row) => [row.id, row.name]));
  const questions = guideQuestions(db);
  // A document's answers read once, not once per coding: a guide has tens of questions.
  const answersOf = answersByDocument(db);
  const ancestry = new Map<
    string,
    { axis: string; variable: string | null; codePath: string; code: string }
  >();
  const namesOf = (codeId: string) => {
    let names = ancestry.get(codeId);
    if (!names) {
      const path = codeAncestry(byId, codeId);
      names = {
        axis: path[0]?.name ?? '',
        variable: path.length > 2 ? path[1]!.name : null,
        codePath: path.map((code) => code.name).join(' / '),
        code: path[path.length - 1]?.name ?? '',
      };
      ancestry.set(codeId, names);
    }
    return names;
  };

  const passages = passagesIn(
    db,
    {
      ...(scope.codeIds?.length ? { codeIds: scope.codeIds } : {}),
      ...(scope.documentIds?.length ? { documentIds: scope.documentIds } : {}),
      ...(scope.caseIds?.length ? { caseIds: scope.caseIds } : {}),
    },
    'bare',
  );
  function* rows(): Generator<PassageRow> {
    for (const passage of passages) {
      const { coding } = passage;
      const names = namesOf(coding.codeId);
      const participantId = passage.participantIds.length === 1 ? passage.participantIds[0]! : null;
      const caseId = passage.caseIds.length === 1 ? passage.caseIds[0]! : null;
      const own: Record<EntityKind, string | null> = {
        case: caseId,
        participant: participantId,
        document: coding.documentId,
      };
      const attributeValues: Record<string, AttributeValue | null> = {};
      for (const attribute of attributes) {
        const entityId = own[attribute.entityKind];
        attributeValues[attribute.id] = entityId
          ? (values[attribute.entityKind].get(entityId)?.[attribute.id] ?? null)
          : null;
      }
      const answered: string[] = [];
      for (const answer of answersOf.get(coding.documentId) ?? []) {
        if (answer.start >= coding.end || answer.end <= coding.start) continue;
        const question = questions.get(answer.itemId);
        if (question !== undefined) answered.push(question);
      }
      yield {
        passageId: coding.id,
        documentId: coding.documentId,
        document: passage.documentTitle,
        speaker: passage.speaker,
        participant: joinNames(passage.participantIds, participantNames),
        case: joinNames(passage.caseIds, caseNames),
        participantId,
        caseId,
        participantIds: passage.participantIds,
        caseIds: passage.caseIds,
        ...names,
        codeId: coding.codeId,
        text: passage.text,
        start: coding.start,
        end: coding.end,
        guideQuestion: answered.length ? [...new Set(answered)].join(' | ') : null,
        coder: coding.coder,
        memo: coding.memo,
        createdAt: coding.createdAt,
        modifiedAt: coding.modifiedAt,
        attributes: attributeValues,
      };
    }
  }
  return { attributes, codes, rows: rows() };
}

/** Every answer of every document, by start, keyed by document. */
function answersByDocument(db: Db): Map<string, { itemId: string; start: number; end: number }[]> {
  const result = new Map<string, { itemId: string; start: number; end: number }[]>();
  const rows = db
    .prepare('SELECT document_id, item_id, start, "end" FROM answer ORDER BY document_id, start')
    .raw()
    .all() as [string, string, number, number][];
  for (const [documentId, itemId, start, end] of rows) {
    const list = result.get(documentId) ?? [];
    list.push({ itemId, start, end });
    result.set(documentId, list);
  }
  return result;
}

function joinNames(ids: readonly string[], names: Map<string, string>): string | null {
  const found = ids.map((id) => names.get(id)).filter((name): name is string => !!name);
  return found.length ? found.join(' | ') : null;
}

/** "2.1 How are decisions taken?" for every question and prompt of every guide. */
function guideQuestions(db: Db): Map<string, string> {
  const result = new Map<string, string>();
  for (const guide of listGuides(db))
    for (const item of guideItems(db, guide.id))
      if (item.kind !== 'section') result.set(item.id, `${item.number} ${item.text}`);
  return result;
}
