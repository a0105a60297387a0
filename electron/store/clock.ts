/** Timestamps are ISO 8601 in UTC, so they sort as text and read the same everywhere. */
export function now(): string {
  return new Date().toISOString();
}
