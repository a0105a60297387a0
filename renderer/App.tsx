import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, ProjectSummary } from '../shared/domain';
import type { MenuCommand } from '../shared/menu';
import { isMenuCommand } from '../shared/menu';
import { useApi } from './api/context';
import { CoderNameForm } from './components/CoderNameForm';
import { ProjectCoders } from './features/coders/ProjectCoders';
import { Dialog } from './components/Dialog';
import { ReadOnlyBanner } from './features/workspace/ReadOnlyBanner';
import { ProjectOpenError } from './features/start/ProjectOpenError';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useAction } from './components/useAction';
import { StartScreen } from './features/start/StartScreen';
import { ProjectPropertiesDialog } from './features/workspace/ProjectPropertiesDialog';
import { SaveCopyDialog } from './features/workspace/SaveCopyDialog';
import { flushPendingEdits } from './features/project/pendingEdits';
import { runHistoryCommand } from './features/workspace/historyCommands';
import { Workspace } from './features/workspace/Workspace';
import { ImportProjectDialog } from './features/exchange/ImportProjectDialog';
import { BackgroundJobsProvider, JobsTray } from './features/jobs/BackgroundJobs';

type OpenDialog = 'properties' | 'saveCopy' | 'about' | 'importProject' | 'coder' | null;

export function App({ initialInfo }: { initialInfo: AppInfo | null }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(initialInfo);
  const [project, setProject] = useState<ProjectSummary | null>(null);
  const [ready, setReady] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { error, run } = useAction();

  useEffect(() => {
    void run(async () => {
      setInfo(await api['app.info']({}));
      setProject(await api['projects.current']({}));
      setReady(true);
    });
  }, [api, run]);

  useEffect(() => {
    document.title = project ? `${project.title} — Axial` : 'Axial';
  }, [project]);

  const setCoderName = (name: string) => {
    void run(async () => {
      setInfo(await api['app.setCoderName']({ name }));
      setDialog(null);
    });
  };

  const changeLanguage = (language: Language) => {
    void run(async () => {
      setInfo(await api['app.setLanguage']({ language }));
      await i18n.changeLanguage(language);
    });
  };

  const closeProject = useCallback(() => {
    void run(async () => {
      await flushPendingEdits();
      await api['projects.close']({});
      setDialog(null);
      setProject(null);
    });
  }, [api, run]);

  const openWithDialog = useCallback(() => {
    void run(async () => {
      const chosen = await api['app.choosePath']({ purpose: 'open' });
      if (chosen.path) setProject(await api['projects.open']({ path: chosen.path }));
    });
  }, [api, run]);

  const onMenuCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'closeProject') closeProject();
      else if (command === 'openProject' && info?.nativeDialogs) openWithDialog();
      else if (command === 'newProject' || command === 'openProject') {
        // The start screen holds both forms.
        if (project) closeProject();
      } else if (command === 'projectProperties' && project) setDialog('properties');
      else if (command === 'saveCopy' && project) setDialog('saveCopy');
      else if (command === 'about') setDialog('about');
      else if (command === 'undo' || command === 'redo') runHistoryCommand(command);
    },
    [closeProject, info, openWithDialog, project],
  );

  useEffect(
    () =>
      window.axial?.onMenuCommand((command) => {
        if (isMenuCommand(command)) onMenuCommand(command);
      }),
    [onMenuCommand],
  );

  return (
    // Above the workspace: a job outlives the project it was started in, and says how it ended.
    <BackgroundJobsProvider>
      <div className="app">
        <header className="topbar">
          <h1 className="brand">{t('app.name')}</h1>
          {project && (
            <div className="project-actions">
              <span className="project-title" data-testid="project-title">
                {project.title}
              </span>
              <button type="button" onClick={() => setDialog('properties')}>
                {t('workspace.properties')}
              </button>
              <button type="button" onClick={() => setDialog('saveCopy')}>
                {t('workspace.saveCopy')}
              </button>
              <button type="button" onClick={closeProject}>
                {t('workspace.close')}
              </button>
            </div>
          )}
          {info && (
            <button
              type="button"
              className={`link coder-name${info.coderName ? '' : ' unset'}`}
              onClick={() => setDialog('coder')}
            >
              {info.coderName ? t('coder.named', { name: info.coderName }) : t('coder.unset')}
            </button>
          )}
          <LanguageSwitch onChange={changeLanguage} />
        </header>
        <ProjectOpenError error={error} run={run} onOpened={setProject} />
        {project?.readOnlyCopy && <ReadOnlyBanner copy={project.readOnlyCopy} />}
        {!ready || !info ? (
          !error && <p className="muted loading">{t('app.loading')}</p>
        ) : project ? (
          <Workspace
            key={project.path}
            project={project}
            coderName={info.coderName}
            onImportProject={() => setDialog('importProject')}
            onProjectChanged={setProject}
          />
        ) : (
          <>
            {/* An export stopped by closing its project says so here too. */}
            <JobsTray />
            <StartScreen
              info={info}
              onCoderName={setCoderName}
              onOpened={setProject}
              onImportProject={() => setDialog('importProject')}
            />
          </>
        )}
        {dialog === 'properties' && project && (
          <ProjectPropertiesDialog
            project={project}
            onClose={() => setDialog(null)}
            onSaved={(saved) => {
              setProject(saved);
              setDialog(null);
            }}
          />
        )}
        {dialog === 'saveCopy' && project && info && (
          <SaveCopyDialog info={info} project={project} onClose={() => setDialog(null)} />
        )}
        {dialog === 'importProject' && info && (
          <ImportProjectDialog info={info} onOpened={setProject} onClose={() => setDialog(null)} />
        )}
        {dialog === 'coder' && info && (
          <Dialog title={t('coder.heading')} onClose={() => setDialog(null)}>
            <CoderNameForm
              current={info.coderName}
              onSave={setCoderName}
              onCancel={() => setDialog(null)}
            />
            {project && <ProjectCoders />}
          </Dialog>
        )}
        {dialog === 'about' && (
          <Dialog title={t('about.heading')} onClose={() => setDialog(null)}>
            <p>{t('about.body', { version: info?.version ?? '' })}</p>
            <div className="dialog-buttons">
              <button type="button" onClick={() => setDialog(null)}>
                {t('about.close')}
              </button>
            </div>
          </Dialog>
        )}
      </div>
    </BackgroundJobsProvider>
  );
}
