import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder Electron's app.getPath('userData') gives, so the web host shares the desktop app's recent list. */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Axial');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Axial');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Axial');
}

export function defaultDocumentsDir(home = homedir()): string {
  const documents = join(home, 'Documents');
  return existsSync(documents) ? documents : home;
}
