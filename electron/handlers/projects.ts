import type { projectsContract } from '../../shared/contract/projects';
import type { ProjectSummary } from '../../shared/domain';
import type { HandlerContext } from '../api/context';
import type { DomainHandlers } from '../api/handlers';
import type { OpenProject } from '../session';
import { listActivity } from '../store/activity';
import { studyOverview } from '../store/overview';
import { saveCopy } from '../store/backup';
import { now } from '../store/clock';
import { getProject, updateProject } from '../store/project';
import { buildProjectFile } from '../store/projectFile';
import { buildDemo } from '../demo/buildDemo';
import { readDemoFiles } from '../demo/demoData';
import { AxialError } from '../../shared/errors';
import { corrupt } from '../store/database';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PROJECT_EXTENSION = '.axial';

/** `path`, or "name (2).axial", "name (3).axial"… when it exists: a fresh copy never overwrites. */
function freePath(path: string): string {
  let candidate = path;
  for (let number = 2; existsSync(candidate); number += 1)
    candidate = path.replace(/\.axial$/, ` (${number}).axial`);
  return candidate;
}

export function withProjectExtension(path: string): string {
  return path.toLowerCase().endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;
}

/** The open project as the renderer sees it, read-only copies marked. */
function summaryOf(project: OpenProject): ProjectSummary {
  return { ...getProject(project.db, project.path), readOnlyCopy: project.readOnlyCopy };
}

export function opened(context: HandlerContext, project: OpenProject) {
  const summary = summaryOf(project);
  // A snapshot in a temporary folder is not a project to come back to.
  if (!project.readOnlyCopy) context.recent.remember(project.path, summary.title, now());
  context.host.onProjectChanged?.(summary.title);
  return summary;
}

export const projectsHandlers: DomainHandlers<typeof projectsContract> = {
  'projects.create': (context, { path, title, description, language }) =>
    opened(
      context,
      context.session.create(withProjectExtension(path), { title, description, language }),
    ),

  'projects.open': (context, { path, takeOver }) => {
    const background = context.background;
    const project = context.session.open(path, { takeOver, deferIntegrityCheck: !!background });
    // Checked on its own thread: a large project opens without reading every page first.
    // Damage found then stops every write, with the same message the check at opening gives;
    // a check that could not run says nothing either way.
    if (background) {
      project.integrityChecked = background.checkIntegrity(project.path).then((found) => {
        if (found !== null && found !== 'ok')
          project.history.markDamaged(corrupt(project.path, found));
      });
    }
    return opened(context, project);
  },

  'projects.openCopy': async (context, { path }) =>
    opened(context, await context.session.openCopy(path)),

  'projects.openDemo': async (context) => {
    const demoDir = context.host.demoDir;
    if (!demoDir)
      throw new AxialError(
        'not_available',
        'The demo study is not installed with this copy of Axial.',
      );
    const files = readDemoFiles(demoDir);
    const target = freePath(
      join(context.host.defaultProjectFolder, 'Démo Axial — Villes intelligentes.axial'),
    );
    mkdirSync(dirname(target), { recursive: true });
    await buildProjectFile(
      target,
      { title: files.study.project.title, description: '', language: 'fr' },
      (db) => buildDemo(db, files),
    );
    return opened(context, context.session.open(target));
  },

  'projects.current': (context) => {
    const project = context.session.project;
    return project ? summaryOf(project) : null;
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
  'projects.overview': (context) => studyOverview(context.session.require().db),
};
