import { useTranslation } from 'react-i18next';
import type { PathPurpose } from '../../shared/domain';
import { useApi } from '../api/context';

/**
 * A file path: typed in the browser host, or picked with the native dialog in
 * the desktop app (where it can still be typed).
 */
export function PathField({
  label,
  hint,
  value,
  onChange,
  purpose,
  nativeDialogs,
  suggestedName,
  name,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  purpose: PathPurpose;
  nativeDialogs: boolean;
  suggestedName?: string;
  name: string;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const choose = async () => {
    const chosen = await api['app.choosePath']({ purpose, suggestedName });
    if (chosen.path) onChange(chosen.path);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <span className="path-row">
        <input
          name={name}
          type="text"
          value={value}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
        {nativeDialogs && (
          <button type="button" onClick={() => void choose()}>
            {t('start.choose')}
          </button>
        )}
      </span>
      <small>{hint}</small>
    </label>
  );
}
