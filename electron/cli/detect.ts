import { cliCommandNames } from './commands';

/**
 * The command-line arguments when the app binary is started as a command
 * (`Axial info study.axial`), or null for a normal start with a window.
 * A packaged app's arguments start after the executable; `electron .` adds the app path.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args[0];
  if (first === undefined) return null;
  return cliCommandNames.includes(first) || first === '--help' || first === 'help' ? args : null;
}
