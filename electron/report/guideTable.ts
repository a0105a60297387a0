import type { TFunction } from 'i18next';
import type { GuideDetail } from '../../shared/guides';
import type { ReportCell } from '../../shared/report';
import type { TableDraft } from './attributeTables';

/** The article's Table 3: the guide's numbered questions, each with its follow-up prompts. */
export function guideTable(guide: GuideDetail, t: TFunction): TableDraft {
  const rows: (ReportCell[] | { number: string; text: string; prompts: string[] })[] = [];
  for (const item of guide.items) {
    const last = rows.at(-1);
    if (item.kind === 'section') rows.push([{ text: item.text, columnSpan: 3, strong: true }]);
    else if (item.kind === 'question')
      rows.push({ number: item.number, text: item.text, prompts: [] });
    // A prompt belongs to the question before it (the guide's items are in reading order).
    else if (last && !Array.isArray(last)) last.prompts.push(`${item.number} ${item.text}`);
  }
  return {
    head: [t('report.columns.number'), t('report.columns.question'), t('report.columns.prompts')],
    rows: rows.map((row) =>
      Array.isArray(row)
        ? row
        : [
            { text: row.number, strong: true },
            { text: row.text },
            { text: row.prompts.join('\n') },
          ],
    ),
    notes: [],
  };
}
