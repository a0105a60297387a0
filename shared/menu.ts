/** Commands the application menu sends to the renderer, which owns the dialogs they open. */
export const menuCommands = [
  'newProject',
  'openProject',
  'saveCopy',
  'projectProperties',
  'closeProject',
  'about',
  'undo',
  'redo',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}
