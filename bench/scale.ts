import { join } from 'node:path';
import { benchCore, studyCorpus } from './corpus';
import { passagesView } from './passagesView';
import { startHostProcess } from './hostProcess';
import type { Measurement } from './measure';
import { timed } from './measure';

/** Corpus (b)'s shape at three sizes: 250 codings per transcript of 30,000 characters. */
export const SCALE_SIZES = [200, 1000, 2000] as const;

interface Point {
  transcripts: number;
  values: Map<string, number>;
}

const budgets: Record<string, number> = {
  'Passages view grouped by axis (first page and counts)': 100,
  'Passages view, one axis': 100,
  'Case × axis matrix': 100,
  'Full-text search "coopération réunion"': 50,
  'Codebook with its counts': 100,
  'Opening the project in the web host': 1000,
  'Web host memory with the project open': 500,
};

async function measureAt(transcripts: number, runs: number): Promise<Point> {
  const { core, call, folder, projectPath, stop } = await benchCore(`Scale ${transcripts}`);
  const values = new Map<string, number>();
  try {
    const setup = performance.now();
    const corpus = await studyCorpus(core, {
      documents: transcripts,
      characters: 30_000,
      cases: Math.max(40, transcripts / 5),
      codings: transcripts * 250,
      codebook: [6, 5, 5],
    });
    console.log(
      `  ${transcripts} transcripts generated in ${Math.round((performance.now() - setup) / 1000)} s`,
    );
    const view = await passagesView(call);
    const measure = async (name: string, action: () => unknown) =>
      values.set(name, await timed(runs, action));
    await measure('Passages view grouped by axis (first page and counts)', () => view({}));
    await measure('Passages view, one axis', () => view({ codeIds: [corpus.axisIds[0]] }));
    await measure('Case × axis matrix', () =>
      call('matrix.get', { rowKind: 'case', level: 'axis' }),
    );
    await measure('Full-text search "coopération réunion"', () =>
      call('search.text', { query: 'coopération réunion' }),
    );
    await measure('Codebook with its counts', () => call('codes.list', {}));
  } finally {
    core.shutdown();
  }
  // Opened as a researcher opens it: a web host of its own, the project closed beforehand.
  try {
    const opens: number[] = [];
    let memory = 0;
    for (let run = 0; run < runs; run += 1) {
      const host = await startHostProcess(join(folder, `user-data-${run}`));
      try {
        const started = performance.now();
        await host.call('projects.open', { path: projectPath });
        // What the workspace asks for first: the documents and the codebook.
        await Promise.all([host.call('documents.list', {}), host.call('codes.list', {})]);
        opens.push(performance.now() - started);
        memory = Math.max(memory, host.peakMb());
      } finally {
        await host.stop();
      }
    }
    values.set('Opening the project in the web host', opens.sort((a, b) => a - b)[runs >> 1]!);
    values.set('Web host memory with the project open', memory);
  } finally {
    stop();
  }
  return { transcripts, values };
}

/**
 * The scale series: each measurement at 200, 1,000 and 2,000 transcripts, with
 * its growth exponent (time ∝ size^k between the smallest and largest: 1 is
 * linear, 0 is flat). The value reported is the largest size's, against the
 * smallest's as baseline.
 */
export async function benchScale(runs: number): Promise<Measurement[]> {
  const points: Point[] = [];
  for (const transcripts of SCALE_SIZES) points.push(await measureAt(transcripts, runs));
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const results: Measurement[] = [];
  for (const name of first.values.keys()) {
    const series = points.map((point) => point.values.get(name)!);
    const exponent =
      Math.log(last.values.get(name)! / first.values.get(name)!) /
      Math.log(last.transcripts / first.transcripts);
    const memory = name.includes('memory');
    results.push({
      group: `Scale series: ${SCALE_SIZES.join(' / ')} transcripts (250 codings each)`,
      name: `${name} [${series.map((value) => Math.round(value)).join(' / ')}; k = ${exponent.toFixed(2)}]`,
      unit: memory ? 'MB' : 'ms',
      value: last.values.get(name)!,
      baseline: first.values.get(name)!,
      budget: budgets[name],
    });
  }
  return results;
}
