/**
 * `npm run bench`: Axial's speed and memory on the benchmark corpora, each
 * measurement the median of several runs beside a baseline measured in the
 * same run, written to bench/results/ as JSON and printed as a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchExchange } from './exchange';
import { benchLongTranscript } from './longTranscript';
import type { Measurement } from './measure';
import { holds } from './measure';
import { benchRetrieval } from './retrieval';
import { benchTypingAtScale } from './typing';
import { benchScale } from './scale';
import { benchUnderLoad } from './underLoad';

const RUNS = Number(process.env.AXIAL_BENCH_RUNS ?? 3);

function format(value: number | undefined, unit = ''): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)}${unit}`;
}

const started = Date.now();
const measurements: Measurement[] = [];
console.log(`Axial benchmark, median of ${RUNS} runs each`);
console.log('Corpus (a), in Chromium…');
measurements.push(...(await benchLongTranscript(RUNS)));
console.log('Corpus (b)…');
measurements.push(...(await benchRetrieval(RUNS)));
console.log('Typing in a large project…');
measurements.push(...(await benchTypingAtScale(RUNS)));
console.log('Corpus (c)…');
measurements.push(...(await benchExchange(RUNS)));
console.log('Under load…');
measurements.push(...(await benchUnderLoad()));
// Last, and long (about three minutes): AXIAL_BENCH_SCALE=0 leaves it out.
if (process.env.AXIAL_BENCH_SCALE !== '0') {
  console.log('Scale series…');
  measurements.push(...(await benchScale(RUNS)));
}

const rows = measurements.map((measurement) => {
  const verdict = holds(measurement);
  const ratio = measurement.baseline ? measurement.value / measurement.baseline : undefined;
  return {
    ...measurement,
    ratio,
    holds: verdict,
  };
});
let group = '';
for (const row of rows) {
  if (row.group !== group) {
    group = row.group;
    console.log(`\n${group}`);
    console.log(
      `  ${'measurement'.padEnd(62)} ${'median'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)} ${'budget'.padStart(8)}  verdict`,
    );
  }
  const budget =
    row.budget === undefined || !Number.isFinite(row.budget)
      ? '—'
      : row.budgetIsRatio
        ? `≤${row.budget}×`
        : `≤${row.budget}${row.unit}`;
  console.log(
    `  ${row.name.padEnd(62)} ${format(row.value, row.unit).padStart(9)} ${format(row.baseline, row.unit).padStart(9)} ${(row.ratio ? `${row.ratio.toFixed(1)}×` : '—').padStart(7)} ${budget.padStart(8)}  ${row.holds === null ? '' : row.holds ? 'holds' : 'OVER'}${row.hostPeakMb ? `  (host peak ${row.hostPeakMb} MB${row.rendererMb ? `, renderer heap ${row.rendererMb} MB` : ''})` : ''}`,
  );
}
const at = new Date().toISOString();
const folder = join('bench', 'results');
mkdirSync(folder, { recursive: true });
const file = join(folder, `bench-${at.replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      at,
      runs: RUNS,
      node: process.version,
      seconds: Math.round((Date.now() - started) / 1000),
      results: rows,
    },
    null,
    2,
  ),
);
console.log(
  `\n${rows.filter((row) => row.holds === false).length} budgets over; results in ${file} (${Math.round((Date.now() - started) / 1000)} s)`,
);
