import type { MergeChoice, MergeSummary } from '../../shared/merge';
import type { Db } from '../store/database';
import type { MergeWrites, Row } from './mergeContext';
import { MergeContext } from './mergeContext';
import { mergeCodings, mergeDocuments } from './mergeDocuments';
import { mergeAttributes, mergeCasesAndPeople, mergeCodes, mergeValues } from './mergeEntities';

/** Their judgements of a case on a code, and their summaries of a matrix cell, where this project has none or another. */
function mergeRatingsAndSummaries(context: MergeContext, codePath: (id: string) => string[]): void {
  const scale = context.db.prepare('SELECT minimum, maximum FROM rating_scale').get() as
    { minimum: number; maximum: number } | undefined;
  const caseNames = new Map(
    (context.db.prepare('SELECT id, name FROM study_case').all() as Row[]).map((row) => [
      String(row.id),
      String(row.name),
    ]),
  );
  const existingRating = context.db.prepare(
    'SELECT * FROM rating WHERE case_id = ? AND code_id = ?',
  );
  const evidence = context.source.prepare('SELECT * FROM rating_evidence WHERE rating_id = ?');
  for (const row of context.source.prepare('SELECT * FROM rating').all() as Row[]) {
    const caseId = context.cases.get(String(row.case_id));
    const codeId = context.codes.get(String(row.code_id));
    if (!caseId || !codeId) continue;
    const name = `${caseNames.get(caseId) ?? ''} · ${codePath(String(row.code_id)).join(' › ')}`;
    const here = existingRating.get(caseId, codeId) as Row | undefined;
    if (here) {
      context.compare('rating', 'rating', name, here, row, [
        ['value', 'value'],
        ['justification', 'justification'],
      ]);
      continue;
    }
    if (context.deletedHere('rating', row.id)) continue;
    const value = Number(row.value);
    if (scale && (value < scale.minimum || value > scale.maximum)) continue;
    const ratingId = context.freeId('rating', row.id);
    context.writes.insert('rating', { ...row, id: ratingId, case_id: caseId, code_id: codeId });
    context.added.ratings += 1;
    for (const link of evidence.all(row.id) as Row[]) {
      const codingId = context.codings.get(String(link.coding_id));
      if (codingId)
        context.writes.insert('rating_evidence', {
          id: context.freeId('rating_evidence', link.id),
          rating_id: ratingId,
          coding_id: codingId,
        });
    }
  }
  const rows = {
    case: context.cases,
    participant: context.participants,
    document: context.documents,
  } as Record<string, Map<string, string>>;
  const existingSummary = context.db.prepare(
    'SELECT * FROM matrix_summary WHERE row_kind = ? AND row_id = ? AND code_id = ?',
  );
  for (const row of context.source.prepare('SELECT * FROM matrix_summary').all() as Row[]) {
    const rowId = rows[String(row.row_kind)]?.get(String(row.row_id));
    const codeId = context.codes.get(String(row.code_id));
    if (!rowId || !codeId) continue;
    const here = existingSummary.get(row.row_kind, rowId, codeId) as Row | undefined;
    if (here) {
      context.compare(
        'matrix_summary',
        'summary',
        codePath(String(row.code_id)).join(' › '),
        here,
        row,
        [['summary', 'summary']],
      );
      continue;
    }
    if (context.deletedHere('matrix_summary', row.id)) continue;
    context.writes.insert('matrix_summary', {
      ...row,
      id: context.freeId('matrix_summary', row.id),
      row_id: rowId,
      code_id: codeId,
    });
    context.added.summaries += 1;
  }
}

/** Their coders' colours, for coders this project has given none (a colour here stays). */
function mergeCoderColours(context: MergeContext): void {
  const here = context.db.prepare('SELECT 1 FROM coder WHERE name = ?');
  for (const row of context.source.prepare('SELECT * FROM coder').all() as Row[]) {
    if (here.get(row.name)) continue;
    context.writes.insert('coder', { ...row, id: context.freeId('coder', row.id) });
  }
}

/** What the file holds that a merge leaves out, to say so. */
function notMerged(db: Db, source: Db): MergeSummary['notMerged'] {
  const missing = (table: string) => {
    const ids = source.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
    const here = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`);
    return ids.some((id) => !here.get(id));
  };
  return (
    [
      ['guides', 'guide'],
      ['answers', 'answer'],
      ['recordings', 'recording'],
    ] as const
  )
    .filter(([, table]) => missing(table))
    .map(([kind]) => kind);
}

/**
 * Merges a colleague's copy (`source`, read-only) into the open project `db`:
 * codebook, cases and people, attributes, documents, codings, memos, ratings
 * and summaries, matched by the ids both files share (then by names and
 * texts). Nothing here is overwritten unless `choices` takes their version of
 * a conflict. With `previewWrites` nothing is written and the summary says
 * what the merge would do.
 */
export function mergeCopy(
  db: Db,
  source: Db,
  writes: MergeWrites,
  options: { fileName: string; choices: ReadonlyMap<string, MergeChoice> },
): MergeSummary {
  const context = new MergeContext(db, source, writes, options.choices);
  const projectId = (of: Db) => of.prepare('SELECT id FROM project').pluck().get() as string;
  const mineCoders = new Set(
    db.prepare('SELECT DISTINCT coder FROM coding').pluck().all() as string[],
  );
  const codePath = mergeCodes(context);
  mergeCasesAndPeople(context);
  mergeAttributes(context);
  const documents = mergeDocuments(context);
  mergeValues(context);
  const tally = mergeCodings(context, documents, codePath);
  mergeRatingsAndSummaries(context, codePath);
  mergeCoderColours(context);
  const coders = [...tally.coders].sort((left, right) => left.localeCompare(right));
  return {
    fileName: options.fileName,
    sameProject: projectId(db) === projectId(source),
    added: context.added,
    conflicts: context.conflicts,
    taken: context.taken,
    keptDeleted: context.keptDeleted,
    alreadyHere: tally.alreadyHere,
    approximate: tally.approximate,
    approximateList: tally.approximateList,
    typeMismatch: [...context.typeMismatch.values()],
    unplacedCount: tally.unplacedCount,
    unplaced: tally.unplaced,
    coders,
    sharedCoders: coders.filter((coder) => mineCoders.has(coder)),
    notMerged: notMerged(db, source),
  };
}
