import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The researcher's name as a coder: recorded with each coding, memo and rating they make. */
export function CoderNameForm({
  current,
  onSave,
  onCancel,
}: {
  current: string | null;
  onSave: (name: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(current ?? '');
  return (
    <form
      className="coder-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
    >
      <label className="field">
        <span>{t('coder.label')}</span>
        <input
          value={name}
          maxLength={100}
          autoComplete="name"
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <p className="muted small">{t('coder.help')}</p>
      <div className="dialog-buttons">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('coder.save')}
        </button>
      </div>
    </form>
  );
}
