import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Chooses files with a button in the interface's language: the browser's own
 * file input says "Choose File" in the system's language, whatever Axial's.
 */
export function FileButton({
  label,
  name,
  accept,
  multiple = false,
  disabled = false,
  chosen,
  onFiles,
}: {
  label: string;
  name: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** Where a form keeps the choice: the chosen file's name is shown, or that none is; absent, nothing is shown. */
  chosen?: string | null;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <span className="file-button">
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        name={name}
        aria-label={label}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so that choosing the same file again is seen as a choice.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      {chosen !== undefined && (
        <span className={chosen ? 'file-chosen' : 'muted'}>{chosen ?? t('files.none')}</span>
      )}
    </span>
  );
}
