import { lstatSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MethodName } from '../../shared/contract/api';
import type { ApiError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/exchange';
import type { AppCore } from '../api/core';
import { isDiskFull } from '../store/diskFull';
import { describeHolder } from '../store/projectLock';

/** Where a command writes: the tests pass their own. */
export interface CliOutput {
  out(line: string): void;
  error(line: string): void;
}

export interface Command {
  usage: string;
  summary: string;
  /** May resolve to an exit code: a check that found what it looks for exits with 1, as grep does. */
  run(core: AppCore, options: ParsedArguments, output: CliOutput): Promise<unknown>;
}

export interface ParsedArguments {
  positional: string[];
  /** Each flag's last value. */
  flags: Map<string, string>;
  /** Each flag's values in order, for those given more than once (`--coder A --coder B`). */
  repeated: Map<string, string[]>;
}

export class UsageError extends Error {}

/** Flags that take no value. */
export const switches = new Set([
  'help',
  'json',
  'keep-text',
  'theirs',
  'dry-run',
  'keep-recordings',
]);

/** `--name value` and `--name=value`; `--help` alone. */
export function parseArguments(args: readonly string[]): ParsedArguments {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const set = (name: string, value: string) => {
    flags.set(name, value);
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '-h' || (arg.startsWith('--') && switches.has(arg.slice(2))))
      set(arg === '-h' ? 'help' : arg.slice(2), 'true');
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) set(name, inline);
      else {
        const value = args[index + 1];
        if (value === undefined || value.startsWith('--'))
          throw new UsageError(`--${name} needs a value.`);
        set(name, value);
        index += 1;
      }
    } else positional.push(arg);
  }
  return { positional, flags, repeated };
}

export class RefusedError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function call<T>(core: AppCore, method: MethodName, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new RefusedError(result.error);
  return result.value as T;
}

export function required(options: ParsedArguments, index: number, what: string): string {
  const value = options.positional[index];
  if (!value) throw new UsageError(`Give ${what}.`);
  return value;
}

export function flag(
  options: ParsedArguments,
  name: string,
  allowed?: readonly string[],
): string | undefined {
  const value = options.flags.get(name);
  if (value !== undefined && allowed && !allowed.includes(value))
    throw new UsageError(`--${name} is one of: ${allowed.join(', ')}.`);
  return value;
}

export function requiredFlag(
  options: ParsedArguments,
  name: string,
  allowed?: readonly string[],
): string {
  const value = flag(options, name, allowed);
  if (value === undefined) throw new UsageError(`Give --${name}.`);
  return value;
}

/**
 * Opens a project to read from. One open in Axial is read from a snapshot
 * taken now (the command never writes into it), and says so.
 */
export async function openProject(
  core: AppCore,
  options: ParsedArguments,
  output: CliOutput,
): Promise<void> {
  const path = resolve(required(options, 0, 'the project file'));
  try {
    await call(core, 'projects.open', { path });
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    if (error.error.code === 'project_locked')
      output.error(
        `"${path}" is open ${describeHolder(error.error.params ?? {})}: reading a snapshot of it taken now.`,
      );
    // A read-only file, folder or disk: the command only reads, so a snapshot does.
    else if (error.error.code === 'not_writable')
      output.error(`"${path}" cannot be written: reading a snapshot of it taken now.`);
    else throw error;
    await call(core, 'projects.openCopy', { path });
  }
}

export function writeExported(file: ExportedFile, path: string, output: CliOutput): void {
  try {
    writeFileSync(path, file.data);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    // What was cut short is no export; only a plain file is removed (never a device).
    if (lstatSync(path, { throwIfNoEntry: false })?.isFile()) rmSync(path, { force: true });
    throw new Error(
      `The disk of "${path}" is full: nothing was written, and the project is unchanged. Free some space on that disk, or give another --out, then run the command again.`,
      { cause: error },
    );
  }
  output.out(`Wrote ${path}`);
}

/** Before an export: the pseudonym table's names still written in the project, said on stderr. */
export async function warnOfNames(core: AppCore, output: CliOutput): Promise<void> {
  const entries = await call<unknown[]>(core, 'pseudonyms.list', {});
  if (!entries.length) return;
  const { total } = await call<{ total: number }>(core, 'pseudonyms.occurrences', { limit: 1 });
  if (total)
    output.error(
      `Warning: ${total} name${total === 1 ? '' : 's'} of the project's pseudonym table ${total === 1 ? 'is' : 'are'} still written in it, and in this export (axial pseudonymise writes one without them).`,
    );
}
