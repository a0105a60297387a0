import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary, RecentProject } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { useAction } from '../../components/useAction';
import { ProjectOpenError } from './ProjectOpenError';
import { formatDateTime } from '../../components/formatDate';

export function RecentProjectsList({ onOpened }: { onOpened: (project: ProjectSummary) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const { error, run } = useAction();

  useEffect(() => {
    void run(async () => setRecent(await api['app.recentProjects']({})));
  }, [api, run]);

  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('start.recentProjects')}</h2>
      <ProjectOpenError error={error} run={run} onOpened={onOpened} />
      {recent && recent.length === 0 && <p className="muted">{t('start.noRecent')}</p>}
      <ul className="recent-list">
        {recent?.map((entry) => (
          <li key={entry.path} className={entry.missing ? 'recent missing' : 'recent'}>
            <button
              type="button"
              className="recent-open"
              disabled={entry.missing}
              title={entry.path}
              onClick={() =>
                void run(async () => onOpened(await api['projects.open']({ path: entry.path })))
              }
            >
              <strong>{entry.title}</strong>
              <small>{entry.path}</small>
              <small>
                {entry.missing
                  ? t('start.missing')
                  : t('start.lastOpened', { date: formatDateTime(entry.openedAt, i18n.language) })}
              </small>
            </button>
            <button
              type="button"
              className="link"
              aria-label={`${t('start.forget')}: ${entry.title}`}
              onClick={() =>
                void run(async () =>
                  setRecent(await api['app.forgetRecentProject']({ path: entry.path })),
                )
              }
            >
              {t('start.forget')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
