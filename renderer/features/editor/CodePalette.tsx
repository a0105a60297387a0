import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import { Dialog } from '../../components/Dialog';
import { codePath, foldForFilter } from '../codebook/codeTree';
import { NewCodeParentPicker } from './NewCodeParentPicker';
import { paletteMatches } from './paletteMatches';

export interface PaletteChoice {
  codeIds: string[];
  /** A name typed that matches no code: create it (under `parentId`) and apply it. */
  create?: { name: string; parentId: string | null };
}

/**
 * Keyboard-first coding: type to filter, arrows to move, Space to tick several,
 * Enter to apply; when nothing matches, Enter creates the typed code.
 */
export function CodePalette({
  codes,
  recent,
  parentId,
  onParentChange,
  onChoose,
  onClose,
}: {
  codes: CodeNode[];
  recent: string[];
  /** Where a code typed here is made, shown beside its name and changeable. */
  parentId: string | null;
  onParentChange: (parentId: string | null) => void;
  onChoose: (choice: PaletteChoice) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [ticked, setTicked] = useState<string[]>([]);
  const codable = useMemo(() => codes.filter((code) => code.codable), [codes]);
  const matches = useMemo(
    () => paletteMatches(codable, codes, recent, query),
    [codable, codes, query, recent],
  );
  const exact = codable.some((code) => foldForFilter(code.name) === foldForFilter(query.trim()));
  const canCreate = query.trim() !== '' && !exact;
  const optionCount = matches.length + (canCreate ? 1 : 0);

  const choose = (index: number) => {
    if (ticked.length > 0) {
      onChoose({ codeIds: ticked });
    } else if (index < matches.length) {
      onChoose({ codeIds: [matches[index]!.id] });
    } else if (canCreate) {
      onChoose({ codeIds: [], create: { name: query.trim(), parentId } });
    }
  };

  return (
    <Dialog title={t('coding.paletteTitle')} onClose={onClose}>
      <input
        autoFocus
        className="palette-input"
        aria-label={t('coding.paletteFilter')}
        placeholder={t('coding.paletteFilter')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((current) => Math.min(current + 1, optionCount - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((current) => Math.max(current - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(active);
          } else if (event.key === ' ' && event.ctrlKey) {
            event.preventDefault();
            const code = matches[active];
            if (code)
              setTicked((current) =>
                current.includes(code.id)
                  ? current.filter((id) => id !== code.id)
                  : [...current, code.id],
              );
          }
        }}
      />
      <p className="muted small">{t('coding.paletteHelp')}</p>
      <ul className="palette-list" role="listbox" aria-label={t('coding.paletteTitle')}>
        {matches.map((code, index) => (
          <li
            key={code.id}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseEnter={() => setActive(index)}
          >
            <label>
              <input
                type="checkbox"
                checked={ticked.includes(code.id)}
                onChange={() =>
                  setTicked((current) =>
                    current.includes(code.id)
                      ? current.filter((id) => id !== code.id)
                      : [...current, code.id],
                  )
                }
              />
              <span className="swatch" style={{ background: code.colour }} />
              <button
                type="button"
                className="palette-choice"
                onClick={() => onChoose({ codeIds: [code.id] })}
              >
                {codePath(codes, code.id).join(' › ')}
              </button>
              {recent.indexOf(code.id) !== -1 && <kbd>Alt+{recent.indexOf(code.id) + 1}</kbd>}
            </label>
          </li>
        ))}
        {canCreate && (
          <li
            role="option"
            aria-selected={active === matches.length}
            className={active === matches.length ? 'active' : undefined}
          >
            <button type="button" className="palette-choice" onClick={() => choose(matches.length)}>
              {t('coding.createCode', { name: query.trim() })}
            </button>
          </li>
        )}
      </ul>
      {canCreate && (
        <NewCodeParentPicker codes={codes} parentId={parentId} onChange={onParentChange} />
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={ticked.length === 0}
          onClick={() => onChoose({ codeIds: ticked })}
        >
          {t('coding.applyTicked', { count: ticked.length })}
        </button>
      </div>
    </Dialog>
  );
}
