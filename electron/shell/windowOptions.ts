import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './windowState';

/** The main window's options; security settings are fixed here and tested, never left to defaults. */
export function mainWindowOptions(
  preloadPath: string,
  state: WindowState,
): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 760,
    minHeight: 520,
    title: 'Axial',
    show: false,
    backgroundColor: '#f7f6f2',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}
