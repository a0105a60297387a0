import type { CodeStatistics } from '../../shared/analysis';
import type { Db } from './database';
import type { TurnStart } from './documentText';
import { speakerAt } from './documentText';
import { PassageContext } from './passageContext';

/** How often each code is applied (passages, documents, cases), and which codes meet on the same words. */
export function codeStatistics(db: Db): CodeStatistics {
  const counts = db
    .prepare(
      'SELECT code_id, COUNT(*) AS passages, COUNT(DISTINCT document_id) AS documents FROM coding GROUP BY code_id',
    )
    .all() as { code_id: string; passages: number; documents: number }[];
  const context = new PassageContext(db);
  const turns = new Map<string, TurnStart[]>();
  const casesByCode = new Map<string, Set<string>>();
  for (const coding of db.prepare('SELECT code_id, document_id, start FROM coding').all() as {
    code_id: string;
    document_id: string;
    start: number;
  }[]) {
    let documentTurns = turns.get(coding.document_id);
    if (!documentTurns) {
      documentTurns = JSON.parse(
        (
          db.prepare('SELECT turns FROM document WHERE id = ?').get(coding.document_id) as {
            turns: string;
          }
        ).turns,
      ) as TurnStart[];
      turns.set(coding.document_id, documentTurns);
    }
    const { caseIds } = context.resolve(coding.document_id, speakerAt(documentTurns, coding.start));
    const set = casesByCode.get(coding.code_id) ?? new Set<string>();
    caseIds.forEach((id) => set.add(id));
    casesByCode.set(coding.code_id, set);
  }
  const pairs = db
    .prepare(
      `SELECT a.code_id AS first_id, b.code_id AS second_id, COUNT(*) AS count
       FROM coding a JOIN coding b ON b.document_id = a.document_id AND b.code_id > a.code_id AND b.start < a."end" AND a.start < b."end"
       GROUP BY a.code_id, b.code_id ORDER BY count DESC`,
    )
    .all() as { first_id: string; second_id: string; count: number }[];
  return {
    codes: counts.map((row) => ({
      codeId: row.code_id,
      passages: row.passages,
      documents: row.documents,
      cases: casesByCode.get(row.code_id)?.size ?? 0,
    })),
    cooccurrences: pairs.map((row) => ({
      firstId: row.first_id,
      secondId: row.second_id,
      count: row.count,
    })),
  };
}
