import type { CodedSpan, Resolution } from '../../shared/agreement/disagreements';
import { disagreementsIn, resolvedSpans } from '../../shared/agreement/disagreements';
import type { Disagreements } from '../../shared/agreement/report';
import { AxialError } from '../../shared/errors';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { now } from './clock';
import { listCodes } from './codes';
import type { Db } from './database';
import { getDocumentText } from './documents';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow } from './journal';
import type { AgreementRequest } from './agreement';
import { checkCoders, comparedDocuments, pathFinder } from './agreement';

/** A passage's words as the list shows them: a long one by its start and end. */
const EXCERPT = 400;

function excerpt(text: string, start: number, end: number): string {
  if (end - start <= EXCERPT) return sliceCodePoints(text, start, end);
  const half = EXCERPT / 2;
  return `${sliceCodePoints(text, start, start + half)} … ${sliceCodePoints(text, end - half, end)}`;
}

/**
 * Where the two coders disagree, document by document in the list's order
 * and code by code in the codebook's: at most `limit` of them, and how many
 * there are.
 */
export function listDisagreements(
  db: Db,
  request: AgreementRequest & { codeId?: string; limit: number },
): Disagreements {
  const [first, second] = request.coders;
  checkCoders(db, request);
  const documents = comparedDocuments(db, request);
  const codes = listCodes(db, { counts: false });
  const order = new Map(codes.map((code, index) => [code.id, index]));
  const byId = new Map(codes.map((code) => [code.id, code]));
  const pathOf = pathFinder(codes);
  const select = db.prepare(
    `SELECT id, code_id, coder, start, "end" FROM coding
     WHERE document_id = ? AND coder IN (?, ?) AND (? IS NULL OR code_id = ?)`,
  );
  const items: Disagreements['items'] = [];
  let total = 0;
  for (const document of documents) {
    const byCode = new Map<string, { first: CodedSpan[]; second: CodedSpan[] }>();
    const rows = select.all(
      document.id,
      first,
      second,
      request.codeId ?? null,
      request.codeId ?? null,
    ) as { id: string; code_id: string; coder: string; start: number; end: number }[];
    for (const row of rows) {
      let sides = byCode.get(row.code_id);
      if (!sides) byCode.set(row.code_id, (sides = { first: [], second: [] }));
      sides[row.coder === first ? 'first' : 'second'].push({
        id: row.id,
        start: row.start,
        end: row.end,
      });
    }
    const found = [...byCode]
      .sort(([left], [right]) => (order.get(left) ?? 0) - (order.get(right) ?? 0))
      .flatMap(([codeId, sides]) =>
        disagreementsIn(sides.first, sides.second, request.threshold).map((cluster) => ({
          codeId,
          cluster,
        })),
      );
    total += found.length;
    if (items.length >= request.limit || found.length === 0) continue;
    const { text } = getDocumentText(db, document.id);
    for (const { codeId, cluster } of found.slice(0, request.limit - items.length)) {
      const code = byId.get(codeId);
      items.push({
        documentId: document.id,
        documentTitle: document.title,
        codeId,
        codePath: pathOf(codeId),
        colour: code?.colour ?? '',
        start: cluster.start,
        end: cluster.end,
        first: cluster.first.map((span) => ({
          ...span,
          text: excerpt(text, span.start, span.end),
        })),
        second: cluster.second.map((span) => ({
          ...span,
          text: excerpt(text, span.start, span.end),
        })),
      });
    }
  }
  return { total, items };
}

export interface ResolveRequest {
  coders: readonly [string, string];
  documentId: string;
  codeId: string;
  /** The disagreement's codings, as listed: if they changed since, nothing is done. */
  codingIds: readonly string[];
  resolution: Resolution;
}

/**
 * Settles one disagreement: both coders end with the same codings there (the
 * first's, the second's, both's, one passage over all the words, or none: a
 * coding one coder alone made, removed), a coding already right kept as it is
 * with its memo. One undo step.
 */
export function resolveDisagreement(db: Db, changes: ChangeSet, request: ResolveRequest): void {
  const [first, second] = request.coders;
  const ids = [...new Set(request.codingIds)];
  const rows = db
    .prepare(
      `SELECT id, document_id, code_id, coder, start, "end" FROM coding
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    id: string;
    document_id: string;
    code_id: string;
    coder: string;
    start: number;
    end: number;
  }[];
  const changed = () =>
    new AxialError(
      'out_of_date',
      'These passages changed since the list was made (coded, edited or undone). The list is up to date again: choose once more.',
      { reason: 'disagreementChanged' },
    );
  if (
    rows.length !== ids.length ||
    rows.some(
      (row) =>
        row.document_id !== request.documentId ||
        row.code_id !== request.codeId ||
        (row.coder !== first && row.coder !== second),
    )
  )
    throw changed();
  const side = (coder: string) =>
    rows.filter((row) => row.coder === coder).map(({ id, start, end }) => ({ id, start, end }));
  const cluster = {
    start: Math.min(...rows.map((row) => row.start)),
    end: Math.max(...rows.map((row) => row.end)),
    first: side(first),
    second: side(second),
  };
  // Another coding of theirs on these words that the list did not name: the list is stale.
  const others = db
    .prepare(
      `SELECT COUNT(*) FROM coding WHERE document_id = ? AND code_id = ? AND coder IN (?, ?)
       AND start < ? AND "end" > ? AND id NOT IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(
      request.documentId,
      request.codeId,
      first,
      second,
      cluster.end,
      cluster.start,
      JSON.stringify(ids),
    ) as number;
  if (others > 0) throw changed();
  const target = resolvedSpans(cluster, request.resolution);
  const timestamp = now();
  for (const [coder, held] of [
    [first, cluster.first],
    [second, cluster.second],
  ] as const) {
    const wanted = new Set(target.map((span) => `${span.start}:${span.end}`));
    const kept = new Set<string>();
    for (const span of held) {
      const key = `${span.start}:${span.end}`;
      if (wanted.has(key) && !kept.has(key)) kept.add(key);
      else deleteRow(db, changes, 'coding', span.id);
    }
    for (const span of target) {
      if (kept.has(`${span.start}:${span.end}`)) continue;
      insertRow(db, changes, 'coding', {
        id: crypto.randomUUID(),
        document_id: request.documentId,
        code_id: request.codeId,
        start: span.start,
        end: span.end,
        memo: '',
        coder,
        created_at: timestamp,
        modified_at: timestamp,
      });
    }
  }
}
