import { useTranslation } from 'react-i18next';

/** A row of tabs; `labelKey` turns a tab's name into its translation key. */
export function Tabs<Name extends string>({
  names,
  current,
  labelKey,
  onChange,
  label,
}: {
  names: readonly Name[];
  current: Name;
  labelKey: (name: Name) => string;
  onChange: (name: Name) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={current === name}
          onClick={() => onChange(name)}
        >
          {t(labelKey(name))}
        </button>
      ))}
    </div>
  );
}
