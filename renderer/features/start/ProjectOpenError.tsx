import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/domain';
import type { ApiError } from '../../../shared/errors';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveCopyElsewhere } from './SaveCopyElsewhere';

/** A project that opens but cannot be saved: its file, its folder or its disk is read-only. */
const unwritableReasons = new Set(['fileReadOnly', 'folderReadOnly', 'mediumReadOnly']);

/**
 * Why a project did not open, and what the researcher can do: for one open
 * elsewhere, read a snapshot of it or, when the lock names another computer
 * that no longer has it open, open it here after all; for one that cannot be
 * written, read a snapshot of it or save a copy where it can be written.
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
  // The refusal the copy form was asked for: a new refusal closes it.
  const [copyingFor, setCopyingFor] = useState<ApiError | null>(null);
  const path = typeof error?.params?.path === 'string' ? error.params.path : null;
  const host = String(error?.params?.host ?? '');
  const locked = error?.code === 'project_locked' || error?.params?.reason === 'lockNotWritable';
  const notWritable =
    error?.code === 'not_writable' && unwritableReasons.has(String(error.params?.reason));
  return (
    <>
      <ErrorMessage error={error} />
      {(locked || notWritable) && path && (
        <div className="locked-actions">
          <button
            type="button"
            onClick={() => void run(async () => onOpened(await api['projects.openCopy']({ path })))}
          >
            {t('lock.openCopy')}
          </button>
          {notWritable && (
            <button type="button" onClick={() => setCopyingFor(error)}>
              {t('lock.saveCopyElsewhere')}
            </button>
          )}
          {locked && Boolean(error.params?.otherComputer) && (
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
      {notWritable && path && copyingFor === error && (
        <SaveCopyElsewhere path={path} onOpened={onOpened} />
      )}
    </>
  );
}
