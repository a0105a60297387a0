import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * Small JSON files in the app's user-data folder (recent projects, settings,
 * window state). A missing or unreadable file yields the fallback: these files
 * are conveniences, and a damaged one must never stop Axial from starting.
 */
export function readJsonFile<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  fallback: z.output<Schema>,
): z.output<Schema> {
  if (!existsSync(path)) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Writes to a temporary file then renames it, so a crash leaves the old or the new file whole. */
export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(value, null, 2));
  } catch (error) {
    // A full disk leaves the start of the file: the old file stays, and nothing half written.
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, path);
}
