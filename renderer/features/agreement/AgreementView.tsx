import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/domain';
import type { Language } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { useProjectData } from '../project/ProjectData';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';
import type { DocumentTarget } from '../documents/DocumentsView';
import { agreementQuery, useAgreement } from './useAgreement';
import { useDisagreements } from './useDisagreements';

/** Intercoder agreement: two coders, the documents compared, the figures, their export, and the disagreements to settle. */
export function AgreementView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { documents, showError } = useProjectData();
  const { coders, choice, setChoice, report, ready, missing } = useAgreement();
  const [codeId, setCodeId] = useState<string | null>(null);
  const { found, resolve } = useDisagreements(choice, ready, codeId);
  if (!coders) return null;
  // Two coders chosen stay chosen when one has no codings left; before any choice, two are needed.
  const paired = choice.first !== '' && choice.second !== '';
  if (coders.length < 2 && !paired)
    return (
      <div className="agreement-view">
        <h3>{t('agreement.heading')}</h3>
        <p className="muted">{t('agreement.needTwoCoders')}</p>
      </div>
    );

  const chosen = new Set(choice.documentIds ?? report?.documents.map((document) => document.id));
  const toggleDocument = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChoice({ ...choice, documentIds: [...next] });
  };
  const language = (languages as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : undefined;
  const exportAs = (format: 'xlsx' | 'csv') =>
    void api['agreement.export']({
      ...agreementQuery(choice),
      format,
      csvStyle: 'excel-fr',
      // Headers and file name in the language the researcher reads, not the material's.
      ...(language ? { language } : {}),
    })
      .then((exported) => downloadBytes(exported.fileName, exported.data, exported.mimeType))
      .catch(showError);
  const coderSelect = (which: 'first' | 'second') => (
    <label>
      {t(which === 'first' ? 'agreement.firstCoder' : 'agreement.secondCoder')}
      <select
        value={choice[which]}
        onChange={(event) => setChoice({ ...choice, [which]: event.target.value })}
      >
        {coders.map((coder) => (
          <option key={coder.name} value={coder.name}>
            {coder.name}
          </option>
        ))}
        {missing.includes(choice[which]) && (
          <option value={choice[which]}>
            {t('agreement.noCodingsOption', { name: choice[which] })}
          </option>
        )}
      </select>
    </label>
  );

  return (
    <div className="agreement-view">
      <h3>{t('agreement.heading')}</h3>
      <p className="muted">{t('agreement.intro')}</p>
      <div className="toolbar">
        {coderSelect('first')}
        {coderSelect('second')}
        <label className="agreement-threshold" title={t('agreement.thresholdHint')}>
          {t('agreement.threshold')}
          <input
            type="number"
            min={1}
            max={100}
            step={1}
            value={choice.threshold}
            // Whole percents: the reports write them so.
            onChange={(event) =>
              setChoice({ ...choice, threshold: Math.round(Number(event.target.value)) })
            }
          />
        </label>
      </div>
      <details className="agreement-documents">
        <summary>
          {report
            ? t('agreement.compared', { count: report.documents.length })
            : t('agreement.documents')}
        </summary>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={choice.documentIds === null}
            onChange={(event) =>
              setChoice({ ...choice, documentIds: event.target.checked ? null : [...chosen] })
            }
          />
          {t('agreement.allBothCoded')}
        </label>
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(document.id)}
                  onChange={(event) => toggleDocument(document.id, event.target.checked)}
                />
                {document.title}
              </label>
            </li>
          ))}
        </ul>
      </details>
      {[...new Set(missing)].map((name) => (
        <p key={name} className="muted" role="status">
          {t('agreement.noCodingsNow', { name })}
        </p>
      ))}
      {choice.first === choice.second && (
        <p className="muted" role="status">
          {t('errorReasons.sameCoder')}
        </p>
      )}
      {!(choice.threshold >= 1 && choice.threshold <= 100) && (
        <p className="muted" role="status">
          {t('agreement.thresholdRange')}
        </p>
      )}
      {report && report.documents.length === 0 && (
        <p className="muted">{t('agreement.noCommonDocument')}</p>
      )}
      {report && report.documents.length > 0 && (
        <>
          {report.coders.map((coder, side) => {
            const uncoded = report.documents.filter((document) => document.codings[side] === 0);
            return (
              uncoded.length > 0 && (
                <p key={coder} className="agreement-warning" role="status">
                  {t('agreement.notCoded', {
                    coder,
                    count: uncoded.length,
                    titles: uncoded.map((document) => document.title).join(', '),
                  })}
                </p>
              )
            );
          })}
          <AgreementTable report={report} onPick={setCodeId} />
          <p className="muted">{t('agreement.unitsCompared', { count: report.units })}</p>
          <p className="muted">{t('agreement.caution')}</p>
          <div className="agreement-exports">
            <button type="button" onClick={() => exportAs('xlsx')}>
              {t('agreement.exportXlsx')}
            </button>
            <button type="button" onClick={() => exportAs('csv')}>
              {t('agreement.exportCsv')}
            </button>
          </div>
          {found && (
            <DisagreementList
              found={found}
              coders={[choice.first, choice.second]}
              codeName={
                codeId ? (report.codes.find((code) => code.codeId === codeId)?.name ?? null) : null
              }
              onOpen={onOpen}
              onResolve={resolve}
              onShowAllCodes={() => setCodeId(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
