import { useEffect, useState } from 'react';

/**
 * A text kept as a draft while typed and saved when the field is left; it
 * follows the stored value when that changes elsewhere (undo, another window).
 */
export function DraftField({
  label,
  value,
  onSave,
  multiline = false,
}: {
  label: string;
  value: string;
  onSave: (value: string) => void;
  multiline?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const common = {
    'aria-label': label,
    value: draft,
    onBlur: () => {
      if (draft !== value) onSave(draft);
    },
  };
  return multiline ? (
    <textarea rows={2} {...common} onChange={(event) => setDraft(event.target.value)} />
  ) : (
    <input {...common} onChange={(event) => setDraft(event.target.value)} />
  );
}
