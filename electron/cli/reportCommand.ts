import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ExportedFile } from '../../shared/exchange';
import type { ReportContent } from '../../shared/report';
import type { Command } from './cliSupport';
import {
  call,
  flag,
  openProject,
  requiredFlag,
  UsageError,
  warnOfNames,
  writeExported,
} from './cliSupport';

// A Word template of styles is some tens of kilobytes; reading more is not reading a template.
const TEMPLATE_LIMIT = 20 * 1024 * 1024;

function templateBytes(path: string): Uint8Array {
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw new UsageError(`There is no file "${path}" to take the styles of.`);
  if (size > TEMPLATE_LIMIT)
    throw new UsageError(`"${path}" is too large for a Word template (${size} bytes).`);
  return readFileSync(path);
}

export const reportCommand: Command = {
  usage: 'report <project.axial> --out <report.docx> [--template <styles.docx or .dotx>]',
  summary:
    'The study report as a Word document: the blocks arranged in Axial (or the usual report), with real tables, numbered captions, key quotations and the 2×2 chart; --template takes the styles of a Word document or template.',
  async run(core, options, output) {
    const out = resolve(requiredFlag(options, 'out'));
    if (extname(out).toLowerCase() !== '.docx')
      throw new UsageError('--out is the Word file to write, ending in .docx.');
    const templatePath = flag(options, 'template');
    const template = templatePath ? templateBytes(resolve(templatePath)) : undefined;
    await openProject(core, options, output);
    await warnOfNames(core, output);
    const file = await call<ExportedFile>(core, 'reports.exportDocx', template ? { template } : {});
    writeExported(file, out, output);
    // What the preview shows in place of a block that cannot be drawn, said here.
    const content = await call<ReportContent>(core, 'reports.content', {});
    for (const part of content.parts)
      if (part.kind === 'notice') output.error(`warning: left out of the report: ${part.text}`);
  },
};
