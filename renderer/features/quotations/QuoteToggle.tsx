import { useTranslation } from 'react-i18next';
import type { QuotationList } from '../../../shared/contract/quotations';
import { useApi } from '../../api/context';

/** Marks a coded passage as a key quotation for the write-up, or unmarks it. */
export function QuoteToggle({
  codingId,
  list,
  onChange,
}: {
  codingId: string;
  list: QuotationList | null;
  onChange: (write: () => Promise<QuotationList>) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const quotation = list?.quotations.find((candidate) => candidate.codingId === codingId);
  return (
    <button
      type="button"
      className="link quote-toggle"
      aria-pressed={quotation !== undefined}
      disabled={list === null}
      onClick={() =>
        onChange(() =>
          quotation
            ? api['quotations.unmark']({ id: quotation.id })
            : api['quotations.mark']({ codingId, shortForm: '' }),
        )
      }
    >
      {quotation ? t('quotations.marked') : t('quotations.mark')}
    </button>
  );
}
