import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { NewProjectForm } from './NewProjectForm';
import { OpenProjectForm } from './OpenProjectForm';
import { RecentProjectsList } from './RecentProjectsList';

export function StartScreen({
  info,
  onOpened,
}: {
  info: AppInfo;
  onOpened: (project: ProjectSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="start-screen">
      <p className="tagline">{t('app.tagline')}</p>
      <div className="start-grid">
        <div className="start-column">
          <RecentProjectsList onOpened={onOpened} />
          <OpenProjectForm info={info} onOpened={onOpened} />
        </div>
        <NewProjectForm info={info} onOpened={onOpened} />
      </div>
    </main>
  );
}
