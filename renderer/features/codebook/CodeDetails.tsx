import { useSingleFlight } from '../../components/useSingleFlight';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeNode } from '../../../shared/documents';
import { codePalette } from '../../../shared/palette';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import { codePath } from './codeTree';

/** The selected node's name, colour, definition, memo, whether it codes text; merge and delete. */
export function CodeDetails({ code, onDeleted }: { code: CodeNode; onDeleted: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { codes, showError } = useProjectData();
  const [name, setName] = useState(code.name);
  const [description, setDescription] = useState(code.description);
  const [memo, setMemo] = useState(code.memo);
  const [mergeTarget, setMergeTarget] = useState('');
  useEffect(() => {
    setName(code.name);
    setDescription(code.description);
    setMemo(code.memo);
  }, [code]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      showError(error);
      // Refused: the fields show what the project holds again.
      setName(code.name);
      setDescription(code.description);
      setMemo(code.memo);
    }
  };
  // Merging or deleting twice, by a double-click, found the code gone the second time.
  const once = useSingleFlight();
  const update = (patch: {
    name?: string;
    colour?: string;
    description?: string;
    memo?: string;
    codable?: boolean;
  }) => run(() => api['codes.update']({ id: code.id, ...patch }));

  return (
    <section className="code-details" aria-label={t('codebook.details', { name: code.name })}>
      <label className="field">
        <span>{t('codebook.name')}</span>
        <input
          name="code-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => {
            if (name.trim() && name.trim() !== code.name) void update({ name: name.trim() });
            else setName(code.name);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
          }}
        />
      </label>
      <div className="field">
        <span>{t('codebook.colour')}</span>
        <div className="palette-swatches" role="radiogroup" aria-label={t('codebook.colour')}>
          {codePalette.map((colour) => (
            <button
              key={colour}
              type="button"
              role="radio"
              aria-checked={code.colour.toUpperCase() === colour.toUpperCase()}
              aria-label={colour}
              className="swatch-button"
              style={{ background: colour }}
              onClick={() => void update({ colour })}
            />
          ))}
        </div>
      </div>
      <label className="field">
        <span>{t('codebook.definition')}</span>
        <textarea
          name="code-description"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          onBlur={() => {
            if (description !== code.description) void update({ description });
          }}
        />
      </label>
      <label className="field">
        <span>{t('codebook.memo')}</span>
        <textarea
          name="code-memo"
          rows={2}
          value={memo}
          onChange={(event) => setMemo(event.target.value)}
          onBlur={() => {
            if (memo !== code.memo) void update({ memo });
          }}
        />
        {code.memo && code.memoCoder && (
          <span className="muted small">{t('memoBy', { name: code.memoCoder })}</span>
        )}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={code.codable}
          onChange={(event) => void update({ codable: event.target.checked })}
        />
        <span>{t('codebook.codable')}</span>
      </label>
      <div className="merge-row">
        <select
          aria-label={t('codebook.mergeInto')}
          value={mergeTarget}
          onChange={(event) => setMergeTarget(event.target.value)}
        >
          <option value="">{t('codebook.mergeInto')}</option>
          {codes
            .filter((candidate) => candidate.id !== code.id)
            .map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {codePath(codes, candidate.id).join(' › ')}
              </option>
            ))}
        </select>
        <button
          type="button"
          disabled={!mergeTarget}
          onClick={() =>
            void once('merge', () =>
              run(async () => {
                await api['codes.merge']({ sourceId: code.id, targetId: mergeTarget });
                onDeleted();
              }),
            )
          }
        >
          {t('codebook.merge')}
        </button>
      </div>
      <button
        type="button"
        className="danger"
        onClick={() =>
          void once('delete', () =>
            run(async () => {
              const impact = await api['codes.deletionImpact']({ id: code.id });
              if (
                !window.confirm(
                  t('codebook.confirmDelete', {
                    name: code.name,
                    subCodes:
                      impact.codes > 1
                        ? t('codebook.subCodes', { count: impact.codes - 1 })
                        : t('codebook.noSubCodes'),
                    codings: t('codebook.codedPassages', { count: impact.codings }),
                  }),
                )
              )
                return;
              await api['codes.delete']({ id: code.id });
              onDeleted();
            }),
          )
        }
      >
        {t('codebook.delete')}
      </button>
    </section>
  );
}
