import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSummary } from '../../../shared/guides';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { useProjectData } from '../project/ProjectData';
import { ReportBlockList } from './ReportBlockList';
import { ReportPreview } from './ReportPreview';
import { useReport } from './useReport';

/** Prints the report alone: the page's print rules show only the preview while this class is on. */
function printReport() {
  document.documentElement.classList.add('printing-report');
  try {
    window.print();
  } finally {
    document.documentElement.classList.remove('printing-report');
  }
}

/**
 * The study report: its blocks in the researcher's order beside the report
 * they make, exported for Word or printed (to PDF in the print dialog).
 */
export function ReportView() {
  const { t } = useTranslation();
  const api = useApi();
  const { history, showError } = useProjectData();
  const { layout, content, save } = useReport();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void api['guides.list']({}).then(setGuides, showError);
  }, [api, history, showError]);
  const leftOut = content?.parts.filter((part) => part.kind === 'notice').length ?? 0;
  const exportDocx = () => {
    setExporting(true);
    void api['reports.exportDocx']({})
      .then((file) => downloadBytes(file.fileName, file.data, file.mimeType), showError)
      .finally(() => setExporting(false));
  };
  return (
    <section className="card report-view" aria-labelledby="report-heading">
      <div className="report-header no-print">
        <div>
          <h2 id="report-heading">{t('report.heading')}</h2>
          <p>{t('report.explanation')}</p>
        </div>
        <div className="report-actions">
          <button type="button" disabled={!content || exporting} onClick={exportDocx}>
            {exporting ? t('report.building') : t('report.exportDocx')}
          </button>
          <button type="button" disabled={!content} onClick={printReport}>
            {t('report.print')}
          </button>
        </div>
      </div>
      {layout && !layout.arranged && <p className="muted no-print">{t('report.usual')}</p>}
      {leftOut > 0 && (
        <p className="warning no-print" role="note">
          {t('report.leftOut', { count: leftOut })}
        </p>
      )}
      <div className="report-columns">
        {layout && <ReportBlockList blocks={layout.blocks} guides={guides} onChange={save} />}
        {content && <ReportPreview content={content} />}
      </div>
    </section>
  );
}
