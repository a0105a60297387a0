import type { Api, MethodName } from '../../shared/contract/api';
import { methodNames } from '../../shared/contract/api';
import type { ApiError, Result } from '../../shared/errors';
import type { ProjectChanges } from '../../shared/projectChanges';
import type { ProjectChangesFeed } from './projectChangesFeed';

export type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

/** A failed call, carrying the typed error for the UI to translate. */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

const waiting: { feed: ProjectChangesFeed; changes: ProjectChanges }[] = [];

/**
 * Hands on the changes once the caller's own reaction is on screen (a coding's
 * highlight painted, then the codebook's counts), all that arrived meanwhile
 * in one go and in the order they came: each list render waits for the frame.
 */
function later(feed: ProjectChangesFeed, changes: ProjectChanges): void {
  waiting.push({ feed, changes });
  if (waiting.length > 1) return;
  const flush = () => {
    for (const { feed: target, changes: next } of waiting.splice(0)) target.publish(next);
  };
  // A hidden page paints no frame: its lists follow at once.
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible')
    requestAnimationFrame(() => setTimeout(flush, 0));
  else setTimeout(flush, 0);
}

/**
 * The typed API, one function per method of the contract, over whichever
 * transport the host gives. What a write changed is handed to `feed` once the
 * caller has taken its answer, in the order the answers came.
 */
export function createApi(transport: Transport, feed?: ProjectChangesFeed): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    api[method] = async (input: unknown) => {
      const result = await transport(method, input ?? {});
      if (!result.ok) throw new ApiCallError(result.error);
      if (result.changes && feed) later(feed, result.changes);
      return result.value;
    };
  }
  return api as Api;
}
