import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/menu';
import type { RecentProject } from '../../shared/domain';

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
}

export interface MenuOptions {
  translate: (key: string) => string;
  recent: readonly RecentProject[];
  projectOpen: boolean;
  platform: NodeJS.Platform;
  developerTools: boolean;
}

/** The application menu as plain data, so its structure is tested without Electron. */
export function buildMenuTemplate(
  options: MenuOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const t = options.translate;
  const send = (command: MenuCommand) => () => actions.command(command);
  const recentItems: MenuItemConstructorOptions[] = options.recent.length
    ? options.recent.map((entry) => ({
        label: entry.missing ? `${entry.title} (${t('menu.missing')})` : entry.title,
        toolTip: entry.path,
        enabled: !entry.missing,
        click: () => actions.openRecent(entry.path),
      }))
    : [{ label: t('menu.noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.newProject'), accelerator: 'CmdOrCtrl+N', click: send('newProject') },
      { label: t('menu.openProject'), accelerator: 'CmdOrCtrl+O', click: send('openProject') },
      { label: t('menu.openRecent'), submenu: recentItems },
      { type: 'separator' },
      {
        label: t('menu.saveCopy'),
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: options.projectOpen,
        click: send('saveCopy'),
      },
      {
        label: t('menu.projectProperties'),
        enabled: options.projectOpen,
        click: send('projectProperties'),
      },
      {
        label: t('menu.closeProject'),
        accelerator: 'CmdOrCtrl+W',
        enabled: options.projectOpen,
        click: send('closeProject'),
      },
      { type: 'separator' },
      options.platform === 'darwin'
        ? { role: 'close', label: t('menu.closeWindow') }
        : { role: 'quit', label: t('menu.quit') },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      // Undo and redo go to the project's history (text, codings and codebook alike),
      // not to Chromium's per-field undo, so they are commands rather than roles.
      { label: t('menu.undo'), accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      {
        label: t('menu.redo'),
        accelerator: options.platform === 'darwin' ? 'Shift+Cmd+Z' : 'Ctrl+Y',
        click: send('redo'),
      },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(options.developerTools
        ? [{ role: 'toggleDevTools', label: t('menu.developerTools') } as const]
        : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [{ label: t('menu.about'), click: send('about') }],
  };
  const appMenu: MenuItemConstructorOptions[] =
    options.platform === 'darwin'
      ? [
          {
            label: 'Axial',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit', label: t('menu.quit') },
            ],
          },
        ]
      : [];
  return [...appMenu, file, edit, view, help];
}
