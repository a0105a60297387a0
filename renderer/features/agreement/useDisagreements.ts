import { useCallback, useEffect, useState } from 'react';
import type { Resolution } from '../../../shared/agreement/disagreements';
import type { Disagreements } from '../../../shared/agreement/report';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import type { AgreementChoice } from './useAgreement';
import { agreementQuery, quietWhenCoderGone } from './useAgreement';

/** The disagreements of the choice (one code's, when one is picked), kept current with every write. */
export function useDisagreements(choice: AgreementChoice, ready: boolean, codeId: string | null) {
  const api = useApi();
  const { history, showError } = useProjectData();
  const [found, setFound] = useState<Disagreements | null>(null);
  useEffect(() => {
    if (!ready) {
      setFound(null);
      return;
    }
    let current = true;
    api['agreement.disagreements']({ ...agreementQuery(choice), ...(codeId ? { codeId } : {}) })
      .then((list) => {
        if (current) setFound(list);
      })
      .catch(quietWhenCoderGone(showError, () => current && setFound(null)));
    return () => {
      current = false;
    };
  }, [api, showError, ready, choice, codeId, history.writes]);

  const resolve = useCallback(
    (item: Disagreements['items'][number], resolution: Resolution) =>
      void api['agreement.resolve']({
        coders: [choice.first, choice.second],
        documentId: item.documentId,
        codeId: item.codeId,
        codingIds: [...item.first, ...item.second].map((span) => span.id),
        resolution,
      }).catch(showError),
    [api, showError, choice.first, choice.second],
  );
  return { found, resolve };
}
