import { useEffect, useState } from 'react';
import { useRememberedChoice } from '../../components/useRememberedChoice';
import { useTranslation } from 'react-i18next';
import { citedText } from '../../../shared/quotations';
import type { Typology } from '../../../shared/typology';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';

/**
 * A part of the codebook as the article's typology: a row per code with its
 * definition, the cases it is found in ("2/6 cases", named on hover), its
 * passages and key quotations; then the presence of each code in each case.
 */
export function TypologyView() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { codes, history, showError } = useProjectData();
  const [remembered, setCodeId] = useRememberedChoice<string>('typology.code', '');
  const [countsChoice, setCountsChoice] = useRememberedChoice<'ticks' | 'counts'>(
    'typology.presence',
    'ticks',
  );
  const counts = countsChoice === 'counts';
  const setCounts = (next: boolean) => setCountsChoice(next ? 'counts' : 'ticks');
  const [typology, setTypology] = useState<Typology | null>(null);
  // A code with sub-codes is what a typology is made of: the first such, until one is chosen.
  const parents = codes.filter((code) => codes.some((other) => other.parentId === code.id));
  // A code remembered from another project, or deleted since, is not one to show.
  const codeId = codes.some((code) => code.id === remembered) ? remembered : '';
  const chosen = codeId || parents[0]?.id || '';
  useEffect(() => {
    if (!chosen) return;
    let current = true;
    void api['reports.typology']({ codeId: chosen }).then((next) => {
      if (current) setTypology(next);
    }, showError);
    return () => {
      current = false;
    };
  }, [api, chosen, history, showError]);
  const number = new Intl.NumberFormat(i18n.language);
  if (!codes.length) return <p className="muted">{t('typology.noCodes')}</p>;
  const caseName = new Map((typology?.cases ?? []).map((found) => [found.id, found]));
  const rowName = (row: Typology['rows'][number]) =>
    row.own ? t('typology.ownRow', { code: row.name }) : row.name;
  return (
    <section className="card typology-view" aria-labelledby="typology-heading">
      <h2 id="typology-heading">{t('typology.heading')}</h2>
      <p>{t('typology.explanation')}</p>
      <label className="field">
        <span>{t('typology.code')}</span>
        <select value={chosen} onChange={(event) => setCodeId(event.target.value)}>
          {codes.map((code) => (
            <option key={code.id} value={code.id}>
              {code.name}
            </option>
          ))}
        </select>
      </label>
      {typology && typology.codeId === chosen && (
        <>
          <table className="typology-table" aria-label={t('typology.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('typology.columns.code')}</th>
                <th scope="col">{t('typology.columns.definition')}</th>
                <th scope="col">{t('typology.columns.cases')}</th>
                <th scope="col">{t('typology.columns.passages')}</th>
                <th scope="col">{t('typology.columns.quotations')}</th>
              </tr>
            </thead>
            <tbody>
              {typology.rows.map((row) => (
                <tr key={row.codeId}>
                  <th scope="row">{rowName(row)}</th>
                  <td>{row.definition}</td>
                  <td title={row.caseIds.map((id) => caseName.get(id)?.name ?? '').join(', ')}>
                    {t('typology.caseShare', {
                      count: typology.cases.length,
                      found: number.format(row.caseIds.length),
                    })}
                    {row.caseIds.length > 0 &&
                      ` (${row.caseIds.map((id) => caseName.get(id)?.label ?? '').join(', ')})`}
                  </td>
                  <td>{number.format(row.passages)}</td>
                  <td>
                    {row.quotations.map((quotation) => (
                      <blockquote key={quotation.id}>
                        {t('report.quoted', { text: citedText(quotation) })} ({quotation.reference})
                      </blockquote>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {typology.withoutDocuments.length > 0 && (
            <p className="muted" role="note">
              {t('report.notes.withoutDocuments', {
                count: typology.withoutDocuments.length,
                cases: typology.withoutDocuments
                  .map((id) => caseName.get(id)?.name ?? '')
                  .join(', '),
              })}
            </p>
          )}
          <h3>{t('typology.presence')}</h3>
          <label className="checkbox">
            <input type="checkbox" checked={counts} onChange={() => setCounts(!counts)} />
            {t('typology.showCounts')}
          </label>
          <table className="typology-table" aria-label={t('typology.presence')}>
            <thead>
              <tr>
                <th scope="col">{t('typology.columns.code')}</th>
                {typology.cases.map((found) => (
                  <th key={found.id} scope="col" title={found.name}>
                    {found.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {typology.rows.map((row) => (
                <tr key={row.codeId}>
                  <th scope="row">{rowName(row)}</th>
                  {typology.cases.map((found) => {
                    const passages = typology.presence[row.codeId]?.[found.id] ?? 0;
                    return (
                      <td key={found.id}>
                        {counts ? number.format(passages) : passages ? '✓' : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
