import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import i18next from 'i18next';
import { join } from 'node:path';
import type { Language, PathPurpose } from '../shared/domain';
import { resources } from '../shared/i18n/resources';
import { MENU_CHANNEL } from '../shared/ipc';
import type { MenuCommand } from '../shared/menu';
import { runCli } from './cli/commands';
import { cliArguments } from './cli/detect';
import { withProjectExtension } from './handlers/projects';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME } from './shell/appProtocol';
import { appFileResponse } from './shell/appFiles';
import {
  MEDIA_PATH,
  mediaStream,
  recordingIdFromPath,
  releaseMediaBody,
} from './media/mediaResponse';
import { registerIpcHandlers } from './shell/ipc';
import { buildMenuTemplate } from './shell/menu';
import {
  isNavigationAllowed,
  isPermissionGranted,
  shouldCancelRequest,
} from './shell/requestFilter';
import { mainWindowOptions } from './shell/windowOptions';
import { fitToDisplays, loadWindowState, saveWindowState } from './shell/windowState';
import { RecentProjects } from './userdata/recentProjects';
import { SettingsFile } from './userdata/settings';
import type { CoreWorker } from './worker/startCoreWorker';
import { CORE_WORKER_FILE, startCoreWorker } from './worker/startCoreWorker';

const rendererDir = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

let mainWindow: BrowserWindow | null = null;
// The core (dispatcher, SQLite, exchange) runs on its own thread: this one keeps windows and menus responsive.
let core: CoreWorker | null = null;
let recent: RecentProjects | null = null;
let projectTitle: string | null = null;

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

function refreshMenu(): void {
  if (!recent) return;
  const template = buildMenuTemplate(
    {
      translate: (key) => i18next.t(key),
      recent: recent.list(),
      projectOpen: projectTitle !== null,
      platform: process.platform,
      developerTools: !app.isPackaged,
    },
    {
      command: sendMenuCommand,
      openRecent: (path) => {
        void core?.dispatch('projects.open', { path }).then(() => mainWindow?.webContents.reload());
      },
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function choosePath(
  purpose: PathPurpose,
  suggestedName: string | undefined,
): Promise<string | null> {
  if (!mainWindow) return null;
  const filters = [{ name: i18next.t('dialogs.axialProjects'), extensions: ['axial'] }];
  if (purpose === 'open') {
    const result = await dialog.showOpenDialog(mainWindow, { properties: ['openFile'], filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  if (purpose === 'saveKey') {
    const key = await dialog.showSaveDialog(mainWindow, {
      defaultPath: join(app.getPath('documents'), suggestedName ?? 'pseudonyms.key'),
      filters: [{ name: i18next.t('dialogs.keyFiles'), extensions: ['key'] }],
    });
    return key.canceled || !key.filePath ? null : key.filePath;
  }
  const result = await dialog.showSaveDialog(mainWindow, {
    defaultPath: join(app.getPath('documents'), suggestedName ?? 'project.axial'),
    filters,
  });
  return result.canceled || !result.filePath ? null : withProjectExtension(result.filePath);
}

function lockDownSession(): void {
  const appSession = session.defaultSession;
  appSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: shouldCancelRequest(details.url) });
  });
  appSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  appSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response(null, { status: 404 });
    if (url.pathname.startsWith(MEDIA_PATH) && core) {
      // Same origin as the page: the recording is streamed by range from the project's chunks.
      const recordingId = recordingIdFromPath(url.pathname);
      const media = recordingId
        ? await core.media(recordingId, request.headers.get('range'))
        : null;
      if (!media) return new Response(null, { status: 404 });
      const bodiless = media.status === 404 || media.status === 416 || request.method === 'HEAD';
      if (bodiless) await releaseMediaBody(media.body);
      return new Response(bodiless ? null : mediaStream(media.body), {
        status: media.status,
        headers: media.headers,
      });
    }
    const file = appFileResponse(rendererDir, url.pathname);
    return new Response(file.body ? new Uint8Array(file.body) : null, {
      status: file.status,
      headers: file.headers,
    });
  });
}

function createWindow(): void {
  const userData = app.getPath('userData');
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(loadWindowState(userData), displays);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, state));
  mainWindow = window;
  if (state.maximized) window.maximize();

  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(userData, { ...bounds, maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  recent = new RecentProjects(userData);
  core = await startCoreWorker(
    join(__dirname, CORE_WORKER_FILE),
    {
      userDataDir: userData,
      kind: 'electron',
      version: app.getVersion(),
      defaultProjectFolder: app.getPath('documents'),
      // Installed: electron-builder's extraResources; from a checkout: the repository's folder.
      demoDir: app.isPackaged
        ? join(process.resourcesPath, 'demo')
        : join(app.getAppPath(), 'resources', 'demo'),
      nativeDialogs: true,
    },
    {
      choosePath,
      onLanguageChanged: (language: Language) => {
        void i18next.changeLanguage(language).then(refreshMenu);
      },
      onProjectChanged: (title) => {
        projectTitle = title;
        mainWindow?.setTitle(title ? `${title} — Axial` : 'Axial');
        refreshMenu();
      },
    },
  );
  const systemLanguage: Language = app.getLocale().startsWith('fr') ? 'fr' : 'en';
  await i18next.init({
    resources,
    lng: new SettingsFile(userData).language(systemLanguage),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  lockDownSession();
  const dispatch = core.dispatch;
  registerIpcHandlers(ipcMain, () => dispatch);
  refreshMenu();
  createWindow();
}

const commandLine = cliArguments(process.argv, Boolean(process.defaultApp));
if (commandLine) {
  // Started as a command: the same handlers on a project file, no window.
  void runCli(commandLine, {
    out: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  }).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
  });
  let closing = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    // The core closes the project (its lock released, its journal checkpointed) before the app exits.
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    const stopping = core;
    core = null;
    void stopping.shutdown().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Axial', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
