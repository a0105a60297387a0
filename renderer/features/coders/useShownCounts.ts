import { useEffect, useState } from 'react';
import type { CodeNode } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import { useCoderView } from './CoderView';

/** The codes with the counts of the codings shown: one coder's in a view by coder, everyone's otherwise. */
export function useShownCounts(codes: readonly CodeNode[]): readonly CodeNode[] {
  const api = useApi();
  const { history, showError } = useProjectData();
  const { shown } = useCoderView();
  const [counts, setCounts] = useState<{ coder: string; byCode: Record<string, number> } | null>(
    null,
  );
  useEffect(() => {
    if (!shown) return;
    let current = true;
    api['codes.countsOf']({ coder: shown })
      .then((byCode) => {
        if (current) setCounts({ coder: shown, byCode });
      })
      .catch(showError);
    return () => {
      current = false;
    };
  }, [api, showError, shown, history.writes]);
  // Until one coder's counts are in, none are shown rather than everyone's: blind means blind.
  if (!shown) return codes;
  const byCode = counts?.coder === shown ? counts.byCode : {};
  return codes.map((code) => ({ ...code, codingCount: byCode[code.id] ?? 0 }));
}
