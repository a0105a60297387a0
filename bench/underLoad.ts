import { join } from 'node:path';
import { toneWav } from '../electron/demo/toneWav';
import { RECORDING_CHUNK_BYTES } from '../shared/recordings';
import { benchCore, studyCorpus } from './corpus';
import { startHostProcess } from './hostProcess';
import type { Measurement } from './measure';
import { median } from './measure';

const SAMPLES = 20;
const GROUP = 'Responsiveness while a 500,000-coding XLSX export runs (web host process)';

/** Median latency of `SAMPLES` calls made one after another. */
async function latencies(action: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
    // A player asks every few hundred milliseconds, not in a tight loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

/**
 * The web host as a researcher runs it (its core on its own thread, exports on
 * theirs), on a project of 500,000 codings with a recording: a media range
 * request and a small read, alone and while the workbook is written.
 */
export async function benchUnderLoad(): Promise<Measurement[]> {
  const { core, call, folder, projectPath, stop } = await benchCore('Under load');
  let recordingId = '';
  let documentId = '';
  try {
    const setup = performance.now();
    const corpus = await studyCorpus(core, {
      documents: 200,
      characters: 30_000,
      cases: 40,
      codings: 500_000,
      codebook: [6, 5, 5],
    });
    documentId = corpus.documents[1]!.id;
    recordingId = crypto.randomUUID();
    const size = 8 * RECORDING_CHUNK_BYTES;
    for (let index = 0; index * RECORDING_CHUNK_BYTES < size; index += 1) {
      const chunk = Buffer.alloc(RECORDING_CHUNK_BYTES, index);
      if (index === 0) toneWav(0).copy(chunk);
      await call('recordings.uploadChunk', { recordingId, index, data: chunk });
    }
    await call('recordings.attach', {
      recordingId,
      documentId: corpus.documents[0]!.id,
      fileName: 'entretien.wav',
      mimeType: 'audio/wav',
      size,
      durationMs: 60_000,
    });
    console.log(
      `  500,000 codings generated in ${Math.round((performance.now() - setup) / 1000)} s`,
    );
  } finally {
    core.shutdown();
  }
  const host = await startHostProcess(join(folder, 'user-data-host'));
  try {
    await host.call('projects.open', { path: projectPath });
    // What opening a transcript asks for first.
    const smallRead = () => host.call('documents.get', { id: documentId });
    const mediaRange = () => host.media(recordingId, 'bytes=1000000-1065535');
    const quietMedia = median(await latencies(mediaRange));
    const quietRead = median(await latencies(smallRead));

    let exportDone = false;
    const exportStarted = performance.now();
    const exporting = host.call('dataset.export', { format: 'xlsx' }).then(() => {
      exportDone = true;
      return performance.now() - exportStarted;
    });
    // Past the thread's start, into the writing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const loadedMedia = await latencies(mediaRange);
    const loadedRead = await latencies(smallRead);
    const stillRunning = !exportDone;
    const exportMs = await exporting;
    const note = stillRunning ? '' : ' (the export ended before the samples did)';
    return [
      {
        group: GROUP,
        name: `Media range request (64 KB), median of ${SAMPLES}${note}`,
        unit: 'ms',
        value: median(loadedMedia),
        baseline: quietMedia,
        budget: 100,
      },
      {
        group: GROUP,
        name: `Small read (a 30,000-character transcript), median of ${SAMPLES}${note}`,
        unit: 'ms',
        value: median(loadedRead),
        baseline: quietRead,
        budget: 100,
      },
      {
        group: GROUP,
        name: 'The XLSX export itself (baseline: none)',
        unit: 'ms',
        value: exportMs,
        hostPeakMb: host.peakMb(),
      },
    ];
  } finally {
    await host.stop();
    stop();
  }
}
