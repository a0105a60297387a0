/** Timing and memory helpers shared by every benchmark. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

/** Median duration of `runs` calls, after one warm-up call that is not counted. */
export async function timed(runs: number, action: () => unknown): Promise<number> {
  await action();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Samples the process's resident memory while an action runs; the peak in MB. */
export async function peakRss<T>(action: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const value = await action();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** One line of the results: a measurement, its baseline in the same run, and its budget. */
export interface Measurement {
  group: string;
  name: string;
  unit: 'ms' | 'MB';
  value: number;
  /** The same work done the plainest way (a raw SQLite select or insert), measured in the same run. */
  baseline?: number;
  /** Budget on the value, or on the ratio to the baseline when `budgetIsRatio`. */
  budget?: number;
  budgetIsRatio?: boolean;
  rendererMb?: number;
  hostPeakMb?: number;
}

export function holds(measurement: Measurement): boolean | null {
  if (measurement.budget === undefined) return null;
  if (measurement.budgetIsRatio)
    return measurement.baseline
      ? measurement.value / measurement.baseline <= measurement.budget
      : null;
  return measurement.value <= measurement.budget;
}
