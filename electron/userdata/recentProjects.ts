import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/domain';
import { readJsonFile, writeJsonFile } from './jsonFile';

const MAX_RECENT = 12;

const storedRecentSchema = z.array(
  z.object({ path: z.string(), title: z.string(), openedAt: z.string() }),
);
type StoredRecent = z.output<typeof storedRecentSchema>;

export class RecentProjects {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    return this.read().map((entry) => ({ ...entry, missing: !existsSync(entry.path) }));
  }

  /**
   * Puts the project at the top of the list. The list is a convenience: one that
   * cannot be written (a full disk) stays as it was, and never fails the opening
   * or the change it follows, which has already happened.
   */
  remember(path: string, title: string, openedAt: string): void {
    const absolute = resolve(path);
    const others = this.read().filter((entry) => entry.path !== absolute);
    try {
      this.write([{ path: absolute, title, openedAt }, ...others].slice(0, MAX_RECENT));
    } catch {
      // The old list, whole: writeJsonFile replaces it only once the new one is written.
    }
  }

  forget(path: string): void {
    const absolute = resolve(path);
    this.write(this.read().filter((entry) => entry.path !== absolute));
  }

  private read(): StoredRecent {
    return readJsonFile(this.file, storedRecentSchema, []);
  }

  private write(entries: StoredRecent): void {
    writeJsonFile(this.file, entries);
  }
}
