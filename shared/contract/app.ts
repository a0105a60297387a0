import { z } from 'zod';
import type { AppInfo, RecentProject } from '../domain';
import { method } from './method';
import { coderName, emptyInput, filePath, language } from './schemas';

export const appContract = {
  'app.info': method<AppInfo>()(emptyInput),
  'app.setLanguage': method<AppInfo>()(z.strictObject({ language })),
  /** The researcher's name as a coder, recorded with every coding, memo and rating from now on. */
  'app.setCoderName': method<AppInfo>()(z.strictObject({ name: coderName })),
  'app.recentProjects': method<RecentProject[]>()(emptyInput),
  'app.forgetRecentProject': method<RecentProject[]>()(z.strictObject({ path: filePath })),
  /** Asks the host for a path with its native dialog; `null` when the user cancels. */
  'app.choosePath': method<{ path: string | null }>()(
    z.strictObject({
      purpose: z.enum(['open', 'create', 'saveCopy', 'saveKey']),
      suggestedName: z.string().max(255).optional(),
    }),
  ),
};
