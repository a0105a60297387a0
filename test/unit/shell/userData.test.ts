import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fitToDisplays,
  loadWindowState,
  saveWindowState,
  defaultWindowState,
} from '../../../electron/shell/windowState';
import { defaultUserDataDir } from '../../../electron/userdata/paths';
import { RecentProjects } from '../../../electron/userdata/recentProjects';
import { makeTempDir } from '../../support/tempDir';

let folder: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  folder = makeTempDir();
});
afterEach(() => folder.remove());

describe('recent projects', () => {
  it('lists the latest first, marks missing files, and forgets on request', () => {
    const recent = new RecentProjects(folder.path);
    const present = join(folder.path, 'present.axial');
    writeFileSync(present, '');
    recent.remember(join(folder.path, 'gone.axial'), 'Gone', '2026-01-01T00:00:00Z');
    recent.remember(present, 'Present', '2026-01-02T00:00:00Z');
    recent.remember(join(folder.path, 'gone.axial'), 'Gone again', '2026-01-03T00:00:00Z');
    expect(recent.list().map((entry) => [entry.title, entry.missing])).toEqual([
      ['Gone again', true],
      ['Present', false],
    ]);
    recent.forget(join(folder.path, 'gone.axial'));
    expect(recent.list().map((entry) => entry.title)).toEqual(['Present']);
  });

  it('starts empty when its file is damaged', () => {
    writeFileSync(join(folder.path, 'recent-projects.json'), '{ this is not json');
    expect(new RecentProjects(folder.path).list()).toEqual([]);
    writeFileSync(join(folder.path, 'recent-projects.json'), JSON.stringify([{ path: 3 }]));
    expect(new RecentProjects(folder.path).list()).toEqual([]);
  });
});

describe('window state', () => {
  it('is remembered between runs, and a damaged file gives the default', () => {
    const userData = join(folder.path, 'nested', 'user-data');
    expect(loadWindowState(userData)).toEqual(defaultWindowState);
    saveWindowState(userData, { x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(loadWindowState(userData)).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
      maximized: true,
    });
    mkdirSync(userData, { recursive: true });
    writeFileSync(join(userData, 'window-state.json'), '{"width": -5}');
    expect(loadWindowState(userData)).toEqual(defaultWindowState);
  });

  it('drops a position that is on no screen any more', () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    const onScreen = { x: 100, y: 100, width: 800, height: 600, maximized: false };
    expect(fitToDisplays(onScreen, [screen])).toEqual(onScreen);
    expect(fitToDisplays({ ...onScreen, x: 3000 }, [screen])).toEqual({
      width: 800,
      height: 600,
      maximized: false,
    });
  });
});

describe('the user-data folder', () => {
  it('matches Electron’s on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Axial');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/Axial',
    );
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Axial',
    );
    expect(
      defaultUserDataDir(
        'win32',
        { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        'C:\\Users\\ana',
      ),
    ).toContain('Axial');
  });
});
