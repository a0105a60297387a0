import type { ApiError } from '../../shared/errors';
import { AxialError } from '../../shared/errors';

export interface ThreadFailure {
  kind: 'failed';
  error: ApiError;
}

/** A job thread's error as the message it sends: Axial's own as it is, any other as `internal`. */
export function failureOf(error: unknown, unexpected: string): ThreadFailure {
  if (error instanceof AxialError) return { kind: 'failed', error: error.toApiError() };
  console.error('Axial: a background job failed', error);
  return { kind: 'failed', error: { code: 'internal', message: unexpected } };
}
