import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Language, ProjectSummary } from '../../../shared/domain';
import { languages } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';

export function fileNameFor(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${base || 'project'}.axial`;
}

export function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? folder + name : folder + separator + name;
}

export function NewProjectForm({
  info,
  onOpened,
}: {
  info: AppInfo;
  onOpened: (project: ProjectSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  // The material's language follows the interface's until the researcher chooses one: switching
  // the interface to French after the form was shown left new projects marked English.
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language: Language = chosenLanguage ?? (i18n.language === 'fr' ? 'fr' : 'en');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const { pending, error, run } = useAction();
  const shownPath = pathEdited ? path : joinPath(info.defaultProjectFolder, fileNameFor(title));

  return (
    <form
      className="card"
      aria-labelledby="new-project-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          onOpened(await api['projects.create']({ path: shownPath, title, description, language }));
        });
      }}
    >
      <h2 id="new-project-heading">{t('start.newProject')}</h2>
      <label className="field">
        <span>{t('start.title')}</span>
        <input
          name="title"
          value={title}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('start.description')}</span>
        <textarea
          name="description"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('start.projectLanguage')}</span>
        <select
          name="language"
          value={language}
          onChange={(event) => setLanguage(event.target.value as Language)}
        >
          {languages.map((code) => (
            <option key={code} value={code}>
              {t(`languageNames.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <PathField
        name="path"
        label={t('start.location')}
        hint={t('start.locationHint', {
          example: joinPath(info.defaultProjectFolder, 'study.axial'),
        })}
        value={shownPath}
        onChange={(value) => {
          setPath(value);
          setPathEdited(true);
        }}
        purpose="create"
        nativeDialogs={info.nativeDialogs}
        suggestedName={fileNameFor(title)}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {t('start.create')}
      </button>
    </form>
  );
}
