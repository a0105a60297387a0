import { useTranslation } from 'react-i18next';
import type { AgreementFigures } from '../../../shared/agreement/agreement';
import type { AgreementReport } from '../../../shared/agreement/report';

const formats = new Map<string, { share: Intl.NumberFormat; coefficient: Intl.NumberFormat }>();

function formatsFor(language: string) {
  let found = formats.get(language);
  if (!found)
    formats.set(
      language,
      (found = {
        share: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }),
        coefficient: new Intl.NumberFormat(language, {
          minimumFractionDigits: 3,
          maximumFractionDigits: 3,
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
  return (
    <>
      <td className="number">
        {figures.percentAgreement === null ? '—' : share.format(figures.percentAgreement)}
      </td>
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
        {t('agreement.segmentCell', {
          matched: figures.segments.matched,
          total,
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
  return (
    <table className="agreement-table">
      <thead>
        <tr>
          <th>{t('agreement.code')}</th>
          <th>{t('agreement.percentAgreement')}</th>
          <th>{t('agreement.kappa')}</th>
          <th>{t('agreement.alpha')}</th>
          <th>{t('agreement.segments')}</th>
        </tr>
      </thead>
      <tbody>
        {report.codes.map((code) => {
          const { units } = code;
          const oneCoder = units.both === 0 && (units.firstOnly === 0 || units.secondOnly === 0);
          return (
            <tr key={code.codeId} data-code={code.path.join(' › ')}>
              <th scope="row">
                <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
                <button
                  type="button"
                  className="link"
                  title={t('agreement.disagreements.showFor')}
                  onClick={() => onPick(code.codeId)}
                >
                  {code.path.join(' › ')}
                </button>
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
  );
}
