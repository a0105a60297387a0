import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeDefinition, AttributeValue } from '../../../shared/cases';
import { DateField } from '../../components/DateField';

/** One cell: an editor suited to the attribute's type, saved when left (or at once for a choice or a box). */
export function ValueEditor({
  attribute,
  value,
  label,
  onSave,
}: {
  attribute: AttributeDefinition;
  value: AttributeValue | undefined;
  label: string;
  /** Resolves to whether the value was stored: a refused one goes back to the stored value. */
  onSave: (value: AttributeValue | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  // A refresh arriving while the researcher types in this cell (after another cell's save) must
  // not replace what is being typed; a change from elsewhere (an undo) replaces a cell not typed in.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(shown);
  }, [shown]);
  const type = (text: string) => {
    typing.current = true;
    setDraft(text);
  };

  if (attribute.type === 'boolean') {
    return (
      <select
        aria-label={label}
        value={value === undefined ? '' : value ? 'true' : 'false'}
        onChange={(event) =>
          onSave(event.target.value === '' ? null : event.target.value === 'true')
        }
      >
        <option value="">—</option>
        <option value="true">{t('cases.yes')}</option>
        <option value="false">{t('cases.no')}</option>
      </select>
    );
  }
  if (attribute.type === 'choice') {
    return (
      <select
        aria-label={label}
        value={shown}
        onChange={(event) => onSave(event.target.value || null)}
      >
        <option value="">—</option>
        {attribute.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  if (attribute.type === 'date') {
    return (
      <DateField
        label={label}
        value={typeof value === 'string' ? value : null}
        onSave={(date) => onSave(date)}
      />
    );
  }
  const events = {
    onBlur: () => {
      typing.current = false;
      if (draft.trim() === shown) return;
      const saved = onSave(draft.trim() === '' ? null : draft);
      // "beaucoup" refused in a number column stayed in its cell as if stored.
      void saved.then((done) => {
        if (!done) setDraft(shown);
      });
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        event.currentTarget.blur();
      }
      if (event.key === 'Escape') setDraft(shown);
    },
  };
  if (attribute.type === 'text') {
    // Wrapped in its column and as tall as it needs: a long value (a function, a description)
    // is read whole, not cut at the column's edge.
    return (
      <textarea
        aria-label={label}
        className="cell-text"
        rows={1}
        value={draft}
        onChange={(event) => type(event.target.value)}
        {...events}
      />
    );
  }
  return (
    <input
      aria-label={label}
      type="text"
      inputMode={attribute.type === 'number' ? 'decimal' : undefined}
      value={draft}
      onChange={(event) => type(event.target.value)}
      {...events}
    />
  );
}
