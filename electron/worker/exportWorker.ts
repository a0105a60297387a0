import { parentPort, workerData } from 'node:worker_threads';
import type { ExportThreadData } from './exportThread';
import { runExportThread } from './exportThread';

/**
 * An export's thread, from a bundle of its own: the export code alone (1.5 MB,
 * 38 MB once loaded) rather than the whole core (6.5 MB, 84 MB), which counts
 * against the host's memory for as long as the export runs.
 */
if (parentPort) void runExportThread(parentPort, workerData as ExportThreadData);
