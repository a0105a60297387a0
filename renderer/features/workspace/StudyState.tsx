import { useTranslation } from 'react-i18next';
import type { StudyOverview } from '../../../shared/domain';
import { formatDateTime } from '../../components/formatDate';

/** Where the study stands: what there is, how much is coded on each axis, how far the guides are covered. */
export function StudyState({ overview }: { overview: StudyOverview }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const mostPassages = Math.max(1, ...overview.axes.map((axis) => axis.passages));
  const join = (parts: string[]) => parts.filter(Boolean).join(' · ');
  return (
    <section className="study-state" aria-labelledby="study-state-heading">
      <h3 id="study-state-heading">{t('workspace.state')}</h3>
      <ul className="state-facts">
        <li>
          {join([
            t('workspace.transcripts', { count: overview.transcripts }),
            overview.otherDocuments > 0
              ? t('workspace.otherDocuments', { count: overview.otherDocuments })
              : '',
            overview.recordings > 0
              ? t('workspace.recordings', { count: overview.recordings })
              : '',
          ])}
        </li>
        <li>
          {t('workspace.codings', { count: overview.codings })}{' '}
          {overview.codings > 0
            ? t('workspace.codedDocuments', { count: overview.codedDocuments })
            : ''}
          {' · '}
          {t('workspace.codes', { count: overview.codes })}
        </li>
        <li>
          {join([
            t('workspace.cases', { count: overview.cases }),
            t('workspace.participants', { count: overview.participants }),
            overview.ratedCases > 0
              ? t('workspace.ratedCases', { count: overview.ratedCases })
              : '',
          ])}
        </li>
      </ul>
      <h4>{t('workspace.axesHeading')}</h4>
      {overview.axes.length === 0 ? (
        <p className="muted">{t('workspace.noAxes')}</p>
      ) : (
        <ul className="axis-counts">
          {overview.axes.map((axis) => (
            <li key={axis.codeId}>
              <span className="axis-name">{axis.name}</span>
              <span className="axis-bar" aria-hidden="true">
                <span
                  style={{
                    width: `${(100 * axis.passages) / mostPassages}%`,
                    background: axis.colour,
                  }}
                />
              </span>
              <span className="axis-count">
                {t('workspace.axisPassages', { count: axis.passages })}{' '}
                {axis.passages > 0 ? t('workspace.axisDocuments', { count: axis.documents }) : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('workspace.coverageHeading')}</h4>
      {overview.guides.length === 0 ? (
        <p className="muted">{t('workspace.noGuides')}</p>
      ) : (
        <ul className="guide-coverage">
          {overview.guides.map((guide) => {
            const cells = guide.questions * guide.interviews;
            return (
              <li key={guide.guideId}>
                <strong>{guide.title}</strong>{' '}
                <span className="muted">
                  {t('workspace.guideQuestions', { count: guide.questions })}
                  {guide.interviews > 0
                    ? t('workspace.followedBy', { count: guide.interviews })
                    : t('workspace.guideUnused')}
                </span>
                {cells > 0 && (
                  <>
                    <br />
                    {t('workspace.coverage', {
                      count: guide.answered,
                      cells,
                      share: percent.format(guide.answered / cells),
                    })}
                    {guide.asked > 0 && (
                      <>
                        {' · '}
                        {t('workspace.coverageAsked', { count: guide.asked })}
                      </>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {overview.lastActivityAt && (
        <p className="muted">
          {t('workspace.lastActivity', {
            date: formatDateTime(overview.lastActivityAt, language),
          })}
        </p>
      )}
    </section>
  );
}
