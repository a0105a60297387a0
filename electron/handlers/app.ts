import type { appContract } from '../../shared/contract/app';
import type { AppInfo } from '../../shared/domain';
import { AxialError } from '../../shared/errors';
import type { HandlerContext } from '../api/context';
import type { DomainHandlers } from '../api/handlers';

function appInfo(context: HandlerContext): AppInfo {
  return {
    name: 'Axial',
    version: context.host.version,
    host: context.host.kind,
    nativeDialogs: context.host.choosePath !== undefined,
    language: context.settings.language('en'),
    defaultProjectFolder: context.host.defaultProjectFolder,
    coderName: context.settings.coderName(),
  };
}

export const appHandlers: DomainHandlers<typeof appContract> = {
  'app.info': (context) => appInfo(context),

  'app.setLanguage': (context, { language }) => {
    context.settings.setLanguage(language);
    context.host.onLanguageChanged?.(language);
    return appInfo(context);
  },

  'app.setCoderName': (context, { name }) => {
    context.settings.setCoderName(name);
    context.coder = name;
    return appInfo(context);
  },

  'app.recentProjects': (context) => context.recent.list(),

  'app.forgetRecentProject': (context, { path }) => {
    context.recent.forget(path);
    return context.recent.list();
  },

  'app.choosePath': async (context, { purpose, suggestedName }) => {
    if (!context.host.choosePath) {
      throw new AxialError(
        'not_available',
        'File dialogs are only available in the desktop app. Type the path of the file instead.',
      );
    }
    return { path: await context.host.choosePath(purpose, suggestedName) };
  },
};
