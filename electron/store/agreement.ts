import { computeAgreement } from '../../shared/agreement/agreement';
import type { AgreementReport, CoderSummary } from '../../shared/agreement/report';
import type { Span } from '../../shared/agreement/units';
import { separatorsOf, unitCount } from '../../shared/agreement/units';
import type { CodeNode } from '../../shared/documents';
import { AxialError } from '../../shared/errors';
import { listCodes } from './codes';
import type { Db } from './database';
import { getDocumentText } from './documents';

export interface AgreementRequest {
  coders: readonly [string, string];
  /** The documents to compare; by default those both coders coded. */
  documentIds?: readonly string[];
  threshold: number;
}

/** Everyone who has coded in the project, by name, with how much. */
export function listCoders(db: Db): CoderSummary[] {
  return db
    .prepare(
      `SELECT coder AS name, COUNT(*) AS codings, COUNT(DISTINCT document_id) AS documents
       FROM coding GROUP BY coder ORDER BY coder COLLATE NOCASE, coder`,
    )
    .all() as CoderSummary[];
}

/**
 * Agreement between two coders over the documents both coded (or those
 * chosen), per code either of them applied, in the codebook's order.
 */
export function agreementBetween(db: Db, request: AgreementRequest): AgreementReport {
  const [first, second] = request.coders;
  checkCoders(db, request);
  const documents = comparedDocuments(db, request);

  const spans = new Map(
    documents.map((document) => [
      document.id,
      {
        first: new Map<string, Span[]>(),
        second: new Map<string, Span[]>(),
        codings: [0, 0] as [number, number],
      },
    ]),
  );
  const used = new Set<string>();
  const rows = db
    .prepare(
      `SELECT document_id, code_id, coder, start, "end" FROM coding
       WHERE coder IN (?, ?) AND document_id IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .all(first, second, JSON.stringify(documents.map((document) => document.id))) as [
    string,
    string,
    string,
    number,
    number,
  ][];
  for (const [documentId, codeId, coder, start, end] of rows) {
    const sides = spans.get(documentId)!;
    sides.codings[coder === first ? 0 : 1] += 1;
    const side = sides[coder === first ? 'first' : 'second'];
    let list = side.get(codeId);
    if (!list) side.set(codeId, (list = []));
    list.push({ start, end });
    used.add(codeId);
  }

  const codes = listCodes(db, { counts: false });
  const pathOf = pathFinder(codes);
  const reported = codes.filter((code) => used.has(code.id));
  // Paragraph separators are no unit: nobody codes a line break.
  const separators = new Map(
    documents.map((document) => [document.id, separatorsOf(getDocumentText(db, document.id).text)]),
  );
  const result = computeAgreement({
    documents: documents.map((document) => ({
      id: document.id,
      length: document.length,
      separators: separators.get(document.id)!,
      first: spans.get(document.id)!.first,
      second: spans.get(document.id)!.second,
    })),
    codeIds: reported.map((code) => code.id),
    threshold: request.threshold,
  });
  return {
    coders: [first, second],
    threshold: request.threshold,
    documents: documents.map((document) => ({
      ...document,
      units: unitCount(document.length, separators.get(document.id)),
      codings: spans.get(document.id)!.codings,
    })),
    units: documents.reduce(
      (sum, document) => sum + unitCount(document.length, separators.get(document.id)),
      0,
    ),
    codes: result.codes.map((figures, index) => {
      const code = reported[index]!;
      return { ...figures, name: code.name, path: pathOf(code.id), colour: code.colour };
    }),
    overall: result.overall,
  };
}

/** The documents both coders coded, or those chosen (all of which must exist), in the list's order. */
export function comparedDocuments(
  db: Db,
  request: AgreementRequest,
): { id: string; title: string; length: number }[] {
  const [first, second] = request.coders;
  const chosen = request.documentIds ? [...new Set(request.documentIds)] : null;
  const documents = (
    chosen
      ? db
          .prepare(
            `SELECT id, title, length FROM document WHERE id IN (SELECT value FROM json_each(?))
             ORDER BY position, created_at`,
          )
          .all(JSON.stringify(chosen))
      : db
          .prepare(
            `SELECT id, title, length FROM document d
             WHERE EXISTS (SELECT 1 FROM coding WHERE document_id = d.id AND coder = ?)
               AND EXISTS (SELECT 1 FROM coding WHERE document_id = d.id AND coder = ?)
             ORDER BY position, created_at`,
          )
          .all(first, second)
  ) as { id: string; title: string; length: number }[];
  if (chosen && documents.length < chosen.length)
    throw new AxialError('not_found', 'One of the chosen documents no longer exists.', {
      reason: 'documentGone',
    });
  return documents;
}

/** Two coders, different, both with codings in the project. */
export function checkCoders(db: Db, request: Pick<AgreementRequest, 'coders'>): void {
  const [first, second] = request.coders;
  if (first === second)
    throw new AxialError('invalid_input', 'Choose two different coders to compare.', {
      reason: 'sameCoder',
    });
  const known = new Set(listCoders(db).map((coder) => coder.name));
  for (const name of request.coders)
    if (!known.has(name))
      throw new AxialError('not_found', `"${name}" has no codings in this project.`, {
        reason: 'unknownCoder',
        name,
      });
}

/** A code's names from its axis down, as reports show it. */
export function pathFinder(codes: readonly CodeNode[]): (id: string) => string[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  return (id) => {
    const path: string[] = [];
    for (let code = byId.get(id); code; code = code.parentId ? byId.get(code.parentId) : undefined)
      path.unshift(code.name);
    return path;
  };
}
