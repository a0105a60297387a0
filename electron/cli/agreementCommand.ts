import type { AgreementFigures } from '../../shared/agreement/agreement';
import type { AgreementReport, CoderSummary } from '../../shared/agreement/report';
import { FEW_CODINGS, fewCodings } from '../../shared/agreement/report';
import type { DocumentSummary } from '../../shared/documents';
import type { Command } from './cliSupport';
import { call, flag, openProject, UsageError } from './cliSupport';

/** The figures as the JSON names them: shares and coefficients from 0 to 1, null where undefined. */
function figuresJson(figures: AgreementFigures) {
  return {
    percentAgreement: figures.percentAgreement,
    kappa: figures.kappa,
    alpha: figures.alpha,
    segmentAgreement: figures.segmentAgreement,
    segments: {
      matched: figures.segments.matched,
      total: figures.segments.matched + figures.segments.unmatched,
    },
    units: figures.units,
  };
}

/** Three decimals; a figure that rounds to zero is 0.000, never -0.000. */
export function shown(value: number | null): string {
  if (value === null) return '—';
  const text = value.toFixed(3);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

/** A name in a column of `width` characters: cut with an ellipsis when longer, counted in code points. */
export function fitted(name: string, width: number, marker = ''): string {
  const room = width - Array.from(marker).length;
  const characters = Array.from(name);
  const cut =
    characters.length > room ? `${characters.slice(0, room - 1).join('')}…` : characters.join('');
  const text = cut + marker;
  return text + ' '.repeat(Math.max(0, width - Array.from(text).length));
}

export const agreementCommand: Command = {
  usage:
    'agreement <project.axial> --coder <name> --coder <name> [--documents <title or id>]… [--threshold <percent>] [--json]',
  summary:
    "Two coders' agreement per code and overall: Cohen's kappa, Krippendorff's alpha and percent agreement on characters (paragraph breaks not counted), segment agreement (overlap ≥ threshold of the combined extent, 90 % by default).",
  async run(core, options, output) {
    const coders = options.repeated.get('coder') ?? [];
    if (coders.length !== 2)
      throw new UsageError('Give two coders: --coder <name> --coder <name>.');
    const thresholdText = flag(options, 'threshold') ?? '90';
    const percent = Number(thresholdText.replace(',', '.').replace(/%$/, ''));
    if (!Number.isFinite(percent) || percent < 1 || percent > 100)
      throw new UsageError('--threshold is a percentage from 1 to 100.');
    await openProject(core, options, output);
    const named = options.repeated.get('documents') ?? [];
    let documentIds: string[] | undefined;
    if (named.length) {
      const documents = await call<DocumentSummary[]>(core, 'documents.list', {});
      documentIds = named.map((name) => {
        const found = documents.find((document) => document.id === name || document.title === name);
        if (!found) throw new UsageError(`No document is called or has the id "${name}".`);
        return found.id;
      });
    }
    const known = await call<CoderSummary[]>(core, 'agreement.coders', {});
    for (const name of coders)
      if (!known.some((coder) => coder.name === name))
        throw new UsageError(
          `"${name}" has no codings in this project. Coders: ${known.map((coder) => coder.name).join(', ') || 'none'}.`,
        );
    const report = await call<AgreementReport>(core, 'agreement.compute', {
      coders,
      threshold: percent / 100,
      ...(documentIds ? { documentIds } : {}),
    });
    // Figures on documents one coder did not code say nothing about their agreement.
    if (!report.documents.some((document) => document.codings.every((count) => count > 0)))
      throw new Error(
        `${coders[0]} and ${coders[1]} have not coded ${documentIds ? 'any of the documents given' : 'the same document'}: there is nothing to compare. Each coder codes the same documents first (or give --documents that both coded).`,
      );
    if (options.flags.has('json')) {
      output.out(
        JSON.stringify({
          coders: report.coders,
          threshold: report.threshold,
          units: 'characters (Unicode code points)',
          documents: report.documents.map((document) => document.title),
          codes: report.codes.map((code) => ({
            code: code.name,
            path: code.path.join(' / '),
            ...figuresJson(code),
          })),
          overall: figuresJson(report.overall),
        }),
      );
      return;
    }
    output.out(
      `${report.coders.join(' and ')} on ${report.documents.length} document(s), N = ${report.units} characters per code (paragraph breaks not counted); segments match from ${Math.round(report.threshold * 100)} % overlap of their combined extent.`,
    );
    report.coders.forEach((coder, side) => {
      const uncoded = report.documents.filter((document) => document.codings[side] === 0);
      if (uncoded.length)
        output.out(
          `Note: ${coder} coded nothing in ${uncoded.map((document) => `"${document.title}"`).join(', ')}: that text counts as left uncoded by ${coder}.`,
        );
    });
    output.out(
      `${'code'.padEnd(40)} ${'kappa'.padStart(7)} ${'alpha'.padStart(7)} ${'agreement'.padStart(9)} ${'segments'.padStart(9)}`,
    );
    let few = false;
    const line = (name: string, figures: AgreementFigures, marked: boolean) =>
      output.out(
        `${fitted(name, 40, marked ? ' *' : '')} ${shown(figures.kappa).padStart(7)} ${shown(figures.alpha).padStart(7)} ${shown(figures.percentAgreement).padStart(9)} ${shown(figures.segmentAgreement).padStart(9)}`,
      );
    for (const code of report.codes) {
      const marked = fewCodings(code);
      few ||= marked;
      line(code.path.join(' / '), code, marked);
    }
    line('All codes (pooled)', report.overall, false);
    if (few)
      output.out(
        `* Based on fewer than ${FEW_CODINGS} codings (both coders together): one coding more or less changes these figures a lot.`,
      );
  },
};
