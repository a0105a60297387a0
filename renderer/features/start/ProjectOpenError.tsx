import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/domain';
import type { ApiError } from '../../../shared/errors';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * Why a project did not open; for one open elsewhere, what the researcher can
 * do: read a snapshot of it, or, when the lock names another computer that no
 * longer has it open, open it here after all.
 */
export function ProjectOpenError({
  error,
  run,
  onOpened,
}: {
  error: ApiError | null;
  run: (action: () => Promise<void>) => Promise<void>;
  onOpened: (project: ProjectSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const path = typeof error?.params?.path === 'string' ? error.params.path : null;
  const host = String(error?.params?.host ?? '');
  return (
    <>
      <ErrorMessage error={error} />
      {(error?.code === 'project_locked' || error?.params?.reason === 'lockNotWritable') &&
        path && (
          <div className="locked-actions">
            <button
              type="button"
              onClick={() =>
                void run(async () => onOpened(await api['projects.openCopy']({ path })))
              }
            >
              {t('lock.openCopy')}
            </button>
            {Boolean(error.params?.otherComputer) && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (!window.confirm(t('lock.confirmTakeOver', { path, host }))) return;
                  void run(async () =>
                    onOpened(await api['projects.open']({ path, takeOver: true })),
                  );
                }}
              >
                {t('lock.takeOver', { host })}
              </button>
            )}
          </div>
        )}
    </>
  );
}
