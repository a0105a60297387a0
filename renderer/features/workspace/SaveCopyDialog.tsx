import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';

/** "entretiens.axial" → "entretiens (copie).axial", in the interface's language. */
function suggestedCopyPath(path: string, suffix: string): string {
  return `${path.replace(/\.axial$/i, '')} (${suffix}).axial`;
}

export function SaveCopyDialog({
  info,
  project,
  onClose,
}: {
  info: AppInfo;
  project: ProjectSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [path, setPath] = useState(() => suggestedCopyPath(project.path, t('saveCopy.suffix')));
  const [overwrite, setOverwrite] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const { pending, error, run } = useAction();
  return (
    <Dialog title={t('saveCopy.heading')} onClose={onClose}>
      <p>{t('saveCopy.explanation')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await flushPendingEdits();
            setSavedTo((await api['projects.saveCopy']({ path, overwrite })).path);
          });
        }}
      >
        <PathField
          name="copy-path"
          label={t('saveCopy.path')}
          hint=""
          value={path}
          onChange={(value) => {
            setPath(value);
            setSavedTo(null);
          }}
          purpose="saveCopy"
          nativeDialogs={info.nativeDialogs}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="overwrite"
            checked={overwrite}
            onChange={(event) => setOverwrite(event.target.checked)}
          />
          <span>{t('saveCopy.overwrite')}</span>
        </label>
        <ErrorMessage error={error} />
        {savedTo && (
          <p className="success" role="status">
            {t('saveCopy.saved', { path: savedTo })}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('saveCopy.cancel')}
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {t('saveCopy.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
