import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { IdentifierOccurrence } from '../../shared/pseudonyms';
import type { Command, CliOutput, ParsedArguments } from './cliSupport';
import { call, openProject, requiredFlag, UsageError } from './cliSupport';

function namesFile(options: ParsedArguments): { fileName: string; data: Uint8Array } {
  const path = resolve(requiredFlag(options, 'table'));
  try {
    return { fileName: basename(path), data: new Uint8Array(readFileSync(path)) };
  } catch {
    throw new UsageError(`There is no table of names at "${path}".`);
  }
}

/** The passphrase from AXIAL_KEY_PASSPHRASE, or typed at the terminal without being shown. */
async function passphrase(output: CliOutput): Promise<string> {
  const given = process.env.AXIAL_KEY_PASSPHRASE;
  if (given) return given;
  const input = process.stdin;
  if (!input.isTTY)
    throw new UsageError(
      "Give the key's passphrase in AXIAL_KEY_PASSPHRASE, or run the command at a terminal to type it.",
    );
  output.error('Passphrase for the key (at least 8 characters, not shown): ');
  return new Promise((resolvePassphrase, reject) => {
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (finish: () => void) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      finish();
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return done(() => resolvePassphrase(typed));
        if (character === '\u0003') return done(() => reject(new UsageError('Cancelled.')));
        if (character === '\u007f') typed = [...typed].slice(0, -1).join('');
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

function describe(occurrence: IdentifierOccurrence): string {
  const where =
    occurrence.place.kind === 'field'
      ? `${occurrence.place.table}.${occurrence.place.column} “${occurrence.place.label}”`
      : occurrence.place.kind === 'speaker'
        ? `${occurrence.place.documentTitle} · speaker`
        : `${occurrence.place.documentTitle} · ${occurrence.place.start}`;
  return `  ${where}: …${occurrence.before}[${occurrence.text}]${occurrence.after}…`;
}

export const checkIdentifiersCommand: Command = {
  usage: 'check-identifiers <project.axial> --table <names.csv> [--json]',
  summary:
    "Lists where the names of a table (column 'real': the name and its variants separated by '|'; column 'pseudonym') are still written in the project: texts, speakers, titles, memos, names and values, accents and case aside. Exits with 1 when any is found.",
  async run(core, options, output) {
    await openProject(core, options, output);
    const found = await call<{ occurrences: IdentifierOccurrence[]; total: number }>(
      core,
      'pseudonyms.occurrences',
      { table: namesFile(options), limit: 20_000 },
    );
    if (options.flags.has('json')) output.out(JSON.stringify(found));
    else if (!found.total) output.out('No name of the table is written in the project.');
    else {
      output.out(
        `${found.total} occurrence${found.total === 1 ? '' : 's'} of the table's names in the project:`,
      );
      for (const occurrence of found.occurrences) output.out(describe(occurrence));
    }
    return found.total ? 1 : 0;
  },
};

export const pseudonymiseCommand: Command = {
  usage:
    'pseudonymise <project.axial> --table <names.csv> --out <shared.axial|.qdpx|.xlsx> --key <shared.key> [--keep-recordings]',
  summary:
    'Writes a pseudonymised copy of the project (the project itself is left as it is): every name of the table replaced by its pseudonym, codings kept on their words, recordings left out unless --keep-recordings. The key that re-identifies it goes to its own file, encrypted with the passphrase from AXIAL_KEY_PASSPHRASE (or typed at the terminal).',
  async run(core, options, output) {
    const table = namesFile(options);
    const out = resolve(requiredFlag(options, 'out'));
    const key = resolve(requiredFlag(options, 'key'));
    if (out === key) throw new UsageError('--out and --key name the same file.');
    const secret = await passphrase(output);
    if ([...secret].length < 8)
      throw new UsageError(
        'The passphrase is shorter than 8 characters: choose a longer one (whoever has it and the key file can re-identify the copy).',
      );
    await openProject(core, options, output);
    const made = await call<{
      path: string;
      keyPath: string;
      replaced: number;
      recordingsLeftOut: number;
    }>(core, 'pseudonyms.exportCopy', {
      path: out,
      keyPath: key,
      passphrase: secret,
      keepRecordings: options.flags.has('keep-recordings'),
      table,
    });
    if (options.flags.has('json')) {
      output.out(JSON.stringify(made));
      return;
    }
    output.out(
      `${made.replaced} name${made.replaced === 1 ? '' : 's'} replaced; the copy is at ${made.path}`,
    );
    output.out(`Its key (keep it apart from the copy) is at ${made.keyPath}`);
    if (made.recordingsLeftOut)
      output.out(
        `${made.recordingsLeftOut} recording${made.recordingsLeftOut === 1 ? ' was' : 's were'} left out of the copy (voices identify people; --keep-recordings keeps them).`,
      );
  },
};
