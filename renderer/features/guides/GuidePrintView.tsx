import { useTranslation } from 'react-i18next';
import type { GuideDetail } from '../../../shared/guides';
import { useProjectData } from '../project/ProjectData';

/** The interviewer's sheet: numbered questions, prompts, notes, durations, and room to write. */
export function GuidePrintView({ guide }: { guide: GuideDetail }) {
  const { t } = useTranslation();
  const { codes } = useProjectData();
  return (
    <article className="guide-print" aria-label={t('guides.printView')}>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('guides.print')}
      </button>
      <h1>{guide.title}</h1>
      <p className="muted">
        {t('guides.version')} {guide.versionLabel}
        {guide.changeNote ? ` — ${guide.changeNote}` : ''}
      </p>
      {guide.items.map((item) =>
        item.kind === 'section' ? (
          <h2 key={item.id}>{item.text}</h2>
        ) : item.kind === 'question' ? (
          <div key={item.id} className="print-question">
            <p className="print-question-text">
              <strong>
                {item.number}. {item.text}
              </strong>
            </p>
            {(item.durationMinutes !== null || item.codeIds.length > 0) && (
              <p className="muted small">
                {item.durationMinutes !== null
                  ? t('guides.minutes', { count: item.durationMinutes })
                  : ''}
                {item.codeIds.length > 0
                  ? ` ${t('guides.informs')} ${item.codeIds.map((id) => codes.find((code) => code.id === id)?.name).join(', ')}`
                  : ''}
              </p>
            )}
            {item.note && <p className="print-note">{item.note}</p>}
            <div className="notes-space" />
          </div>
        ) : (
          <p key={item.id} className="print-prompt">
            {item.number} {item.text}
          </p>
        ),
      )}
    </article>
  );
}
