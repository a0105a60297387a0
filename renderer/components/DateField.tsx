import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocalDate, parseLocalDate } from './localDate';

/**
 * A date typed as the interface's language writes it, whatever the system's
 * language: a browser's date input follows the operating system instead, so a
 * French interface showed "mm/dd/yyyy" on an English system. Stored as YYYY-MM-DD.
 */
export function DateField({
  value,
  onSave,
  label,
  name,
}: {
  /** The stored date, or null for none. */
  value: string | null;
  onSave: (value: string | null) => void;
  label: string;
  name?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const shown = value ? formatLocalDate(value, language) : '';
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  // A stored value arriving late (the refresh after the previous save) must not wipe what the
  // researcher is typing, nor what they typed and the message saying it is no date.
  const invalidNow = useRef(false);
  invalidNow.current = invalid;
  const typing = useRef(false);
  useEffect(() => {
    if (invalidNow.current || typing.current) return;
    setDraft(shown);
  }, [shown]);
  const example = formatLocalDate('2024-03-14', language);
  const commit = () => {
    typing.current = false;
    if (draft.trim() === shown) {
      setInvalid(false);
      return;
    }
    if (draft.trim() === '') {
      setInvalid(false);
      onSave(null);
      return;
    }
    const parsed = parseLocalDate(draft, language);
    setInvalid(parsed === null);
    if (parsed !== null) {
      setDraft(formatLocalDate(parsed, language));
      if (parsed !== value) onSave(parsed);
    }
  };
  return (
    <>
      <input
        type="text"
        inputMode="numeric"
        name={name}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        placeholder={t('dates.placeholder')}
        value={draft}
        onChange={(event) => {
          typing.current = true;
          setDraft(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(shown);
            setInvalid(false);
          }
        }}
      />
      <small id={hintId} className={invalid ? 'error-text' : 'sr-only'}>
        {invalid ? t('dates.invalid', { example }) : t('dates.hint', { example })}
      </small>
    </>
  );
}
