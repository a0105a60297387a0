import { useCallback, useEffect, useState } from 'react';
import type { ReportBlock, ReportContent, ReportLayout } from '../../../shared/report';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

/**
 * The report's blocks and the report they make, read again after every
 * action and undo anywhere (a coding removed, an attribute renamed change
 * its tables); the blocks saved whole, one step to undo.
 */
export function useReport() {
  const api = useApi();
  const { history, showError } = useProjectData();
  const [layout, setLayout] = useState<ReportLayout | null>(null);
  const [content, setContent] = useState<ReportContent | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([api['reports.layout']({}), api['reports.content']({})]).then(
      ([nextLayout, nextContent]) => {
        if (!current) return;
        setLayout(nextLayout);
        setContent(nextContent);
      },
      showError,
    );
    return () => {
      current = false;
    };
  }, [api, history, showError]);
  const save = useCallback(
    (blocks: ReportBlock[]) => {
      setLayout((shown) => (shown ? { blocks, arranged: true } : shown));
      void api['reports.saveLayout']({ blocks }).then(setLayout, showError);
    },
    [api, showError],
  );
  return { layout, content, save };
}
