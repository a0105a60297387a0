import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CountingDecision, ExportedFile } from '../../shared/exchange';
import { offsetCountings } from '../../shared/exchange';
import { createAppCore } from '../api/core';
import { describeHolder } from '../store/projectLock';
import { agreementCommand } from './agreementCommand';
import { mergeCommand } from './mergeCommand';
import { reportCommand } from './reportCommand';
import { checkIdentifiersCommand, pseudonymiseCommand } from './pseudonymiseCommands';
import type { CliOutput, Command, ParsedArguments } from './cliSupport';
import {
  call,
  flag,
  openProject,
  parseArguments,
  RefusedError,
  required,
  requiredFlag,
  UsageError,
  warnOfNames,
  writeExported,
} from './cliSupport';

export type { CliOutput, ParsedArguments } from './cliSupport';
export { parseArguments } from './cliSupport';
/** Why an import counted selections as it did, in the command line's words. */
function countingWhy(decision: CountingDecision): string {
  switch (decision.basis) {
    case 'chosen':
      return 'as asked with --counting';
    case 'axial':
      return "Axial's own file";
    case 'origin':
      return `the file was written by ${decision.program}, which counts so`;
    case 'fit':
      return 'only this counting puts every selection inside its text';
    case 'standard':
      return 'the REFI-QDA standard; use --counting if passages look shifted';
  }
}

const commands: Record<string, Command> = {
  info: {
    usage: 'info <project.axial> [--json]',
    summary: 'Counts of documents, codes, codings, cases and participants.',
    async run(core, options, output) {
      await openProject(core, options, output);
      const [documents, codes, cases, participants, project] = await Promise.all([
        call<unknown[]>(core, 'documents.list', {}),
        call<{ codingCount: number }[]>(core, 'codes.list', {}),
        call<unknown[]>(core, 'cases.list', {}),
        call<unknown[]>(core, 'participants.list', {}),
        call<{ title: string }>(core, 'projects.current', {}),
      ]);
      const counts = {
        title: project.title,
        documents: documents.length,
        codes: codes.length,
        codings: codes.reduce((total, code) => total + code.codingCount, 0),
        cases: cases.length,
        participants: participants.length,
      };
      if (options.flags.has('json')) output.out(JSON.stringify(counts));
      else
        for (const [name, value] of Object.entries(counts))
          output.out(`${name.padEnd(13)}${value}`);
    },
  },
  'export-dataset': {
    usage:
      'export-dataset <project.axial> --format csv|xlsx --out <file> [--table passages|codeByCase|codeByParticipant] [--values counts|binary] [--level axis|variable|code] [--csv-style rfc4180|excel-fr] [--keep-text] [--column-names readable|safe]',
    summary: 'The coded dataset (CSV: the table and a companion dictionary; XLSX: every table).',
    async run(core, options, output) {
      const format = requiredFlag(options, 'format', ['csv', 'xlsx']);
      const out = resolve(requiredFlag(options, 'out'));
      const input = {
        format,
        table: flag(options, 'table', ['passages', 'codeByCase', 'codeByParticipant']),
        values: flag(options, 'values', ['counts', 'binary']),
        level: flag(options, 'level', ['axis', 'variable', 'code']),
        csvStyle: flag(options, 'csv-style', ['rfc4180', 'excel-fr']),
        keepFormulas: options.flags.has('keep-text') ? true : undefined,
        columnNames: flag(options, 'column-names', ['readable', 'safe']),
      };
      await openProject(core, options, output);
      await warnOfNames(core, output);
      const files = await call<ExportedFile[]>(
        core,
        'dataset.export',
        Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      );
      const [main, ...companions] = files;
      writeExported(main!, out, output);
      // Companions (the dictionary) go beside the main file, named after it.
      const stem = join(dirname(out), basename(out, extname(out)));
      for (const companion of companions) {
        const suffix = companion.fileName.slice(main!.fileName.replace(/\.[^.]+$/, '').length);
        writeExported(companion, `${stem}${suffix}`, output);
      }
    },
  },
  'export-qdpx': {
    usage: 'export-qdpx <project.axial> --out <file.qdpx>',
    summary: 'The project as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.',
    async run(core, options, output) {
      const out = resolve(requiredFlag(options, 'out'));
      await openProject(core, options, output);
      await warnOfNames(core, output);
      const result = await call<{ file: ExportedFile; notExported: string[] }>(
        core,
        'refi.exportProject',
        {},
      );
      writeExported(result.file, out, output);
      if (result.notExported.length)
        output.out(
          `Not in the file (the standard has no place for them): ${result.notExported.join(', ')}`,
        );
    },
  },
  'import-qdpx': {
    usage:
      'import-qdpx <file.qdpx> --out <new-project.axial> [--counting codePoints|utf16|codePointsCrlf|utf16Crlf]',
    summary: 'A REFI-QDA project made into a new Axial project.',
    async run(core, options, output) {
      const file = resolve(required(options, 0, 'the .qdpx file'));
      const out = resolve(requiredFlag(options, 'out'));
      const result = await call<{
        report: {
          sources: number;
          codes: number;
          codings: number;
          counting: CountingDecision | null;
          warnings: { kind: string; item: string }[];
        };
      }>(core, 'refi.importProject', {
        fileName: basename(file),
        data: readFileSync(file),
        path: out,
        counting: flag(options, 'counting', offsetCountings),
      });
      const { report } = result;
      output.out(
        `Created ${out}: ${report.sources} documents, ${report.codes} codes, ${report.codings} codings` +
          (report.counting
            ? ` (selections counted in ${report.counting.counting}: ${countingWhy(report.counting)})`
            : ''),
      );
      for (const warning of report.warnings)
        output.error(`warning: ${warning.kind}: ${warning.item}`);
    },
  },
  'export-qdc': {
    usage: 'export-qdc <project.axial> --out <file.qdc>',
    summary: 'The codebook as a REFI-QDA codebook.',
    async run(core, options, output) {
      const out = resolve(requiredFlag(options, 'out'));
      await openProject(core, options, output);
      writeExported(await call<ExportedFile>(core, 'refi.exportCodebook', {}), out, output);
    },
  },
  'import-qdc': {
    usage: 'import-qdc <file.qdc> --into <project.axial>',
    summary: "A REFI-QDA codebook's codes added to a project (codes already there are kept).",
    async run(core, options, output) {
      const file = resolve(required(options, 0, 'the .qdc file'));
      const into = resolve(requiredFlag(options, 'into'));
      try {
        await call(core, 'projects.open', { path: into });
      } catch (error) {
        if (!(error instanceof RefusedError) || error.error.code !== 'project_locked') throw error;
        throw new Error(
          `"${into}" is open ${describeHolder(error.error.params ?? {})}: nothing was imported. Close it there, then run the command again.`,
          { cause: error },
        );
      }
      const result = await call<{ added: number; matched: number }>(core, 'refi.importCodebook', {
        fileName: basename(file),
        data: readFileSync(file),
      });
      output.out(`${result.added} codes added, ${result.matched} already present, in ${into}`);
    },
  },
  report: reportCommand,
  agreement: agreementCommand,
  merge: mergeCommand,
  pseudonymise: pseudonymiseCommand,
  'check-identifiers': checkIdentifiersCommand,
};

