import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSession } from '../../electron/session';
import { lockPathOf } from '../../electron/store/projectLock';
import { getProject, initialiseProject } from '../../electron/store/project';
import { createProjectDatabase } from '../../electron/store/database';
import { bundleChildScript } from '../support/childScript';
import { makeTempDir } from '../support/tempDir';

const KILLS = 20;
let folder: ReturnType<typeof makeTempDir>;
let writerScript: string;

beforeAll(async () => {
  folder = makeTempDir();
  writerScript = await bundleChildScript('test/support/crashWriter.ts', 'crash-writer');
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
  it(`keeps the project intact and every committed action through ${KILLS} SIGKILLs, its lock never in the way`, async () => {
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

      // The killed writer's lock is left behind; opening takes it over.
      expect(existsSync(lockPathOf(path)), `kill ${kill}: no lock left`).toBe(true);
      const session = new ProjectSession();
      const { db: reopened } = session.open(path);
      const description = getProject(reopened, path).description;
      session.close();
      expect(existsSync(lockPathOf(path))).toBe(false);
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
