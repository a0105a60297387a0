import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectDatabase } from '../../electron/store/database';
import { getProject, initialiseProject } from '../../electron/store/project';
import { createProjectDatabase } from '../../electron/store/database';
import { makeTempDir } from '../support/tempDir';

const KILLS = 20;
let folder: ReturnType<typeof makeTempDir>;
let writerScript: string;

beforeAll(async () => {
  folder = makeTempDir();
  // Bundled next to node_modules so the child resolves better-sqlite3 as the app does.
  writerScript = join(process.cwd(), 'build', 'test', 'crash-writer.cjs');
  await build({
    entryPoints: ['test/support/crashWriter.ts'],
    outfile: writerScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
});
afterAll(() => folder.remove());

/** Runs the writer until it has committed a few actions, kills it after a random delay, returns what it had seen committed. */
function runAndKill(path: string, start: number, delay: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerScript, path, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // Start the clock once the writer is writing, so every kill lands mid-loop.
      timer ??= setTimeout(() => child.kill('SIGKILL'), delay);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer stopped by itself: ${errors}`));
        return;
      }
      const committed = output
        .split('\n')
        .filter((line) => /^\d+$/.test(line))
        .map(Number);
      resolve(committed.at(-1) ?? start - 1);
    });
  });
}

describe('crash safety', () => {
  it(`keeps the project intact and every committed action through ${KILLS} SIGKILLs`, async () => {
    const path = join(folder.path, 'crash.axial');
    const created = createProjectDatabase(path);
    initialiseProject(created, { title: 'Crash', description: '', language: 'fr' });
    created.close();

    let next = 1;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const lastSeen = await runAndKill(path, next, 20 + Math.floor(Math.random() * 300));
      expect(lastSeen, `kill ${kill}: the writer committed nothing`).toBeGreaterThanOrEqual(next);

      // A plain connection first: integrity of the file as the kill left it.
      const raw = new Database(path);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const updates = raw
        .prepare("SELECT subject FROM activity WHERE action = 'project.update'")
        .all() as { subject: string }[];
      raw.close();

      const reopened = openProjectDatabase(path);
      const description = getProject(reopened, path).description;
      reopened.close();
      const stored = Number(description.replace('action ', ''));
      // The last action seen committed is stored. More may have committed than were seen: the
      // child's output to the pipe can still be buffered when the kill lands.
      expect(stored, `kill ${kill}`).toBeGreaterThanOrEqual(lastSeen);
      // Actions 1…stored each committed exactly one activity row, with the project row, atomically.
      expect(updates.length, `kill ${kill}`).toBe(stored);
      next = stored + 1;
    }
  });
});
