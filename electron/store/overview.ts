import type { StudyOverview } from '../../shared/domain';
import { lastActivityAt } from './activity';
import type { Db } from './database';

function count(db: Db, sql: string): number {
  return (db.prepare(sql).get() as { count: number }).count;
}

/** Where the study stands, counted in a few queries whatever its size. */
export function studyOverview(db: Db): StudyOverview {
  const documents = db
    .prepare(
      "SELECT COALESCE(SUM(kind = 'transcript'), 0) AS transcripts, COALESCE(SUM(kind <> 'transcript'), 0) AS others FROM document",
    )
    .get() as { transcripts: number; others: number };
  const coded = db
    .prepare('SELECT COUNT(*) AS codings, COUNT(DISTINCT document_id) AS documents FROM coding')
    .get() as { codings: number; documents: number };
  const axes = db
    .prepare(
      `WITH RECURSIVE tree(axis_id, id) AS (
         SELECT id, id FROM code WHERE parent_id IS NULL
         UNION ALL SELECT tree.axis_id, code.id FROM code JOIN tree ON code.parent_id = tree.id
       )
       SELECT axis.id, axis.name, axis.colour, COUNT(coding.id) AS passages,
              COUNT(DISTINCT coding.document_id) AS documents
       FROM code axis JOIN tree ON tree.axis_id = axis.id LEFT JOIN coding ON coding.code_id = tree.id
       WHERE axis.parent_id IS NULL
       GROUP BY axis.id ORDER BY axis.position, axis.name`,
    )
    .all() as { id: string; name: string; colour: string; passages: number; documents: number }[];
  const guides = db
    .prepare(
      `SELECT guide.id, guide.title,
         (SELECT COUNT(*) FROM guide_item WHERE guide_id = guide.id AND kind = 'question') AS questions,
         (SELECT COUNT(*) FROM document WHERE guide_id = guide.id) AS interviews,
         (SELECT COUNT(*) FROM guide_item question JOIN document ON document.guide_id = guide.id
          WHERE question.guide_id = guide.id AND question.kind = 'question' AND EXISTS (
            SELECT 1 FROM answer JOIN guide_item item ON item.id = answer.item_id
            WHERE answer.document_id = document.id AND (item.id = question.id OR item.parent_id = question.id)
          )) AS answered,
         (SELECT COUNT(*) FROM guide_item question JOIN document ON document.guide_id = guide.id
          JOIN interview_check ON interview_check.document_id = document.id AND interview_check.item_id = question.id
          WHERE question.guide_id = guide.id AND question.kind = 'question' AND NOT EXISTS (
            SELECT 1 FROM answer JOIN guide_item item ON item.id = answer.item_id
            WHERE answer.document_id = document.id AND (item.id = question.id OR item.parent_id = question.id)
          )) AS asked
       FROM guide ORDER BY guide.position, guide.title`,
    )
    .all() as {
    id: string;
    title: string;
    questions: number;
    interviews: number;
    answered: number;
    asked: number;
  }[];
  return {
    transcripts: documents.transcripts,
    otherDocuments: documents.others,
    recordings: count(db, 'SELECT COUNT(*) AS count FROM recording'),
    codes: count(db, 'SELECT COUNT(*) AS count FROM code'),
    codings: coded.codings,
    codedDocuments: coded.documents,
    axes: axes.map((axis) => ({
      codeId: axis.id,
      name: axis.name,
      colour: axis.colour,
      passages: axis.passages,
      documents: axis.documents,
    })),
    cases: count(db, 'SELECT COUNT(*) AS count FROM study_case'),
    participants: count(db, 'SELECT COUNT(*) AS count FROM participant'),
    ratedCases: count(db, 'SELECT COUNT(DISTINCT case_id) AS count FROM rating'),
    guides: guides.map((guide) => ({
      guideId: guide.id,
      title: guide.title,
      questions: guide.questions,
      interviews: guide.interviews,
      answered: guide.answered,
      asked: guide.asked,
    })),
    lastActivityAt: lastActivityAt(db),
  };
}
