import type { MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/contract/api';
import { ipcChannel } from '../../../shared/ipc';
import type { MenuCommand } from '../../../shared/menu';
import { APP_ENTRY_URL } from '../../../electron/shell/appProtocol';
import { appFileResponse } from '../../../electron/shell/appFiles';
import { contentSecurityPolicy } from '../../../electron/shell/csp';
import type { IpcEventLike, IpcMainLike } from '../../../electron/shell/ipc';
import { registerIpcHandlers } from '../../../electron/shell/ipc';
import { buildMenuTemplate } from '../../../electron/shell/menu';
import {
  isNavigationAllowed,
  isPermissionGranted,
  shouldCancelRequest,
} from '../../../electron/shell/requestFilter';
import { mainWindowOptions } from '../../../electron/shell/windowOptions';
import { defaultWindowState } from '../../../electron/shell/windowState';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, and loads the preload', () => {
    const options = mainWindowOptions('/app/preload.cjs', defaultWindowState);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.width).toBe(defaultWindowState.width);
  });

  it('opens at the remembered position and size', () => {
    const options = mainWindowOptions('/p', {
      x: 40,
      y: 60,
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700 });
  });
});

describe('the offline guarantee', () => {
  it('cancels every network request and lets the app’s own files through', () => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/api',
      'ws://example.org/socket',
      'wss://example.org/socket',
      'ftp://example.org/file',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(shouldCancelRequest(url), url).toBe(true);
    }
    for (const url of [
      APP_ENTRY_URL,
      'app://axial/assets/index.js',
      'data:image/png;base64,AAAA',
      'blob:app://axial/1234',
    ]) {
      expect(shouldCancelRequest(url), url).toBe(false);
    }
  });

  it('keeps navigation on the app’s origin', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://axial/index.html#/documents')).toBe(true);
    expect(isNavigationAllowed('app://elsewhere/index.html')).toBe(false);
    expect(isNavigationAllowed('https://example.org/')).toBe(false);
    expect(isNavigationAllowed('file:///home/user/project.axial')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
  });

  it('grants only what media playback needs', () => {
    expect(isPermissionGranted('fullscreen')).toBe(true);
    expect(isPermissionGranted('speaker-selection')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'usb',
    ]) {
      expect(isPermissionGranted(permission), permission).toBe(false);
    }
  });

  it('has a CSP without eval, inline script or remote origins', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toMatch(/https?:/);
  });

  it('serves app:// from the renderer folder only, with the CSP', () => {
    const folder = makeTempDir();
    const response = appFileResponse(folder.path, '/../../etc/passwd');
    expect(response.status).toBe(404);
    folder.remove();
    const built = appFileResponse(join(process.cwd(), 'renderer'), '/index.html');
    expect(built.status).toBe(200);
    expect(built.headers['content-security-policy']).toBe(contentSecurityPolicy);
  });
});

describe('the application menu', () => {
  const translate = (key: string) => `[${key}]`;
  const sent: MenuCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate(
    {
      translate,
      recent: [
        { path: '/p/a.axial', title: 'Étude A', openedAt: '2026-01-01T00:00:00Z', missing: false },
        { path: '/p/gone.axial', title: 'Gone', openedAt: '2026-01-01T00:00:00Z', missing: true },
      ],
      projectOpen: true,
      platform: 'linux',
      developerTools: false,
    },
    { command: (command) => sent.push(command), openRecent: (path) => opened.push(path) },
  );
  const submenu = (item: MenuItemConstructorOptions | undefined) =>
    (item?.submenu ?? []) as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) =>
    (item?.click as unknown as () => void)();

  it('has File, Edit, View and Help, translated', () => {
    expect(template.map((item) => item.label)).toEqual([
      '[menu.file]',
      '[menu.edit]',
      '[menu.view]',
      '[menu.help]',
    ]);
  });

  it('sends project commands to the window and opens recent projects', () => {
    const file = submenu(template[0]);
    click(file.find((item) => item.label === '[menu.newProject]'));
    click(file.find((item) => item.label === '[menu.saveCopy]'));
    expect(sent).toEqual(['newProject', 'saveCopy']);
    const recent = submenu(file.find((item) => item.label === '[menu.openRecent]'));
    expect(recent.map((item) => [item.label, item.enabled])).toEqual([
      ['Étude A', true],
      ['Gone ([menu.missing])', false],
    ]);
    click(recent[0]);
    expect(opened).toEqual(['/p/a.axial']);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('sends undo and redo to the project history, keeps the clipboard roles, and hides developer tools in a release', () => {
    const edit = submenu(template[1]);
    click(edit.find((item) => item.label === '[menu.undo]'));
    click(edit.find((item) => item.label === '[menu.redo]'));
    expect(sent.slice(-2)).toEqual(['undo', 'redo']);
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual([
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    expect(submenu(template[2]).some((item) => item.role === 'toggleDevTools')).toBe(false);
  });

  it('disables project entries when no project is open, and adds the app menu on macOS', () => {
    const closed = buildMenuTemplate(
      { translate, recent: [], projectOpen: false, platform: 'darwin', developerTools: true },
      { command: () => undefined, openRecent: () => undefined },
    );
    expect(closed[0]?.label).toBe('Axial');
    const file = submenu(closed[1]);
    expect(file.find((item) => item.label === '[menu.saveCopy]')?.enabled).toBe(false);
    expect(submenu(file.find((item) => item.label === '[menu.openRecent]'))[0]?.enabled).toBe(
      false,
    );
  });
});

describe('IPC registration', () => {
  function register() {
    const folder = makeTempDir();
    const core = testCore(folder.path);
    const listeners = new Map<string, (event: IpcEventLike, input: unknown) => Promise<unknown>>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => {
        if (listeners.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        listeners.set(channel, listener);
      },
    };
    registerIpcHandlers(ipcMain, () => core.dispatch);
    return { listeners, cleanup: () => (core.shutdown(), folder.remove()) };
  }
  const fromApp: IpcEventLike = { senderFrame: { url: APP_ENTRY_URL } };

  it('registers one channel per contract method', () => {
    const { listeners, cleanup } = register();
    expect([...listeners.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
    cleanup();
  });

  it('validates input through the registered handler function', async () => {
    const { listeners, cleanup } = register();
    const open = listeners.get(ipcChannel('projects.open'))!;
    expect(await open(fromApp, { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'path' }] },
    });
    expect(await open(fromApp, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await listeners.get(ipcChannel('app.info'))!(fromApp, {})).toMatchObject({ ok: true });
    cleanup();
  });

  it('refuses calls from any frame that is not the app', async () => {
    const { listeners, cleanup } = register();
    const info = listeners.get(ipcChannel('app.info'))!;
    expect(await info({ senderFrame: { url: 'https://example.org/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await info({ senderFrame: null }, {})).toMatchObject({ ok: false });
    cleanup();
  });
});
