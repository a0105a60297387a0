import { z } from 'zod';
import type { ActivityEntry, ProjectSummary, StudyOverview } from '../domain';
import { method } from './method';
import { emptyInput, filePath, language, projectDescription, projectTitle } from './schemas';

export const projectsContract = {
  'projects.create': method<ProjectSummary>()(
    z.strictObject({
      path: filePath,
      title: projectTitle,
      description: projectDescription.default(''),
      language: language.default('fr'),
    }),
  ),
  /**
   * Opens a project for writing, taking its lock. `takeOver` opens one whose lock
   * names another computer, once the researcher knows it no longer has it open.
   */
  'projects.open': method<ProjectSummary>()(
    z.strictObject({ path: filePath, takeOver: z.boolean().default(false) }),
  ),
  /** A read-only snapshot of a project open elsewhere, to read, search and export. */
  'projects.openCopy': method<ProjectSummary>()(z.strictObject({ path: filePath })),
  /** A fresh copy of the demo study in the documents folder, opened. */
  'projects.openDemo': method<ProjectSummary>()(emptyInput),
  'projects.current': method<ProjectSummary | null>()(emptyInput),
  'projects.close': method<null>()(emptyInput),
  'projects.update': method<ProjectSummary>()(
    z
      .strictObject({
        title: projectTitle.optional(),
        description: projectDescription.optional(),
        language: language.optional(),
      })
      .refine(
        (changes) => Object.values(changes).some((value) => value !== undefined),
        'Change at least one property.',
      ),
  ),
  /** Writes a consistent copy with SQLite's online backup; the open project stays open. */
  'projects.saveCopy': method<{ path: string }>()(
    z.strictObject({ path: filePath, overwrite: z.boolean().default(false) }),
  ),
  'projects.activity': method<ActivityEntry[]>()(
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(50) }),
  ),
  /** Where the study stands: documents, coded passages per axis, cases, guide coverage, last change. */
  'projects.overview': method<StudyOverview>()(emptyInput),
};
