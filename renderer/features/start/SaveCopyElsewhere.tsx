import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';

/** The project's file name in the default project folder; "name (copy).axial" if that is the project itself. */
export function copyDestination(folder: string, path: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name = path.split(/[\\/]/).pop() ?? 'project.axial';
  const candidate = `${folder.replace(/[\\/]+$/, '')}${separator}${name}`;
  return candidate === path ? candidate.replace(/(\.axial)?$/i, ' (copy).axial') : candidate;
}

/**
 * A project Axial cannot write, moved to where it can: a read-only snapshot of
 * it is taken, saved as a copy with SQLite's backup, and that copy opened for
 * work. The file that cannot be written is only read.
 */
export function SaveCopyElsewhere({
  path,
  onOpened,
}: {
  path: string;
  onOpened: (project: ProjectSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [target, setTarget] = useState('');
  const { pending, error, run } = useAction();

  useEffect(() => {
    void run(async () => {
      const appInfo = await api['app.info']({});
      setInfo(appInfo);
      setTarget(copyDestination(appInfo.defaultProjectFolder, path));
    });
  }, [api, run, path]);

  const save = () =>
    void run(async () => {
      await api['projects.openCopy']({ path });
      try {
        const saved = await api['projects.saveCopy']({ path: target, overwrite: false });
        onOpened(await api['projects.open']({ path: saved.path }));
      } catch (caught) {
        // The snapshot was only the way to the copy: the start screen has no project open.
        await api['projects.close']({}).catch(() => undefined);
        throw caught;
      }
    });

  return (
    <div
      className="save-copy-elsewhere"
      role="group"
      aria-label={t('lock.saveCopyElsewhere')}
      onKeyDown={(event) => {
        // Inside the open form: Enter saves the copy rather than opening the same file again.
        if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
        event.preventDefault();
        save();
      }}
    >
      {info && (
        <PathField
          name="copy-elsewhere-path"
          label={t('saveCopy.path')}
          hint={t('lock.copyPathHint')}
          value={target}
          onChange={setTarget}
          purpose="saveCopy"
          nativeDialogs={info.nativeDialogs}
        />
      )}
      <ErrorMessage error={error} />
      <button
        type="button"
        className="primary"
        disabled={pending || target.trim() === ''}
        onClick={save}
      >
        {t('lock.saveAndOpen')}
      </button>
    </div>
  );
}
