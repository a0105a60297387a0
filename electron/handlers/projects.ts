import type { projectsContract } from '../../shared/contract/projects';
import type { HandlerContext } from '../api/context';
import type { DomainHandlers } from '../api/handlers';
import type { OpenProject } from '../session';
import { listActivity } from '../store/activity';
import { saveCopy } from '../store/backup';
import { now } from '../store/clock';
import { getProject, updateProject } from '../store/project';

export const PROJECT_EXTENSION = '.axial';

export function withProjectExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;
}

export function opened(context: HandlerContext, project: OpenProject) {
  const summary = getProject(project.db, project.path);
  context.recent.remember(project.path, summary.title, now());
  context.host.onProjectChanged?.(summary.title);
  return summary;
}

export const projectsHandlers: DomainHandlers<typeof projectsContract> = {
  'projects.create': (context, { path, title, description, language }) =>
    opened(
      context,
      context.session.create(withProjectExtension(path), { title, description, language }),
    ),

  'projects.open': (context, { path }) => opened(context, context.session.open(path)),

  'projects.current': (context) => {
    const project = context.session.project;
    return project ? getProject(project.db, project.path) : null;
  },

  'projects.close': (context) => {
    context.session.close();
    context.host.onProjectChanged?.(null);
    return null;
  },

  'projects.update': (context, changes) => {
    const project = context.session.require();
    const summary = updateProject(project.db, project.path, changes);
    context.recent.remember(project.path, summary.title, now());
    context.host.onProjectChanged?.(summary.title);
    return summary;
  },

  'projects.saveCopy': async (context, { path, overwrite }) => {
    const project = context.session.require();
    return {
      path: await saveCopy(project.db, project.path, withProjectExtension(path), overwrite),
    };
  },

  'projects.activity': (context, { limit }) => listActivity(context.session.require().db, limit),
};
