import { defaultUserDataDir } from '../userdata/paths';

/** Options of `npm run web`. */
export interface WebCliOptions {
  port: number;
  userDataDir: string;
}

export function parseWebCliArguments(argv: readonly string[]): WebCliOptions {
  const options: WebCliOptions = { port: 0, userDataDir: defaultUserDataDir() };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const value = argv[index + 1];
    if (argument === '--port' && value !== undefined) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port needs a number between 0 and 65535, not "${value}"`);
      }
      options.port = port;
      index += 1;
    } else if (argument === '--user-data' && value !== undefined) {
      options.userDataDir = value;
      index += 1;
    } else {
      throw new Error(`Unknown option "${argument}". Use --port N and --user-data DIR.`);
    }
  }
  return options;
}
