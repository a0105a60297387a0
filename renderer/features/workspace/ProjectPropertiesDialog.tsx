import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, ProjectSummary } from '../../../shared/domain';
import { languages } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';

export function ProjectPropertiesDialog({
  project,
  onClose,
  onSaved,
}: {
  project: ProjectSummary;
  onClose: () => void;
  onSaved: (project: ProjectSummary) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [title, setTitle] = useState(project.title);
  const [description, setDescription] = useState(project.description);
  const [language, setLanguage] = useState<Language>(project.language);
  const { pending, error, run } = useAction();
  return (
    <Dialog title={t('properties.heading')} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            onSaved(await api['projects.update']({ title, description, language }));
          });
        }}
      >
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
            rows={5}
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
        <ErrorMessage error={error} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('properties.cancel')}
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {t('properties.apply')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
