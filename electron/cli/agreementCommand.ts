import type { AgreementFigures } from '../../shared/agreement/agreement';
import type { AgreementReport, CoderSummary } from '../../shared/agreement/report';
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

const shown = (value: number | null, digits = 3) => (value === null ? '—' : value.toFixed(digits));

export const agreementCommand: Command = {
  usage:
    'agreement <project.axial> --coder <name> --coder <name> [--documents <title or id>]… [--threshold <percent>] [--json]',
  summary:
    "Two coders' agreement per code and overall: percent agreement, Cohen's kappa and Krippendorff's alpha on characters, segment agreement (overlap ≥ threshold, 90 % by default).",
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
      `${report.coders.join(' and ')} on ${report.documents.length} document(s); units are characters; segments match from ${Math.round(report.threshold * 100)} % overlap.`,
    );
    output.out(
      `${'code'.padEnd(40)} ${'agreement'.padStart(9)} ${'kappa'.padStart(7)} ${'alpha'.padStart(7)} ${'segments'.padStart(9)}`,
    );
    const line = (name: string, figures: AgreementFigures) =>
      output.out(
        `${name.slice(0, 40).padEnd(40)} ${shown(figures.percentAgreement).padStart(9)} ${shown(figures.kappa).padStart(7)} ${shown(figures.alpha).padStart(7)} ${shown(figures.segmentAgreement).padStart(9)}`,
      );
    for (const code of report.codes) line(code.path.join(' / '), code);
    line('All codes (pooled)', report.overall);
  },
};
