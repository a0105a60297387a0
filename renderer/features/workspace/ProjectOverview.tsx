import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityEntry, ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import { formatDateTime } from '../../components/formatDate';
import { describeActivity } from './describeActivity';

export function ProjectOverview({ project }: { project: ProjectSummary }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const { error, run } = useAction();
  useEffect(() => {
    void run(async () => setActivity(await api['projects.activity']({ limit: 20 })));
  }, [api, run, project.modifiedAt]);
  return (
    <section className="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{project.title}</h2>
      <p className="description">{project.description || t('workspace.noDescription')}</p>
      <dl className="facts">
        <dt>{t('workspace.file')}</dt>
        <dd className="project-path">{project.readOnlyCopy?.of ?? project.path}</dd>
        <dt>{t('start.projectLanguage')}</dt>
        <dd>{t(`languageNames.${project.language}`)}</dd>
      </dl>
      <p className="muted">
        {t('workspace.created', { date: formatDateTime(project.createdAt, i18n.language) })}
      </p>
      <h3>{t('workspace.activity')}</h3>
      <ErrorMessage error={error} />
      {activity.length === 0 ? (
        <p className="muted">{t('workspace.noActivity')}</p>
      ) : (
        <ol className="activity">
          {activity.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>{' '}
              {describeActivity(entry, t, i18n.language)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
