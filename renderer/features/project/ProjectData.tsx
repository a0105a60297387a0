import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type {
  CodeNode,
  DocumentSummary,
  HistoryResult,
  HistoryState,
} from '../../../shared/documents';
import { useApi } from '../../api/context';
import { toApiError } from '../../components/ErrorMessage';
import { withPendingEditsHeld } from './pendingEdits';
import type { ApiError } from '../../../shared/errors';
import type { AttributeDefinition, CaseRecord, ParticipantRecord } from '../../../shared/cases';

/** Listens for an undo or redo, to put text changes into an open editor. */
type HistoryListener = (result: HistoryResult) => void;

export interface ProjectData {
  /** A read-only copy of a project open elsewhere: nothing can be changed. */
  readOnly: boolean;
  codes: CodeNode[];
  documents: DocumentSummary[];
  cases: CaseRecord[];
  participants: ParticipantRecord[];
  attributes: AttributeDefinition[];
  history: HistoryState;
  error: ApiError | null;
  /** Reloads codes, documents and the undo state after any change. */
  refresh(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  onHistory(listener: HistoryListener): () => void;
  /** The undo history as a write that changed it (a typing save) returned it. */
  historyChanged(state: HistoryState): void;
  showError(error: unknown): void;
  clearError(): void;
}

const ProjectDataContext = createContext<ProjectData | null>(null);

export function useProjectData(): ProjectData {
  const data = useContext(ProjectDataContext);
  if (!data) throw new Error('useProjectData needs a ProjectDataProvider');
  return data;
}

export function ProjectDataProvider({
  readOnly,
  children,
}: {
  readOnly: boolean;
  children: ReactNode;
}) {
  const api = useApi();
  const [codes, setCodes] = useState<CodeNode[]>([]);
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [cases, setCases] = useState<CaseRecord[]>([]);
  const [participants, setParticipants] = useState<ParticipantRecord[]>([]);
  const [attributes, setAttributes] = useState<AttributeDefinition[]>([]);
  const [history, setHistory] = useState<HistoryState>({ undoLabel: null, redoLabel: null });
  const [error, setError] = useState<ApiError | null>(null);
  const [listeners] = useState(() => new Set<HistoryListener>());

  const refresh = useCallback(async () => {
    const [nextCodes, nextDocuments, nextHistory, nextCases, nextParticipants, nextAttributes] =
      await Promise.all([
        api['codes.list']({}),
        api['documents.list']({}),
        api['history.state']({}),
        api['cases.list']({}),
        api['participants.list']({}),
        api['attributes.list']({}),
      ]);
    setCases(nextCases);
    setParticipants(nextParticipants);
    setAttributes(nextAttributes);
    setCodes(nextCodes);
    setDocuments(nextDocuments);
    setHistory(nextHistory);
  }, [api]);

  useEffect(() => {
    refresh().catch((caught: unknown) => setError(toApiError(caught)));
  }, [refresh]);

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      try {
        const done = await withPendingEditsHeld(async () => {
          const state = await api['history.state']({});
          if ((direction === 'undo' ? state.undoLabel : state.redoLabel) === null) return false;
          const result = await api[direction === 'undo' ? 'history.undo' : 'history.redo']({});
          // Open editors take the steps before typing held meanwhile is let go.
          for (const listener of listeners) listener(result);
          return true;
        });
        if (done) {
          // An earlier failure no longer describes the project once the researcher has moved on.
          setError(null);
          await refresh();
        }
      } catch (caught) {
        setError(toApiError(caught));
      }
    },
    [api, listeners, refresh],
  );

  // Stable, so views that show errors from effects do not run them again after each refresh.
  const showError = useCallback((caught: unknown) => setError(toApiError(caught)), []);
  const clearError = useCallback(() => setError(null), []);
  const onHistory = useCallback(
    (listener: HistoryListener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    [listeners],
  );

  const value = useMemo<ProjectData>(
    () => ({
      readOnly,
      codes,
      documents,
      cases,
      participants,
      attributes,
      history,
      error,
      refresh,
      undo: () => step('undo'),
      redo: () => step('redo'),
      onHistory,
      historyChanged: setHistory,
      showError,
      clearError,
    }),
    [
      readOnly,
      codes,
      documents,
      cases,
      participants,
      attributes,
      history,
      error,
      refresh,
      step,
      onHistory,
      showError,
      clearError,
    ],
  );

  return <ProjectDataContext.Provider value={value}>{children}</ProjectDataContext.Provider>;
}
