import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityEntry, ProjectSummary, StudyOverview } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import { formatDateTime } from '../../components/formatDate';
import { useProjectData } from '../project/ProjectData';
import { describeActivity } from './describeActivity';
import { StudyState } from './StudyState';

export function ProjectOverview({ project }: { project: ProjectSummary }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { history } = useProjectData();
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const [overview, setOverview] = useState<StudyOverview | null>(null);
  const { error, run } = useAction();
  useEffect(() => {
    void run(async () => {
      const [entries, state] = await Promise.all([
        api['projects.activity']({ limit: 30 }),
        api['projects.overview']({}),
      ]);
      setActivity(entries);
      setOverview(state);
    });
    // The history labels change with every action, undo and redo: the counts and the log follow.
  }, [api, run, project.modifiedAt, history.writes]);
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
      <ErrorMessage error={error} />
      {overview && <StudyState overview={overview} />}
      <h3>{t('workspace.activity')}</h3>
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
