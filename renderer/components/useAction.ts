import { useCallback, useState } from 'react';
import type { ApiError } from '../../shared/errors';
import { toApiError } from './ErrorMessage';

/** Runs one user action at a time, keeping its error for display. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, error, run, setError };
}
