import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';

/**
 * Before an export: how many of the pseudonym table's names the project still
 * holds, so that nothing identifying leaves unnoticed. Nothing shows without a table.
 */
export function NamesStillWritten() {
  const { t } = useTranslation();
  const api = useApi();
  const [total, setTotal] = useState(0);
  useEffect(() => {
    let current = true;
    void api['pseudonyms.list']({})
      .then((entries) => (entries.length ? api['pseudonyms.occurrences']({ limit: 1 }) : null))
      .then(
        (found) => {
          if (current) setTotal(found?.total ?? 0);
        },
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [api]);
  if (!total) return null;
  return (
    <p className="warning" role="note">
      {t('confidentiality.namesInExport', { count: total })}
    </p>
  );
}
