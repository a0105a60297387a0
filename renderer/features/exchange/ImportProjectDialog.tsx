import { FileButton } from '../../components/FileButton';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import type { ExchangeImportReport, OffsetCounting } from '../../../shared/exchange';
import { offsetCountings } from '../../../shared/exchange';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { readBytes } from '../../components/files';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';
import { fileNameFor, joinPath } from '../start/NewProjectForm';
import { ImportWarnings } from './ImportWarnings';

/** What an import brought in, and what it could not: shown before the researcher starts working. */
function ImportReport({ report }: { report: ExchangeImportReport }) {
  const { t, i18n } = useTranslation();
  const kinds = ['sources', 'codes', 'codings', 'cases', 'participants', 'variables'] as const;
  // Each count with its own plural ("1 document", "3 codes"), listed as the language lists.
  const items = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    kinds.map((kind) => t(`exchange.report.items.${kind}`, { count: report[kind] })),
  );
  return (
    <div className="import-report" role="status" aria-label={t('exchange.report.heading')}>
      <p className="success">{t('exchange.report.summary', { items })}</p>
      {report.counting && (
        <p data-testid="import-counting">
          {t('exchange.report.counting', {
            counting: t(`exchange.countings.${report.counting.counting}`),
          })}{' '}
          {t(`exchange.countingBases.${report.counting.basis}`, {
            program: report.counting.program ?? '',
          })}
        </p>
      )}
      <ImportWarnings warnings={report.warnings} />
    </div>
  );
}

/**
 * A REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder or Axial)
 * made into a new Axial project, which is then opened. The open project is
 * never touched: a failed import leaves no file behind.
 */
export function ImportProjectDialog({
  info,
  onOpened,
  onClose,
}: {
  info: AppInfo;
  onOpened: (project: ProjectSummary) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [report, setReport] = useState<ExchangeImportReport | null>(null);
  const [counting, setCounting] = useState<OffsetCounting | ''>('');
  const [job, setJob] = useState<{ id: string; done: number; total: number } | null>(null);
  const { pending, error, run } = useAction();
  const suggested = file
    ? joinPath(info.defaultProjectFolder, fileNameFor(file.name.replace(/\.qdpx$/i, '')))
    : '';
  const shownPath = path ?? suggested;
  return (
    <Dialog title={t('exchange.importProject.heading')} onClose={onClose}>
      {report ? (
        <>
          <ImportReport report={report} />
          <div className="dialog-buttons">
            <button type="button" className="primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!file) return;
            void run(async () => {
              await flushPendingEdits();
              const jobId = crypto.randomUUID();
              setJob({ id: jobId, done: 0, total: 0 });
              // Progress is asked for while the import runs; the main process answers between sources.
              const timer = setInterval(() => {
                void api['jobs.progress']({ jobId }).then((progress) => {
                  if (progress) setJob({ id: jobId, ...progress });
                });
              }, 200);
              try {
                const result = await api['refi.importProject']({
                  fileName: file.name,
                  data: await readBytes(file),
                  path: shownPath,
                  jobId,
                  ...(counting ? { counting } : {}),
                });
                onOpened(result.project);
                setReport(result.report);
              } finally {
                clearInterval(timer);
                setJob(null);
              }
            });
          }}
        >
          <p>{t('exchange.importProject.explanation')}</p>
          <div className="field">
            <span>{t('exchange.importProject.file')}</span>
            <FileButton
              label={t('exchange.importProject.choose')}
              name="qdpx-file"
              accept=".qdpx"
              chosen={file?.name ?? null}
              onFiles={([chosen]) => setFile(chosen ?? null)}
            />
          </div>
          <PathField
            name="imported-project-path"
            label={t('exchange.importProject.path')}
            hint={t('start.locationHint', {
              example: joinPath(info.defaultProjectFolder, 'study.axial'),
            })}
            value={shownPath}
            onChange={setPath}
            purpose="create"
            nativeDialogs={info.nativeDialogs}
          />
          <details className="import-advanced">
            <summary>{t('exchange.importProject.advanced')}</summary>
            <label className="field">
              <span>{t('exchange.importProject.counting')}</span>
              <select
                value={counting}
                onChange={(event) => setCounting(event.target.value as OffsetCounting | '')}
              >
                <option value="">{t('exchange.importProject.countingAuto')}</option>
                {offsetCountings.map((option) => (
                  <option key={option} value={option}>
                    {t(`exchange.countings.${option}`)}
                  </option>
                ))}
              </select>
            </label>
          </details>
          <ErrorMessage error={error} />
          {pending && job && (
            <div className="import-progress" role="status">
              <span>
                {t('exchange.importProject.working', { done: job.done, total: job.total })}
              </span>
              <progress max={job.total || 1} value={job.done} />
              <button type="button" onClick={() => void api['jobs.cancel']({ jobId: job.id })}>
                {t('exchange.importProject.cancel')}
              </button>
            </div>
          )}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!file || pending}>
              {t('exchange.importProject.import')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
