import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/errors';
import { ApiCallError } from '../api/client';

/** Any thrown value as the typed error the UI shows. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function ErrorMessage({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const params = { path: '', detail: '', details: '', ...error.params };
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
