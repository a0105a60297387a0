import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError, ErrorParams } from '../../shared/errors';
import { ApiCallError } from '../api/client';
import { formatDateTime } from './formatDate';

/** Any thrown value as the typed error the UI shows. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Shows an error unless it says the item is gone: a view reading a document
 * an undo or a deletion has just taken away is closed by its parent instead.
 */
export function unlessGone(showError: (error: unknown) => void): (error: unknown) => void {
  return (error) => {
    if (toApiError(error).code !== 'not_found') showError(error);
  };
}

/** Who has a project open, in words: the program, the computer, since when. */
export function lockWords(t: TFunction, params: ErrorParams, language: string) {
  return {
    program: t(`lock.program.${String(params.program)}`, {
      defaultValue: String(params.program ?? ''),
    }),
    where: params.otherComputer ? t('lock.otherComputer', { host: params.host }) : t('lock.here'),
    // Numeric, so that it reads right after "since" and "depuis le" alike.
    since: formatDateTime(String(params.since ?? ''), language, 'short'),
  };
}

export function ErrorMessage({ error }: { error: ApiError | null }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const params = {
    path: '',
    detail: '',
    details: '',
    ...error.params,
    ...(error.code === 'project_locked' && lockWords(t, error.params ?? {}, i18n.language)),
  };
  // A reason names the precise case, worded in the interface language; the code is the fallback.
  const reason = typeof error.params?.reason === 'string' ? error.params.reason : null;
  const text = reason
    ? t(`errorReasons.${reason}`, { ...params, defaultValue: t(`errors.${error.code}`, params) })
    : t(`errors.${error.code}`, { ...params, defaultValue: error.message });
  return (
    <p className="error-message" role="alert" data-error-code={error.code}>
      {text}
    </p>
  );
}
