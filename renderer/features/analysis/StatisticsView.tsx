import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeStatistics } from '../../../shared/analysis';
import type { Passage } from '../../../shared/documents';
import { useApi } from '../../api/context';
import { formatNumber } from '../../components/formatNumber';
import { PassageList } from '../../components/PassageList';
import { codePath } from '../codebook/codeTree';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

/** Each code's frequency (passages, documents, cases) as a bar chart, and the codes that meet on the same words. */
export function StatisticsView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { codes, showError } = useProjectData();
  const [statistics, setStatistics] = useState<CodeStatistics | null>(null);
  const [drill, setDrill] = useState<{ label: string; passages: Passage[] } | null>(null);
  useEffect(() => {
    api['codes.statistics']({}).then(setStatistics).catch(showError);
  }, [api, showError, codes]);
  if (!statistics) return null;
  const name = (id: string) => codePath(codes, id).join(' › ');
  const max = Math.max(1, ...statistics.codes.map((row) => row.passages));
  const rows = [...statistics.codes].sort((a, b) => b.passages - a.passages);
  const show = (label: string, codeIds: string[], all: boolean) =>
    void api['passages.list']({ codeIds, codeMatch: all ? 'all' : 'any', exactCodes: true })
      .then((passages) => setDrill({ label, passages }))
      .catch(showError);

  return (
    <div className="statistics-view">
      <table className="frequencies">
        <thead>
          <tr>
            <th>{t('statistics.code')}</th>
            <th>{t('statistics.passages')}</th>
            <th>{t('statistics.documents')}</th>
            <th>{t('statistics.cases')}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.codeId} data-code={name(row.codeId)}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => show(name(row.codeId), [row.codeId], false)}
                >
                  {name(row.codeId)}
                </button>
              </th>
              <td className="number">{formatNumber(row.passages, i18n.language)}</td>
              <td className="number">{formatNumber(row.documents, i18n.language)}</td>
              <td className="number">{formatNumber(row.cases, i18n.language)}</td>
              <td className="bar-cell">
                <span
                  className="bar"
                  style={{
                    width: `${(row.passages / max) * 100}%`,
                    background: codes.find((code) => code.id === row.codeId)?.colour,
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('statistics.cooccurrence')}</h3>
      {statistics.cooccurrences.length === 0 ? (
        <p className="muted">{t('statistics.noCooccurrence')}</p>
      ) : (
        <table className="cooccurrences">
          <thead>
            <tr>
              <th>{t('statistics.pair')}</th>
              <th>{t('statistics.overlaps')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.cooccurrences.map((pair) => (
              <tr key={`${pair.firstId}-${pair.secondId}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      show(
                        `${name(pair.firstId)} + ${name(pair.secondId)}`,
                        [pair.firstId, pair.secondId],
                        true,
                      )
                    }
                  >
                    {name(pair.firstId)} + {name(pair.secondId)}
                  </button>
                </th>
                <td className="number">{formatNumber(pair.count, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drill && (
        <section className="matrix-detail" aria-label={drill.label}>
          <h3>{drill.label}</h3>
          <PassageList passages={drill.passages} onOpen={onOpen} />
        </section>
      )}
    </div>
  );
}
