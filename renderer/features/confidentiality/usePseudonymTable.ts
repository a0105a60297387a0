import { useCallback, useEffect, useState } from 'react';
import type { PseudonymEntry } from '../../../shared/pseudonyms';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

/** The project's pseudonym table, read again after every undo and redo (they may change it). */
export function usePseudonymTable() {
  const api = useApi();
  const { onHistory, showError } = useProjectData();
  const [entries, setEntries] = useState<PseudonymEntry[] | null>(null);
  const reload = useCallback(
    () => api['pseudonyms.list']({}).then(setEntries, showError),
    [api, showError],
  );
  useEffect(() => {
    void reload();
    return onHistory(() => void reload());
  }, [reload, onHistory]);
  return { entries, setEntries };
}
