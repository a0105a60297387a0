import { useCallback, useState } from 'react';

const KEY = 'axial.recentCodes';
const LIMIT = 9;

/** The codes applied most recently (Alt+1…9), kept for this browser tab. */
export function useRecentCodes(): [string[], (codeIds: readonly string[]) => void] {
  const [recent, setRecent] = useState<string[]>(() => {
    try {
      const stored = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(stored)
        ? stored.filter((value): value is string => typeof value === 'string')
        : [];
    } catch {
      return [];
    }
  });
  const remember = useCallback((codeIds: readonly string[]) => {
    setRecent((current) => {
      const next = [...codeIds, ...current.filter((id) => !codeIds.includes(id))].slice(0, LIMIT);
      sessionStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [recent, remember];
}
