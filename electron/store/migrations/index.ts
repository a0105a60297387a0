import type { Database } from 'better-sqlite3';
import { AxialError } from '../../../shared/errors';
import { migration001Initial } from './001-initial';
import { migration002DocumentsCodesCodings } from './002-documents-codes-codings';
import { migration003CasesParticipantsAttributes } from './003-cases-participants-attributes';
import { migration004GuidesAnswers } from './004-guides-answers';
import { migration005MatrixSummaries } from './005-matrix-summaries';
import { migration006RatingsChart } from './006-ratings-chart';
import { migration007TextIndex } from './007-text-index';
import { migration008Recordings } from './008-recordings';
import { migration009CodingCountsIndex } from './009-coding-counts-index';
import { migration010TextBlocks } from './010-text-blocks';
import { migration011RangesUnindexedStart } from './011-ranges-unindexed-start';
import { migration012SearchSymbols } from './012-search-symbols';
import { migration013ActivityDetail } from './013-activity-detail';
import { migration014CodingCodeDocumentIndex } from './014-coding-code-document-index';
import { migration015DocumentSpeakers } from './015-document-speakers';
import { migration016Coders } from './016-coders';
import { migration017Pseudonyms } from './017-pseudonyms';
import { migration018PseudonymExceptions } from './018-pseudonym-exceptions';
import { migration019Quotations } from './019-quotations';
import { migration020ReportBlocks } from './020-report-blocks';
import { migration021DocumentPagesOriginals } from './021-document-pages-originals';
import type { Migration } from './types';

/** Every schema change, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  migration001Initial,
  migration002DocumentsCodesCodings,
  migration003CasesParticipantsAttributes,
  migration004GuidesAnswers,
  migration005MatrixSummaries,
  migration006RatingsChart,
  migration007TextIndex,
  migration008Recordings,
  migration009CodingCountsIndex,
  migration010TextBlocks,
  migration011RangesUnindexedStart,
  migration012SearchSymbols,
  migration013ActivityDetail,
  migration014CodingCodeDocumentIndex,
  migration015DocumentSpeakers,
  migration016Coders,
  migration017Pseudonyms,
  migration018PseudonymExceptions,
  migration019Quotations,
  migration020ReportBlocks,
  migration021DocumentPagesOriginals,
];

export const latestSchemaVersion = migrations.length;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file to `target` (default: the latest version) in one transaction,
 * so a crash half-way leaves the project at its old version, intact.
 */
export function migrate(db: Database, target = latestSchemaVersion): void {
  const current = schemaVersion(db);
  if (current > latestSchemaVersion) {
    throw new AxialError(
      'project_too_new',
      `This project was saved by a newer version of Axial (format ${current}; this version reads up to ${latestSchemaVersion}). Update Axial to open it.`,
      { version: current, supported: latestSchemaVersion },
    );
  }
  if (current >= target) return;
  const apply = db.transaction(() => {
    for (const migration of migrations) {
      if (migration.version <= current || migration.version > target) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  apply.immediate();
}
