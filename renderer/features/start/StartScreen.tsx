import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { CoderNameForm } from '../../components/CoderNameForm';
import { DemoCard } from './DemoCard';
import { NewProjectForm } from './NewProjectForm';
import { OpenProjectForm } from './OpenProjectForm';
import { RecentProjectsList } from './RecentProjectsList';

export function StartScreen({
  info,
  onCoderName,
  onOpened,
  onImportProject,
}: {
  info: AppInfo;
  onCoderName: (name: string) => void;
  onOpened: (project: ProjectSummary) => void;
  onImportProject: () => void;
}) {
  const { t } = useTranslation();
  return (
    <main className="start-screen">
      <p className="tagline">{t('app.tagline')}</p>
      {info.coderName === null && (
        // First launch: the name each coding will carry, asked before any is made.
        <section className="card coder-first" aria-labelledby="coder-first-heading">
          <h2 id="coder-first-heading">{t('coder.heading')}</h2>
          <CoderNameForm current={null} onSave={onCoderName} />
        </section>
      )}
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
