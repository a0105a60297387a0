import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { createHash } from 'node:crypto';
import type { Db } from './database';
import type { DerivedText } from './documentText';

/** A document as last committed: parsed, with its derived text, for the next edit to start from. */
export interface CachedText {
  version: number;
  doc: ProseMirrorNode;
  derived: DerivedText;
  digest: string;
}

/** Documents kept parsed per open project: the few being typed in. */
const CACHED_DOCUMENTS = 4;

const caches = new WeakMap<Db, Map<string, CachedText>>();

function cacheOf(db: Db): Map<string, CachedText> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The cached document at exactly `version`, or undefined: a stale entry is never used. */
export function cachedText(db: Db, id: string, version: number): CachedText | undefined {
  const cache = cacheOf(db);
  const entry = cache.get(id);
  if (!entry || entry.version !== version) return undefined;
  // Most recently used last, so the oldest goes first.
  cache.delete(id);
  cache.set(id, entry);
  return entry;
}

/** Remembers a committed document; call only once its transaction has committed. */
export function rememberText(db: Db, id: string, entry: CachedText): void {
  const cache = cacheOf(db);
  cache.delete(id);
  cache.set(id, entry);
  while (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
}

export function forgetText(db: Db, id: string): void {
  caches.get(db)?.delete(id);
}

/** A digest of a document's stored JSON: undo checks the text is the one an edit left. */
export function contentDigest(content: string): string {
  return createHash('sha1').update(content).digest('base64');
}
