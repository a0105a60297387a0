import { useEffect } from 'react';
import type { ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

/**
 * The project's title and description as the history leaves them: replacing
 * names, re-identifying and their undo change them, and the header, the
 * window's title and the overview show what the file holds.
 */
export function ProjectFollowsHistory({
  project,
  onChanged,
}: {
  project: ProjectSummary;
  onChanged: (project: ProjectSummary) => void;
}) {
  const api = useApi();
  const { history } = useProjectData();
  useEffect(() => {
    let current = true;
    void api['projects.current']({}).then(
      (next) => {
        if (
          current &&
          next &&
          next.path === project.path &&
          (next.title !== project.title || next.description !== project.description)
        )
          onChanged(next);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, history, project, onChanged]);
  return null;
}
