import { useCallback, useRef } from 'react';

/**
 * Runs an action unless the same one is still running, so that a double-click
 * acts once: the second click of a delete found the item gone and said so, a
 * second "Add" found the name taken by the first. Keyed, so that different
 * actions (or the same action on different items) never wait for each other.
 */
export function useSingleFlight(): <T>(
  key: string,
  action: () => Promise<T>,
) => Promise<T | undefined> {
  const running = useRef(new Set<string>());
  return useCallback(async <T>(key: string, action: () => Promise<T>) => {
    if (running.current.has(key)) return undefined;
    running.current.add(key);
    try {
      return await action();
    } finally {
      running.current.delete(key);
    }
  }, []);
}
