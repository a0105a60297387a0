import { useTranslation } from 'react-i18next';
import type { ExchangeWarning } from '../../../shared/exchange';

/** What an import left out or changed, item by item: nothing is dropped without a word. */
export function ImportWarnings({ warnings }: { warnings: readonly ExchangeWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <>
      <p>{t('exchange.report.warnings', { count: warnings.length })}</p>
      <ul className="import-warnings">
        {warnings.map((warning) => (
          <li key={`${warning.kind}:${warning.item}`}>
            {t(`exchange.warnings.${warning.kind}`, { item: warning.item })}
          </li>
        ))}
      </ul>
    </>
  );
}
