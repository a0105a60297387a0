import { useCallback, useState } from 'react';
import type { CodeNode } from '../../../shared/documents';

const KEY = 'axial.newCodeParent';

/** Where a code made while coding goes when no parent is chosen: the "In vivo" group. */
export const IN_VIVO_GROUP_CHOICE = ':in-vivo-group';

/**
 * Where a code made while coding goes (in the palette or in vivo): the parent
 * the researcher chose last time, shown and changeable where the code is made;
 * the "In vivo" group until one is chosen, or once the chosen one is deleted,
 * never a new axis of the model unless asked for. Null: the top of the codebook.
 */
export function useNewCodeParent(
  codes: readonly CodeNode[],
): [string | null, (id: string | null) => void] {
  const [chosen, setChosen] = useState<string | null>(() => {
    const stored = localStorage.getItem(KEY);
    return stored === null ? IN_VIVO_GROUP_CHOICE : stored || null;
  });
  const choose = useCallback((id: string | null) => {
    localStorage.setItem(KEY, id ?? '');
    setChosen(id);
  }, []);
  if (chosen === null || chosen === IN_VIVO_GROUP_CHOICE) return [chosen, choose];
  return [codes.some((code) => code.id === chosen) ? chosen : IN_VIVO_GROUP_CHOICE, choose];
}

/** The API's fields for a new code's place. */
export function newCodePlace(parentId: string | null): {
  parentId: string | null;
  inVivoGroup: boolean;
} {
  return parentId === IN_VIVO_GROUP_CHOICE
    ? { parentId: null, inVivoGroup: true }
    : { parentId, inVivoGroup: false };
}
