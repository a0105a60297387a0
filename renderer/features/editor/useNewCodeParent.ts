import { useCallback, useState } from 'react';
import type { CodeNode } from '../../../shared/documents';

const KEY = 'axial.newCodeParent';

/**
 * Where a code made while coding goes (in the palette or in vivo): the parent
 * the researcher chose last time, shown and changeable where the code is made;
 * the top of the codebook until one is chosen, or once it is deleted.
 */
export function useNewCodeParent(
  codes: readonly CodeNode[],
): [string | null, (id: string | null) => void] {
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(KEY) || null);
  const choose = useCallback((id: string | null) => {
    localStorage.setItem(KEY, id ?? '');
    setChosen(id);
  }, []);
  const present = chosen !== null && codes.some((code) => code.id === chosen);
  return [present ? chosen : null, choose];
}