export const cliCommandNames = Object.keys(commands);

function help(output: CliOutput): void {
  output.out('Usage: axial <command> [arguments]   (npm run axial -- <command> …)');
  output.out('');
  for (const command of Object.values(commands)) {
    output.out(`  ${command.usage}`);
    output.out(`      ${command.summary}`);
  }
  output.out('');
  output.out('axial <command> --help shows one command.');
}

/**
 * Runs one command on a project file without a window, through the same
 * handlers as the app. Returns the exit code: 0 done, 1 refused or failed, 2 misused.
 */
export async function runCli(
  args: readonly string[],
  output: CliOutput,
  version = process.env.AXIAL_VERSION ?? '0.0.0',
): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(output);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    output.error(`Unknown command "${name}". Commands: ${cliCommandNames.join(', ')}.`);
    return 2;
  }
  let options: ParsedArguments;
  try {
    options = parseArguments(rest);
  } catch (error) {
    output.error(`${(error as Error).message}\nUsage: axial ${command.usage}`);
    return 2;
  }
  if (options.flags.has('help')) {
    output.out(`Usage: axial ${command.usage}\n${command.summary}`);
    return 0;
  }
  // A user-data folder of its own: a pipeline run does not fill the app's recent projects.
  const userData = mkdtempSync(join(tmpdir(), 'axial-cli-'));
  const core = createAppCore(
    userData,
    { kind: 'web', version, defaultProjectFolder: process.cwd() },
    { program: 'cli' },
  );
  try {
    const code = await command.run(core, options, output);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`${error.message}\nUsage: axial ${command.usage}`);
      return 2;
    }
    output.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    core.shutdown();
    rmSync(userData, { recursive: true, force: true });
  }
}
