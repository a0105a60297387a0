import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { HistoryResult } from '../../../shared/documents';
import type { ProjectListName } from '../../../shared/projectChanges';
import { useApi } from '../../api/context';
import { useProjectChanges } from '../../api/projectChangesFeed';
import type { ProjectLists } from './projectLists';
import { ProjectListsStore } from './projectLists';
import { toApiError } from '../../components/ErrorMessage';
import { withPendingEditsHeld } from './pendingEdits';
import type { ApiError } from '../../../shared/errors';

/** Listens for an undo or redo, to put text changes into an open editor. */
type HistoryListener = (result: HistoryResult) => void;

export interface ProjectData extends ProjectLists {
  /** A read-only copy of a project open elsewhere: nothing can be changed. */
  readOnly: boolean;
  error: ApiError | null;
  undo(): Promise<void>;
  redo(): Promise<void>;
  onHistory(listener: HistoryListener): () => void;
  showError(error: unknown): void;
  clearError(): void;
  /** Asks whether another client wrote (another tab, a script): if so every list is read again. */
  checkForWrites(): void;
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
  const feed = useProjectChanges();
  const [error, setError] = useState<ApiError | null>(null);
  const [listeners] = useState(() => new Set<HistoryListener>());
  const [store] = useState(
    () =>
      new ProjectListsStore(
        (list: ProjectListName) => api[`${list}.list`]({}),
        (caught) => setError(toApiError(caught)),
      ),
  );
  const { codes, documents, cases, participants, attributes, history } = useSyncExternalStore(
    store.subscribe,
    store.snapshot,
  );

  useEffect(() => {
    store.open();
    return () => store.close();
  }, [store]);
  // Every write's result says what it changed: the lists follow without being read again.
  useEffect(() => feed.listen((changes) => store.apply(changes)), [feed, store]);
  useEffect(() => {
    // The write count first, then the lists: a write in between shows as a jump at the next check.
    api['history.state']({})
      .then((state) => {
        store.setHistory(state);
        return store.reload();
      })
      .catch((caught: unknown) => setError(toApiError(caught)));
  }, [api, store]);

  const checkForWrites = useCallback(() => {
    api['history.state']({})
      .then((state) => store.setHistory(state))
      .catch(() => {});
  }, [api, store]);
  // Coming back to the window is when another tab's or program's writes may have happened.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') checkForWrites();
    };
    window.addEventListener('focus', checkForWrites);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', checkForWrites);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [checkForWrites]);

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
        // An earlier failure no longer describes the project once the researcher has moved on.
        if (done) setError(null);
      } catch (caught) {
        setError(toApiError(caught));
      }
    },
    [api, listeners],
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
      undo: () => step('undo'),
      redo: () => step('redo'),
      onHistory,
      showError,
      clearError,
      checkForWrites,
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
      step,
      onHistory,
      showError,
      clearError,
      checkForWrites,
    ],
  );

  return <ProjectDataContext.Provider value={value}>{children}</ProjectDataContext.Provider>;
}
