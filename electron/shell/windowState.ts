import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../userdata/jsonFile';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof windowStateSchema>;

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false };

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

export function loadWindowState(userDataDir: string): WindowState {
  return readJsonFile(windowStateFile(userDataDir), windowStateSchema, defaultWindowState);
}

export function saveWindowState(userDataDir: string, state: WindowState): void {
  writeJsonFile(windowStateFile(userDataDir), state);
}

/**
 * A remembered position is kept only if the window's title bar still lands on a
 * screen (a monitor may have been unplugged since); otherwise the size is kept
 * and the system places the window.
 */
export function fitToDisplays(state: WindowState, displays: readonly Rectangle[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    (area) =>
      x + 100 > area.x &&
      x < area.x + area.width - 100 &&
      y >= area.y &&
      y < area.y + area.height - 50,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}
