import { join } from 'node:path';
import { createProjectDatabase } from '../electron/store/database';
import { benchCore, studyCorpus } from './corpus';
import { exportPeakInOwnHost } from './hostProcess';
import type { Measurement } from './measure';
import { peakRss, timed } from './measure';

/**
 * Corpus (c): 50 documents and 10,000 codings through the REFI-QDA export and
 * import, each against the plainest way of moving the same rows: one
 * better-sqlite3 select of them, and one transaction inserting them into a new project file.
 */
export async function benchExchange(runs: number): Promise<Measurement[]> {
  const { core, call, folder, stop } = await benchCore('Corpus c');
  try {
    await studyCorpus(core, {
      documents: 50,
      characters: 20_000,
      cases: 10,
      codings: 10_000,
      codebook: [4, 4, 4],
    });
    const db = core.context.session.require().db;
    const group = 'Corpus (c): 50 documents, 10,000 codings (REFI-QDA)';
    const selectRows = () =>
      db.transaction(() => ({
        documents: db.prepare('SELECT * FROM document').all(),
        codes: db.prepare('SELECT * FROM code').all(),
        codings: db.prepare('SELECT * FROM coding').all(),
      }))();
    const exported = await call<{ file: { data: string } }>('refi.exportProject', {});
    const archive = exported.file.data;

    const exportRun = await peakRss(() => timed(runs, () => call('refi.exportProject', {})));
    const results: Measurement[] = [
      {
        group,
        name: '.qdpx export',
        unit: 'ms',
        value: exportRun.value,
        baseline: await timed(runs, selectRows),
        budget: 3,
        budgetIsRatio: true,
        hostPeakMb: exportRun.peakMb,
      },
    ];

    // The study report over the same corpus: its usual blocks (every attribute, the codebook,
    // the matrix), read from the project and written for Word.
    const reportRun = await peakRss(() => timed(runs, () => call('reports.exportDocx', {})));
    results.push({
      group,
      name: 'Study report export (.docx, the usual blocks)',
      unit: 'ms',
      value: reportRun.value,
      baseline: results[0]!.baseline!,
      budget: 3,
      budgetIsRatio: true,
      hostPeakMb: reportRun.peakMb,
    });

    // The export's peak in a host of its own, opening a copy of the corpus.
    const copy = join(folder, 'corpus-c-copy.axial');
    await db.backup(copy);
    const qdpxPeak = await exportPeakInOwnHost(
      join(folder, 'user-data-host'),
      copy,
      'refi.exportProject',
      {},
    );
    results.push({
      group,
      name: 'Host process peak memory, .qdpx export (baseline: the project open)',
      unit: 'MB',
      value: qdpxPeak.peakMb,
      baseline: qdpxPeak.openedMb,
      budget: 300,
    });

    // The baseline inserts the same rows into a new project file, in one transaction.
    const rows = selectRows() as {
      documents: Record<string, unknown>[];
      codes: Record<string, unknown>[];
      codings: Record<string, unknown>[];
    };
    let copies = 0;
    const insertRows = () => {
      const target = createProjectDatabase(join(folder, `raw-${(copies += 1)}.axial`));
      const insertAll = (table: string, list: Record<string, unknown>[]) => {
        if (!list.length) return;
        const columns = Object.keys(list[0]!);
        const statement = target.prepare(
          `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
        );
        for (const row of list) statement.run(row);
      };
      target.pragma('foreign_keys = OFF');
      target.transaction(() => {
        insertAll('document', rows.documents);
        insertAll('code', rows.codes);
        insertAll('coding', rows.codings);
      })();
      target.close();
    };
    let imports = 0;
    const importRun = await peakRss(() =>
      timed(runs, () =>
        call('refi.importProject', {
          fileName: 'corpus-c.qdpx',
          data: archive,
          path: join(folder, `imported-${(imports += 1)}.axial`),
        }),
      ),
    );
    results.push({
      group,
      name: '.qdpx import into a new project',
      unit: 'ms',
      value: importRun.value,
      baseline: await timed(runs, insertRows),
      budget: 3,
      budgetIsRatio: true,
      hostPeakMb: importRun.peakMb,
    });
    return results;
  } finally {
    stop();
  }
}
