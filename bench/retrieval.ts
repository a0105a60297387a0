import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchCore, studyCorpus } from './corpus';
import { passagesView } from './passagesView';
import { exportPeakInOwnHost } from './hostProcess';
import type { Measurement } from './measure';
import { peakRss, timed } from './measure';

/**
 * Corpus (b) retrievals as the views ask for them, through the API the
 * renderer uses; each against a raw select of the same rows in the same run.
 */
export async function benchRetrieval(runs: number): Promise<Measurement[]> {
  const { core, call, folder, stop } = await benchCore('Corpus b');
  try {
    const setup = performance.now();
    const corpus = await studyCorpus(core, {
      documents: 200,
      characters: 30_000,
      cases: 40,
      codings: 50_000,
      codebook: [6, 5, 5],
    });
    console.log(`  corpus (b) generated in ${Math.round((performance.now() - setup) / 1000)} s`);
    const db = core.context.session.require().db;
    const raw =
      (sql: string, ...parameters: unknown[]) =>
      () =>
        db.prepare(sql).all(...parameters);

    const firstAxis = corpus.axisIds[0]!;
    const view = await passagesView(call);
    const results: Measurement[] = [];
    const measure = async (
      name: string,
      action: () => unknown,
      baseline: () => unknown,
      budget: number,
      budgetIsRatio = false,
    ) => {
      const { value, peakMb } = await peakRss(() => timed(runs, action));
      results.push({
        group: 'Corpus (b): 200 transcripts, 50,000 codings',
        name,
        unit: 'ms',
        value,
        baseline: await timed(runs, baseline),
        budget,
        budgetIsRatio,
        hostPeakMb: peakMb,
      });
    };
    const allCodingRows = raw(
      `SELECT c.*, d.title FROM coding c JOIN document d ON d.id = c.document_id ORDER BY d.position, c.start`,
    );
    await measure(
      'Passages view grouped by axis (all 50,000 codings)',
      () => view({}),
      allCodingRows,
      100,
    );
    await measure(
      'Passages view, one axis (≈8,300 codings)',
      () => view({ codeIds: [firstAxis] }),
      allCodingRows,
      100,
    );
    await measure(
      'Passages view, one axis, elected officials only (attribute filter)',
      () =>
        view({
          codeIds: [firstAxis],
          conditions: [{ attributeId: corpus.roleAttributeId, operator: 'eq', value: 'élu' }],
        }),
      allCodingRows,
      100,
    );
    await measure(
      'Case × axis matrix',
      () => call('matrix.get', { rowKind: 'case', level: 'axis' }),
      allCodingRows,
      100,
    );
    await measure(
      'Every passage of one axis with text and context ("show all", ≈8,300)',
      () => call('passages.list', { codeIds: [firstAxis] }),
      allCodingRows,
      Number.POSITIVE_INFINITY,
    );
    await measure(
      'Full-text search "coopération réunion"',
      () => call('search.text', { query: 'coopération réunion' }),
      raw(
        `SELECT id FROM document WHERE plain_text LIKE '%coopération%' AND plain_text LIKE '%réunion%'`,
      ),
      50,
    );
    // The corpus's codings are Camille's and Dominique's, half each, on every document.
    await measure(
      'Agreement of two coders over every document (50,000 codings)',
      () => call('agreement.compute', { coders: ['Camille', 'Dominique'] }),
      raw('SELECT document_id, code_id, coder, start, "end" FROM coding'),
      1000,
    );
    await measure(
      'Dataset export, CSV (50,000 rows)',
      () => call('dataset.export', { format: 'csv' }),
      allCodingRows,
      3,
      true,
    );
    await measure(
      'Dataset export, XLSX (every table)',
      () => call('dataset.export', { format: 'xlsx' }),
      allCodingRows,
      2000,
    );
    // Each export's peak in a host of its own, as a researcher runs it: a fresh web host opens
    // a copy of the corpus (this one holds its lock) and exports once.
    const copy = join(folder, 'corpus-b-copy.axial');
    await db.backup(copy);
    // A colleague's copy of the whole corpus: every code, case and coding matched, none written.
    const copyBytes = new Uint8Array(readFileSync(copy));
    await measure(
      'Merge preview of a copy of the project (50,000 codings matched)',
      () => call('merge.preview', { fileName: 'copie.axial', data: copyBytes }),
      raw('SELECT * FROM coding'),
      3000,
    );
    for (const format of ['csv', 'xlsx'] as const) {
      const { openedMb, peakMb } = await exportPeakInOwnHost(
        join(folder, `user-data-${format}`),
        copy,
        'dataset.export',
        { format },
      );
      results.push({
        group: 'Corpus (b): 200 transcripts, 50,000 codings',
        name: `Host process peak memory, dataset export ${format.toUpperCase()} (baseline: the project open)`,
        unit: 'MB',
        value: peakMb,
        baseline: openedMb,
        budget: 300,
      });
    }
    return results;
  } finally {
    stop();
  }
}
