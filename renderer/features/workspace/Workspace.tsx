import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JobsTray } from '../jobs/BackgroundJobs';
import type { ProjectSummary } from '../../../shared/domain';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AnalysisView } from '../analysis/AnalysisView';
import { CasesView } from '../cases/CasesView';
import { CodebookPanel } from '../codebook/CodebookPanel';
import { CoderViewProvider } from '../coders/CoderView';
import type { DocumentTarget } from '../documents/DocumentsView';
import { DocumentsView } from '../documents/DocumentsView';
import { ExchangeView } from '../exchange/ExchangeView';
import { ConfidentialityView } from '../confidentiality/ConfidentialityView';
import { ProjectFollowsHistory } from './ProjectFollowsHistory';
import { GuidesView } from '../guides/GuidesView';
import { PassagesView } from '../passages/PassagesView';
import { SearchView } from '../search/SearchView';
import { ProjectDataProvider, useProjectData } from '../project/ProjectData';
import { HISTORY_EVENT, isTextField } from './historyCommands';
import { ProjectOverview } from './ProjectOverview';
import { historyStepLabel } from './historyLabel';

export const workspaceSections = [
  'overview',
  'documents',
  'codebook',
  'passages',
  'search',
  'cases',
  'guides',
  'analysis',
  'exchange',
  'confidentiality',
] as const;
export type WorkspaceSection = (typeof workspaceSections)[number];

function HistoryButtons() {
  const { t } = useTranslation();
  const { history, undo, redo } = useProjectData();
  useEffect(() => {
    // Ctrl+Z anywhere in the workspace undoes the last action; inside a text field it stays the field's own.
    const onKey = (event: KeyboardEvent) => {
      // The transcript editor handles its own keys (and calls the same history).
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.isContentEditable) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    };
    const onCommand = (event: Event) => {
      void ((event as CustomEvent<'undo' | 'redo'>).detail === 'undo' ? undo() : redo());
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(HISTORY_EVENT, onCommand);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(HISTORY_EVENT, onCommand);
    };
  }, [undo, redo]);
  return (
    <div className="history-buttons">
      <button
        type="button"
        disabled={!history.undoLabel}
        onClick={() => void undo()}
        title={historyStepLabel(t, 'undo', history.undoLabel)}
      >
        {t('history.undo')}
      </button>
      <button
        type="button"
        disabled={!history.redoLabel}
        onClick={() => void redo()}
        title={historyStepLabel(t, 'redo', history.redoLabel)}
      >
        {t('history.redo')}
      </button>
    </div>
  );
}

function WorkspaceError({ place }: { place: string }) {
  const { t } = useTranslation();
  const { error, clearError } = useProjectData();
  // An error describes what was just done where the researcher was: once they move to another
  // area or document, it no longer does.
  useEffect(() => clearError(), [place, clearError]);
  if (!error) return null;
  return (
    <div className="workspace-error">
      <ErrorMessage error={error} />
      <button type="button" className="link" onClick={clearError}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

/** The project's workspace: a sidebar of areas, each filled by its feature. */
/** Each move to another section asks whether another client wrote meanwhile. */
function CheckForWritesOn({ section }: { section: WorkspaceSection }) {
  const { checkForWrites } = useProjectData();
  useEffect(() => checkForWrites(), [section, checkForWrites]);
  return null;
}

export function Workspace({
  project,
  coderName,
  onImportProject,
  onProjectChanged,
}: {
  project: ProjectSummary;
  /** The project's row changed by an action or its undo (its title, by replacing names). */
  onProjectChanged: (project: ProjectSummary) => void;
  /** The researcher's name as a coder: "only mine" shows their codings. */
  coderName: string | null;
  onImportProject: () => void;
}) {
  const { t } = useTranslation();
  const [section, setSection] = useState<WorkspaceSection>('overview');
  const [target, setTarget] = useState<DocumentTarget | null>(null);
  const openDocument = useCallback((next: DocumentTarget | null) => {
    setTarget(next);
    if (next) setSection('documents');
  }, []);
  return (
    <ProjectDataProvider readOnly={project.readOnlyCopy !== null}>
      <CoderViewProvider projectId={project.id} me={coderName}>
        <CheckForWritesOn section={section} />
        <ProjectFollowsHistory project={project} onChanged={onProjectChanged} />
        <div className="workspace">
          <nav className="sidebar" aria-label={project.title}>
            <ul>
              {workspaceSections.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    aria-current={section === name ? 'page' : undefined}
                    onClick={() => setSection(name)}
                  >
                    {t(`workspace.sections.${name}`)}
                  </button>
                </li>
              ))}
            </ul>
            <HistoryButtons />
            <JobsTray />
          </nav>
          <main className="workspace-main">
            <WorkspaceError place={`${section}/${target?.documentId ?? ''}`} />
            {section === 'overview' && <ProjectOverview project={project} />}
            {section === 'documents' && <DocumentsView target={target} onOpen={openDocument} />}
            {section === 'codebook' && (
              <div className="codebook-page">
                <CodebookPanel canApply={false} onApply={() => undefined} />
              </div>
            )}
            {section === 'passages' && <PassagesView onOpen={openDocument} />}
            {section === 'cases' && <CasesView />}
            {section === 'search' && <SearchView onOpen={openDocument} />}
            {section === 'guides' && <GuidesView onOpen={openDocument} />}
            {section === 'analysis' && <AnalysisView onOpen={openDocument} />}
            {section === 'exchange' && <ExchangeView onImportProject={onImportProject} />}
            {section === 'confidentiality' && <ConfidentialityView project={project} />}
          </main>
        </div>
      </CoderViewProvider>
    </ProjectDataProvider>
  );
}
