import { useEffect, useState } from 'react';
import type { AgreementReport, CoderSummary } from '../../../shared/agreement/report';
import { useApi } from '../../api/context';
import { toApiError } from '../../components/ErrorMessage';
import { useProjectData } from '../project/ProjectData';

export interface AgreementChoice {
  first: string;
  second: string;
  /** Percent, as the researcher types it. */
  threshold: number;
  /** Null: every document both coded. */
  documentIds: string[] | null;
}

/** The choice as the API asks for it (the threshold from percent to a share). */
export function agreementQuery(choice: AgreementChoice) {
  return {
    coders: [choice.first, choice.second] as [string, string],
    threshold: choice.threshold / 100,
    ...(choice.documentIds ? { documentIds: choice.documentIds } : {}),
  };
}

/** The coders, the researcher's choice of what to compare, and the report, kept current with every write. */
export function useAgreement() {
  const api = useApi();
  const { history, showError } = useProjectData();
  const [coders, setCoders] = useState<CoderSummary[] | null>(null);
  const [choice, setChoice] = useState<AgreementChoice>({
    first: '',
    second: '',
    threshold: 90,
    documentIds: null,
  });
  const [report, setReport] = useState<AgreementReport | null>(null);

  useEffect(() => {
    let current = true;
    api['agreement.coders']({})
      .then((list) => {
        if (!current) return;
        setCoders(list);
        // The first two coders by default. A choice made is kept, even when an undo takes
        // away one coder's last coding: the view says so rather than comparing another pair.
        setChoice((previous) => {
          const names = list.map((coder) => coder.name);
          const first = previous.first || (names[0] ?? '');
          const second = previous.second || (names.find((name) => name !== first) ?? '');
          return { ...previous, first, second };
        });
      })
      .catch(showError);
    return () => {
      current = false;
    };
  }, [api, showError, history.writes]);

  // A coder chosen who has no codings now (undone, deleted): nothing to compute until they do.
  const missing = coders
    ? [choice.first, choice.second].filter(
        (name) => name !== '' && !coders.some((coder) => coder.name === name),
      )
    : [];
  const ready =
    coders !== null &&
    missing.length === 0 &&
    choice.first !== '' &&
    choice.second !== '' &&
    choice.first !== choice.second &&
    choice.threshold >= 1 &&
    choice.threshold <= 100 &&
    (choice.documentIds === null || choice.documentIds.length > 0);
  useEffect(() => {
    if (!ready) {
      setReport(null);
      return;
    }
    let current = true;
    api['agreement.compute'](agreementQuery(choice))
      .then((found) => {
        if (current) setReport(found);
      })
      .catch(quietWhenCoderGone(showError, () => current && setReport(null)));
    return () => {
      current = false;
    };
  }, [api, showError, ready, choice, history.writes]);

  return { coders, choice, setChoice, report, ready, missing };
}

/**
 * A coder whose codings a write has just taken away (an undo in flight while
 * the list of coders is read again) is no error: the view says so once the list
 * arrives.
 */
export function quietWhenCoderGone(
  showError: (error: unknown) => void,
  onGone: () => void,
): (error: unknown) => void {
  return (error) => {
    if (toApiError(error).params?.reason === 'unknownCoder') onGone();
    else showError(error);
  };
}
