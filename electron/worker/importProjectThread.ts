import type { ProjectImportRequest } from '../exchange/refi/buildImportedProject';
import { buildImportedProject } from '../exchange/refi/buildImportedProject';
import type { PortLike } from './coreMessages';
import { failureOf } from './threadFailure';

export type ImportProjectThreadData = ProjectImportRequest & { role: 'importProject' };

/**
 * A .qdpx made into a new project on a thread of its own: unpacking, reading
 * its XML and writing thousands of codings take seconds, and the open
 * project's calls go on meanwhile. Progress goes out source by source.
 */
export async function runImportProjectThread(
  port: PortLike,
  data: ImportProjectThreadData,
): Promise<void> {
  try {
    const report = await buildImportedProject(data, {
      onProgress: (done, total) => port.postMessage({ kind: 'progress', done, total }),
    });
    port.postMessage({ kind: 'done', value: report });
  } catch (error) {
    port.postMessage(
      failureOf(
        error,
        `"${data.fileName}" could not be imported because of an unexpected problem; no project was created. Try again, and report the problem if it persists.`,
      ),
    );
  }
}
