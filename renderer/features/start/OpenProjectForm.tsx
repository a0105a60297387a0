import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';
import { ProjectOpenError } from './ProjectOpenError';

export function OpenProjectForm({
  info,
  onOpened,
}: {
  info: AppInfo;
  onOpened: (project: ProjectSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [path, setPath] = useState('');
  const { pending, error, run } = useAction();
  return (
    <form
      className="card"
      aria-labelledby="open-project-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => onOpened(await api['projects.open']({ path })));
      }}
    >
      <h2 id="open-project-heading">{t('start.openProject')}</h2>
      <PathField
        name="open-path"
        label={t('start.location')}
        hint={t('start.openPathHint')}
        value={path}
        onChange={setPath}
        purpose="open"
        nativeDialogs={info.nativeDialogs}
      />
      <ProjectOpenError error={error} run={run} onOpened={onOpened} />
      <button type="submit" disabled={pending || path.trim() === ''}>
        {t('start.open')}
      </button>
    </form>
  );
}
