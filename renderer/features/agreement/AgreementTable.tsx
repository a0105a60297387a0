import { useTranslation } from 'react-i18next';
import type { AgreementFigures } from '../../../shared/agreement/agreement';
import type { AgreementReport } from '../../../shared/agreement/report';
import { FEW_CODINGS, fewCodings } from '../../../shared/agreement/report';

const formats = new Map<string, { share: Intl.NumberFormat; coefficient: Intl.NumberFormat }>();

function formatsFor(language: string) {
  let found = formats.get(language);
  if (!found)
    formats.set(
      language,
      // The language's own minus sign, and no sign on a figure that rounds to zero (not "-0.000").
      (found = {
        share: new Intl.NumberFormat(language, {
          style: 'percent',
          maximumFractionDigits: 1,
          signDisplay: 'negative',
        }),
        coefficient: new Intl.NumberFormat(language, {
          minimumFractionDigits: 3,
          maximumFractionDigits: 3,
          signDisplay: 'negative',
        }),
      }),
    );
  return found;
}

/** One line of figures; a figure the data cannot give says why instead of showing a number. */
function FigureCells({ figures }: { figures: AgreementFigures }) {
  const { t, i18n } = useTranslation();
  const { share, coefficient } = formatsFor(i18n.language);
  const undefinedCell = (
    <td className="number muted" title={t('agreement.notDefined')}>
      —
    </td>
  );
  const total = figures.segments.matched + figures.segments.unmatched;
  // Chance-corrected first: percent agreement is inflated by the text neither coder coded.
  return (
    <>
      {figures.kappa === null ? (
        undefinedCell
      ) : (
        <td className="number">{coefficient.format(figures.kappa)}</td>
      )}
      {figures.alpha === null ? (
        undefinedCell
      ) : (
        <td className="number">{coefficient.format(figures.alpha)}</td>
      )}
      <td className="number">
        {figures.percentAgreement === null ? '—' : share.format(figures.percentAgreement)}
      </td>
      <td className="number segments">
        {t('agreement.segmentCell', {
          matched: figures.segments.matched,
          count: total,
          share: figures.segmentAgreement === null ? '—' : share.format(figures.segmentAgreement),
        })}
      </td>
    </>
  );
}

/** Per code and pooled, as a methods section reports them. */
export function AgreementTable({
  report,
  onPick,
}: {
  report: AgreementReport;
  /** Shows one code's disagreements. */
  onPick: (codeId: string) => void;
}) {
  const { t } = useTranslation();
  const few = report.codes.some(fewCodings);
  return (
    <>
      {/* Scrolls by itself on a narrow window rather than widening the whole pane. */}
      <div className="agreement-table-frame">
        <table className="agreement-table">
          <thead>
            <tr>
              <th>{t('agreement.code')}</th>
              <th>{t('agreement.kappa')}</th>
              <th>{t('agreement.alpha')}</th>
              <th title={t('agreement.percentAgreementHint')}>{t('agreement.percentAgreement')}</th>
              <th>{t('agreement.segments')}</th>
            </tr>
          </thead>
          <tbody>
            {report.codes.map((code) => {
              const { units } = code;
              const oneCoder =
                units.both === 0 && (units.firstOnly === 0 || units.secondOnly === 0);
              return (
                <tr key={code.codeId} data-code={code.path.join(' › ')}>
                  <th scope="row">
                    <span className="code-cell">
                      <span
                        className="swatch"
                        style={{ background: code.colour }}
                        aria-hidden="true"
                      />
                      <button
                        type="button"
                        className="link"
                        title={t('agreement.disagreements.showFor')}
                        onClick={() => onPick(code.codeId)}
                      >
                        {code.path.join(' › ')}
                      </button>
                      {fewCodings(code) && (
                        <span
                          className="few-marker"
                          title={t('agreement.fewTitle', { count: FEW_CODINGS })}
                        >
                          {t('agreement.fewMarker')}
                        </span>
                      )}
                    </span>
                    {oneCoder && <span className="muted note"> · {t('agreement.onlyOne')}</span>}
                  </th>
                  <FigureCells figures={code} />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-code="overall">
              <th scope="row">{t('agreement.overall')}</th>
              <FigureCells figures={report.overall} />
            </tr>
          </tfoot>
        </table>
      </div>
      {few && (
        <p className="muted agreement-few">{t('agreement.fewCaption', { count: FEW_CODINGS })}</p>
      )}
    </>
  );
}
