import type { ProjectChanges } from './projectChanges';
/**
 * Errors that cross the API boundary. The `code` is stable and is what the
 * renderer translates; `message` is an English sentence a researcher can act
 * on, used in logs and as a fallback; `params` fill the translated message.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'unauthorized',
  'no_project_open',
  'file_not_found',
  'file_exists',
  'not_an_axial_project',
  'project_corrupt',
  'project_too_new',
  'project_locked',
  'read_only',
  'not_writable',
  'same_file',
  'io_error',
  'disk_full',
  'invalid_file',
  'unsupported_format',
  'file_too_large',
  'not_found',
  'name_taken',
  'invalid_operation',
  'out_of_date',
  'stale_document',
  'history_conflict',
  'nothing_to_undo',
  'not_available',
  'cancelled',
  'internal',
  'disconnected',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
  /** For invalid_input: one entry per rejected field. */
  issues?: { path: string; message: string }[];
}

/** A call's answer; a write's carries what it changed in the project (`changes`). */
export type Result<T> =
  { ok: true; value: T; changes?: ProjectChanges } | { ok: false; error: ApiError };

/** Thrown by handlers and stores; the dispatcher turns it into `{ ok: false, error }`. */
export class AxialError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  readonly issues: ApiError['issues'];

  constructor(code: ErrorCode, message: string, params?: ErrorParams, issues?: ApiError['issues']) {
    super(message);
    this.name = 'AxialError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
    if (this.params) error.params = this.params;
    if (this.issues) error.issues = this.issues;
    return error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return (
    typeof candidate.message === 'string' &&
    (errorCodes as readonly unknown[]).includes(candidate.code)
  );
}
