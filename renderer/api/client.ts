import type { Api, MethodName } from '../../shared/contract/api';
import { methodNames } from '../../shared/contract/api';
import type { ApiError, Result } from '../../shared/errors';
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

/**
 * The typed API, one function per method of the contract, over whichever
 * transport the host gives. What a write changed is handed to `feed` before
 * the call resolves: the lists are up to date when the caller goes on.
 */
export function createApi(transport: Transport, feed?: ProjectChangesFeed): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    api[method] = async (input: unknown) => {
      const result = await transport(method, input ?? {});
      if (!result.ok) throw new ApiCallError(result.error);
      if (result.changes) feed?.publish(result.changes);
      return result.value;
    };
  }
  return api as Api;
}
