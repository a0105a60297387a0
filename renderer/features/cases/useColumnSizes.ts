import type { ColumnSizingState, Updater } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';

function storedSizes(storageKey: string): ColumnSizingState {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        (entry): entry is [string, number] =>
          typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] > 0,
      ),
    );
  } catch {
    // A value written by hand or by an older version: the default widths instead.
    return {};
  }
}

/**
 * Column widths of a table: the ones the researcher set, remembered on this
 * computer per kind of table, over defaults that follow the table's content.
 */
export function useColumnSizes(
  key: string,
  defaults: ColumnSizingState,
): {
  sizes: ColumnSizingState;
  change: (updater: Updater<ColumnSizingState>) => void;
  reset: (columnId: string) => void;
} {
  const storageKey = `axial.columns.${key}`;
  const [chosen, setChosen] = useState<ColumnSizingState>(() => storedSizes(storageKey));
  const sizes = useMemo(() => ({ ...defaults, ...chosen }), [defaults, chosen]);
  const keep = useCallback(
    (next: ColumnSizingState) => {
      localStorage.setItem(storageKey, JSON.stringify(next));
      setChosen(next);
    },
    [storageKey],
  );
  const change = useCallback(
    (updater: Updater<ColumnSizingState>) => {
      const next = typeof updater === 'function' ? updater(sizes) : updater;
      // Only what differs from the defaults is the researcher's choice.
      keep(
        Object.fromEntries(
          Object.entries(next).filter(([column, size]) => defaults[column] !== size),
        ),
      );
    },
    [defaults, keep, sizes],
  );
  const reset = useCallback(
    (columnId: string) =>
      keep(Object.fromEntries(Object.entries(chosen).filter(([column]) => column !== columnId))),
    [chosen, keep],
  );
  return { sizes, change, reset };
}
