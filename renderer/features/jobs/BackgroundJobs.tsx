import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/errors';
import type { ExportedFile } from '../../../shared/exchange';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { ErrorMessage, toApiError } from '../../components/ErrorMessage';

export interface BackgroundJob {
  id: string;
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  files: string[];
  error: ApiError | null;
}

interface BackgroundJobsValue {
  jobs: BackgroundJob[];
  /**
   * Runs an export in the background: its files are saved when it ends, whichever
   * view the researcher is in by then. Resolves with the call's answer, or null
   * when cancelled (the tray says so); rejects as the call did otherwise.
   */
  runExport<Answer>(
    label: string,
    work: (jobId: string) => Promise<Answer>,
    filesOf: (answer: Answer) => ExportedFile[],
  ): Promise<Answer | null>;
  cancel(id: string): void;
  dismiss(id: string): void;
}

const BackgroundJobsContext = createContext<BackgroundJobsValue | null>(null);

export function BackgroundJobsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [jobs, setJobs] = useState<BackgroundJob[]>([]);
  const update = (id: string, change: Partial<BackgroundJob>) =>
    setJobs((current) => current.map((job) => (job.id === id ? { ...job, ...change } : job)));

  const runExport = useCallback(
    async <Answer,>(
      label: string,
      work: (jobId: string) => Promise<Answer>,
      filesOf: (answer: Answer) => ExportedFile[],
    ) => {
      const id = crypto.randomUUID();
      setJobs((current) => [
        ...current.filter((job) => job.state === 'running'),
        { id, label, state: 'running', files: [], error: null },
      ]);
      try {
        const answer = await work(id);
        const files = filesOf(answer);
        for (const file of files) downloadBytes(file.fileName, file.data, file.mimeType);
        update(id, { state: 'done', files: files.map((file) => file.fileName) });
        return answer;
      } catch (caught) {
        const error = toApiError(caught);
        if (error.code === 'cancelled') {
          update(id, { state: 'cancelled' });
          return null;
        }
        update(id, { state: 'failed', error });
        throw caught;
      }
    },
    [],
  );
  const cancel = useCallback(
    (id: string) => {
      void api['jobs.cancel']({ jobId: id });
    },
    [api],
  );
  const dismiss = useCallback(
    (id: string) => setJobs((current) => current.filter((job) => job.id !== id)),
    [],
  );
  const value = useMemo(
    () => ({ jobs, runExport, cancel, dismiss }),
    [jobs, runExport, cancel, dismiss],
  );
  return <BackgroundJobsContext.Provider value={value}>{children}</BackgroundJobsContext.Provider>;
}

export function useBackgroundJobs(): BackgroundJobsValue {
  const value = useContext(BackgroundJobsContext);
  if (!value) throw new Error('useBackgroundJobs outside BackgroundJobsProvider');
  return value;
}

/** The running and just-finished jobs, in the sidebar: in view whatever the researcher is doing. */
export function JobsTray() {
  const { t } = useTranslation();
  const { jobs, cancel, dismiss } = useBackgroundJobs();
  return (
    <section className="jobs-tray" aria-label={t('jobs.heading')} role="status">
      {jobs.map((job) => (
        <div key={job.id} className={`job job-${job.state}`}>
          <p>
            {job.state === 'running' && t('jobs.running', { label: job.label })}
            {job.state === 'done' &&
              t('jobs.done', { label: job.label, files: job.files.join(', ') })}
            {job.state === 'cancelled' && t('jobs.cancelled', { label: job.label })}
            {job.state === 'failed' && t('jobs.failed', { label: job.label })}
          </p>
          {job.state === 'failed' && <ErrorMessage error={job.error} />}
          {job.state === 'running' ? (
            <button type="button" className="link" onClick={() => cancel(job.id)}>
              {t('jobs.cancel')}
            </button>
          ) : (
            <button type="button" className="link" onClick={() => dismiss(job.id)}>
              {t('common.dismiss')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
