import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The schema version this migration produces; versions are 1, 2, 3… with no gap. */
  version: number;
  name: string;
  up(db: Database): void;
}
