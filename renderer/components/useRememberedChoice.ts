import { useCallback, useState } from 'react';

/**
 * A view's choice kept for the session (the pane open, the code a table is
 * of), so leaving the view and coming back finds it as it was left.
 */
export function useRememberedChoice<T extends string>(
  key: string,
  initial: T,
): [T, (value: T) => void] {
  const storageKey = `axial.choice.${key}`;
  const [value, setValue] = useState<T>(
    () => (sessionStorage.getItem(storageKey) as T | null) ?? initial,
  );
  const remember = useCallback(
    (next: T) => {
      sessionStorage.setItem(storageKey, next);
      setValue(next);
    },
    [storageKey],
  );
  return [value, remember];
}
