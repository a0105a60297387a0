import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { DemoCard } from './DemoCard';
import { NewProjectForm } from './NewProjectForm';
import { OpenProjectForm } from './OpenProjectForm';
import { RecentProjectsList } from './RecentProjectsList';

export function StartScreen({
  info,
  onOpened,
  onImportProject,
}: {
  info: AppInfo;
  onOpened: (project: ProjectSummary) => void;
  onImportProject: () => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="start-screen">
      <p className="tagline">{t('app.tagline')}</p>
      <div className="start-grid">
        <div className="start-column">
          <RecentProjectsList onOpened={onOpened} />
          <OpenProjectForm info={info} onOpened={onOpened} />
          <DemoCard onOpened={onOpened} />
          <section className="card" aria-labelledby="import-project-heading">
            <h2 id="import-project-heading">{t('start.importHeading')}</h2>
            <p>{t('start.importExplanation')}</p>
            <button type="button" onClick={onImportProject}>
              {t('start.importProject')}
            </button>
          </section>
        </div>
        <NewProjectForm info={info} onOpened={onOpened} />
      </div>
    </main>
  );
}
