import { AxialError } from '../../shared/errors';
import type { Typology, TypologyRow } from '../../shared/typology';
import { shortCaseLabels } from '../../shared/typology';
import { listCases } from './cases';
import { listCodes } from './codes';
import type { Db } from './database';
import { listPassages } from './passages';
import { listQuotations } from './quotations';

/**
 * A part of the codebook as the article's typology: a row per sub-code of
 * the chosen code (the code itself when it has none), each counting the
 * passages of its own subtree, the cases they come from and their key
 * quotations; and the presence of each row's code in each case. Counted
 * from the codings as they are, as Passages finds them.
 */
export function typologyOf(db: Db, codeId: string): Typology {
  const codes = listCodes(db, { counts: false });
  const chosen = codes.find((code) => code.id === codeId);
  if (!chosen) throw new AxialError('not_found', 'This code is no longer in the codebook.');
  const children = codes
    .filter((code) => code.parentId === codeId)
    .sort((a, b) => a.position - b.position);
  const ownCodings = Number(
    db.prepare('SELECT COUNT(*) FROM coding WHERE code_id = ?').pluck().get(codeId),
  );
  // Passages coded with the chosen code itself have a row of their own, never left out.
  const rowCodes = children.length ? [...children, ...(ownCodings ? [chosen] : [])] : [chosen];
  const parentOf = new Map(codes.map((code) => [code.id, code.parentId]));
  /** The row a coding's code counts in: the row code it is, or lies under. */
  const rowOf = (id: string): string | null => {
    for (let current: string | null | undefined = id; current; current = parentOf.get(current))
      if (rowCodes.some((row) => row.id === current)) return current;
    return null;
  };
  const cases = listCases(db);
  const labels = shortCaseLabels(cases.map((found) => found.name));
  const caseOrder = new Map(cases.map((found, index) => [found.id, index]));
  const presence: Record<string, Record<string, number>> = {};
  const passages = new Map<string, number>();
  const seen = new Set<string>();
  for (const row of rowCodes) {
    presence[row.id] = {};
    passages.set(row.id, 0);
  }
  for (const passage of listPassages(db, { codeIds: [codeId] }, 'bare')) {
    const row = rowOf(passage.coding.codeId);
    if (!row) continue;
    const words = `${row} ${passage.coding.documentId} ${passage.coding.start} ${passage.coding.end}`;
    if (seen.has(words)) continue;
    seen.add(words);
    passages.set(row, passages.get(row)! + 1);
    for (const caseId of passage.caseIds)
      presence[row]![caseId] = (presence[row]![caseId] ?? 0) + 1;
  }
  const quotations = listQuotations(db);
  const rows: TypologyRow[] = rowCodes.map((code) => ({
    codeId: code.id,
    name: code.name,
    definition: code.description,
    own: code.id === codeId && children.length > 0,
    caseIds: Object.keys(presence[code.id]!).sort(
      (a, b) => (caseOrder.get(a) ?? 0) - (caseOrder.get(b) ?? 0),
    ),
    passages: passages.get(code.id)!,
    quotations: quotations.filter((quotation) => rowOf(quotation.codeId) === code.id),
  }));
  const documented = new Set(
    db
      .prepare(
        `SELECT case_id FROM document_case
         UNION SELECT p.case_id FROM participant p JOIN document_participant d ON d.participant_id = p.id
         WHERE p.case_id IS NOT NULL`,
      )
      .pluck()
      .all() as string[],
  );
  return {
    codeId,
    rows,
    cases: cases.map((found, index) => ({ id: found.id, name: found.name, label: labels[index]! })),
    presence,
    withoutDocuments: cases.filter((found) => !documented.has(found.id)).map((found) => found.id),
  };
}
