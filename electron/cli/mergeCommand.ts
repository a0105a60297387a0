import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { MergeSummary } from '../../shared/merge';
import type { Command, CliOutput } from './cliSupport';
import { call, required, requiredFlag, UsageError } from './cliSupport';

const kindNames: Record<keyof MergeSummary['added'], [string, string]> = {
  documents: ['document', 'documents'],
  codes: ['code', 'codes'],
  codings: ['coding', 'codings'],
  cases: ['case', 'cases'],
  participants: ['participant', 'participants'],
  attributes: ['attribute', 'attributes'],
  values: ['attribute value', 'attribute values'],
  ratings: ['rating', 'ratings'],
  summaries: ['matrix summary', 'matrix summaries'],
  memos: ['memo', 'memos'],
};

const cut = (text: string, length = 60) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const points = [...flat];
  return points.length > length ? `${points.slice(0, length - 1).join('')}…` : flat;
};

function printSummary(summary: MergeSummary, output: CliOutput, dryRun: boolean): void {
  const added = Object.entries(summary.added)
    .filter(([, count]) => count > 0)
    .map(
      ([kind, count]) =>
        `${count} ${kindNames[kind as keyof MergeSummary['added']][count === 1 ? 0 : 1]}`,
    );
  output.out(
    `${dryRun ? 'Would bring in' : 'Brought in'}: ${added.length ? added.join(', ') : 'nothing new'}.`,
  );
  if (!summary.sameProject)
    output.out(
      'This file is not a copy of this project: documents were matched by identical text, codes, cases and people by name.',
    );
  if (summary.coders.length) output.out(`Their codings are by: ${summary.coders.join(', ')}.`);
  if (summary.sharedCoders.length)
    output.out(
      `Warning: ${summary.sharedCoders.join(', ')} also coded in this project under the same name: agreement cannot tell the two apart.`,
    );
  if (summary.alreadyHere) output.out(`${summary.alreadyHere} of their codings were already here.`);
  if (summary.keptDeleted)
    output.out(
      `${summary.keptDeleted} of their codes, codings, cases or other rows were deleted in this project since the copy was made: they stay deleted.`,
    );
  if (summary.approximate) {
    output.out(
      `${summary.approximate} of their codings were placed on words that differ a little here (check them):`,
    );
    for (const coding of summary.approximateList)
      output.out(
        `  ${coding.documentTitle} · ${coding.codePath.join(' › ')} · ${coding.coder}: “${cut(coding.text)}”`,
      );
  }
  if (summary.unplacedCount) {
    output.out(
      `${summary.unplacedCount} of their codings could not be placed (their words are no longer in this project's text):`,
    );
    for (const coding of summary.unplaced)
      output.out(
        `  ${coding.documentTitle} · ${coding.codePath.join(' › ')} · ${coding.coder}: “${cut(coding.text)}”`,
      );
  }
  if (summary.conflicts.length) {
    const side =
      summary.taken > 0
        ? `their version taken for ${summary.taken}`
        : "this project's version kept";
    output.out(
      `${summary.conflicts.length} difference${summary.conflicts.length === 1 ? '' : 's'} (${side}):`,
    );
    for (const conflict of summary.conflicts)
      output.out(
        `  ${conflict.subject} ${conflict.field} · ${cut(conflict.name, 40)}: here “${cut(conflict.mine)}”, theirs “${cut(conflict.theirs)}”`,
      );
  }
  if (summary.typeMismatch.length)
    output.out(
      `Attributes of another type in the copy (their values were not brought in): ${summary.typeMismatch.join(', ')}.`,
    );
  if (summary.notMerged.length)
    output.out(`Not merged (merge them by hand): ${summary.notMerged.join(', ')}.`);
}

export const mergeCommand: Command = {
  usage: 'merge <project.axial> --from <copy.axial|export.qdpx> [--theirs] [--dry-run] [--json]',
  summary:
    "Brings a colleague's copy into the project: their codings (on their words, through a text diff where the text differs), codes, cases, people, values, memos and ratings. Where both changed the same thing, the project's version is kept (--theirs takes theirs). A copy of the project as it was is saved beside it first.",
  async run(core, options, output) {
    const target = resolve(required(options, 0, 'the project file'));
    const from = resolve(requiredFlag(options, 'from'));
    if (from === target)
      throw new UsageError('--from names the project itself: give the copy to merge.');
    let data: Uint8Array;
    try {
      data = new Uint8Array(readFileSync(from));
    } catch {
      throw new UsageError(`There is no file at "${from}".`);
    }
    await call(core, 'projects.open', { path: target });
    const copy = { fileName: basename(from), data };
    const preview = await call<MergeSummary>(core, 'merge.preview', copy);
    const dryRun = options.flags.has('dry-run');
    let summary = preview;
    if (!dryRun) {
      const choice = options.flags.has('theirs') ? 'theirs' : 'mine';
      summary = await call<MergeSummary>(core, 'merge.apply', {
        ...copy,
        choices: preview.conflicts.map(({ key }) => ({ key, choice })),
      });
      if (summary.backupPath)
        output.error(`The project as it was is saved at ${summary.backupPath}`);
    }
    if (options.flags.has('json')) output.out(JSON.stringify(summary));
    else printSummary(summary, output, dryRun);
  },
};
