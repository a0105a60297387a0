import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../shared/guides';
import { formatTime } from '../../../shared/text/time';
import { useApi } from '../../api/context';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

/** Guide questions × interviews: answered (with the time spent), asked, or missing; an answer opens in its transcript. */
export function CoverageGrid({
  guideId,
  onOpen,
}: {
  guideId: string;
  onOpen: (target: DocumentTarget) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError, documents, history } = useProjectData();
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  useEffect(() => {
    api['guides.coverage']({ guideId }).then(setCoverage).catch(showError);
  }, [api, guideId, showError, documents, history.writes]);
  if (!coverage) return null;
  if (coverage.documents.length === 0)
    return <p className="muted empty-state">{t('guides.noInterviews')}</p>;
  return (
    <div className="table-scroll">
      <table className="coverage-grid">
        <thead>
          <tr>
            <th>{t('guides.question')}</th>
            {coverage.documents.map((document) => (
              <th key={document.id}>{document.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.questions.map((question) => (
            <tr key={question.id} className={question.kind === 'prompt' ? 'prompt' : undefined}>
              <th scope="row">
                {question.number}. {question.text}
              </th>
              {coverage.documents.map((document) => {
                const cell = coverage.cells.find(
                  (candidate) =>
                    candidate.itemId === question.id && candidate.documentId === document.id,
                );
                const status = cell?.status ?? 'missing';
                return (
                  <td key={document.id} className={`coverage ${status}`} data-status={status}>
                    {status === 'answered' && cell && cell.start !== null && cell.end !== null ? (
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          onOpen({
                            documentId: document.id,
                            focus: { start: cell.start!, end: cell.end! },
                          })
                        }
                      >
                        {t('guides.status.answered')}
                        {cell.milliseconds !== null && (
                          <span title={t('guides.timeSpent')}>
                            {' · ⏱ '}
                            {formatTime(cell.milliseconds)}
                          </span>
                        )}
                      </button>
                    ) : (
                      t(`guides.status.${status}`)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
