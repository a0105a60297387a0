import type { AttributeDefinition, AttributeValue, EntityKind } from '../../../shared/cases';
import type { CodeNode } from '../../../shared/documents';
import type { DatasetScope } from '../../../shared/exchange';
import { listAttributes, valuesByEntity } from '../../store/attributes';
import { listCases, listParticipants } from '../../store/cases';
import { listCodes } from '../../store/codes';
import { guideItems, listGuides } from '../../store/guides';
import type { Db } from '../../store/database';
import { listPassages } from '../../store/passages';

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

/** One row per coding in the scope, in document order, with every attribute of its case, participant and document. */
export function passageTable(db: Db, scope: DatasetScope): PassageTable {
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
  const answersOf = db.prepare(
    'SELECT item_id FROM answer WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start',
  );

  const passages = listPassages(db, {
    ...(scope.codeIds?.length ? { codeIds: scope.codeIds } : {}),
    ...(scope.documentIds?.length ? { documentIds: scope.documentIds } : {}),
    ...(scope.caseIds?.length ? { caseIds: scope.caseIds } : {}),
  });
  const rows = passages.map((passage): PassageRow => {
    const { coding } = passage;
    const path = codeAncestry(byId, coding.codeId);
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
    const answered = (
      answersOf.all(coding.documentId, coding.end, coding.start) as { item_id: string }[]
    )
      .map((answer) => questions.get(answer.item_id))
      .filter((question): question is string => question !== undefined);
    return {
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
      axis: path[0]?.name ?? '',
      variable: path.length > 2 ? path[1]!.name : null,
      codePath: path.map((code) => code.name).join(' / '),
      code: path[path.length - 1]?.name ?? '',
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
  });
  return { attributes, codes, rows };
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
