import { useCallback, useEffect, useState } from 'react';
import type { QuotationList } from '../../../shared/contract/quotations';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

/**
 * The project's key quotations, read again after every action and undo (a
 * coding removed takes its quotation with it, a text edited changes its
 * words), and set from what each change of them returns.
 */
export function useQuotations() {
  const api = useApi();
  const { history, showError } = useProjectData();
  const [list, setList] = useState<QuotationList | null>(null);
  useEffect(() => {
    let current = true;
    void api['quotations.list']({}).then((next) => {
      if (current) setList(next);
    }, showError);
    return () => {
      current = false;
    };
  }, [api, history, showError]);
  const change = useCallback(
    (write: () => Promise<QuotationList>) => {
      void write().then(setList, showError);
    },
    [showError],
  );
  return { list, change };
}
