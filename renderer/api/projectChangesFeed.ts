import { createContext, useContext } from 'react';
import type { ProjectChanges } from '../../shared/projectChanges';

export type ChangesListener = (changes: ProjectChanges) => void;

/** Where the API client hands on what each write changed, for the open project's lists. */
export class ProjectChangesFeed {
  private readonly listeners = new Set<ChangesListener>();

  listen(listener: ChangesListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(changes: ProjectChanges): void {
    for (const listener of this.listeners) listener(changes);
  }
}

export const ProjectChangesContext = createContext<ProjectChangesFeed | null>(null);

export function useProjectChanges(): ProjectChangesFeed {
  const feed = useContext(ProjectChangesContext);
  if (!feed) throw new Error('useProjectChanges needs a ProjectChangesContext provider');
  return feed;
}
