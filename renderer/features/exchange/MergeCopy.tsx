import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeChoice, MergeSummary } from '../../../shared/merge';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileButton } from '../../components/FileButton';
import { readBytes } from '../../components/files';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';
import { MergeConflicts } from './MergeConflicts';
import { MergeReport } from './MergeReport';

interface Chosen {
  fileName: string;
  data: Uint8Array;
  preview: MergeSummary;
}

/**
 * "Merge a copy…": a colleague's copy of the project read, what it would
 * bring in shown with every difference beside this project's version, then
 * merged as one undoable step. Nothing is written before the researcher merges.
 */
export function MergeCopy() {
  const { t } = useTranslation();
  const api = useApi();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [choices, setChoices] = useState<ReadonlyMap<string, MergeChoice>>(new Map());
  const [merged, setMerged] = useState<MergeSummary | null>(null);
  const { pending, error, run } = useAction();
  return (
    <section className="card exchange-card" aria-labelledby="merge-heading">
      <h2 id="merge-heading">{t('merge.heading')}</h2>
      <p>{t('merge.explanation')}</p>
      <div className="exchange-buttons">
        <FileButton
          label={t('merge.choose')}
          name="merge-file"
          accept=".axial,.qdpx"
          onFiles={([file]) => {
            if (!file) return;
            void run(async () => {
              setMerged(null);
              setChosen(null);
              await flushPendingEdits();
              const data = await readBytes(file);
              const preview = await api['merge.preview']({ fileName: file.name, data });
              setChoices(new Map());
              setChosen({ fileName: file.name, data, preview });
            });
          }}
        />
      </div>
      <ErrorMessage error={error} />
      {chosen && (
        <form
          className="merge-preview"
          aria-label={t('merge.previewHeading', { file: chosen.fileName })}
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await flushPendingEdits();
              const result = await api['merge.apply']({
                fileName: chosen.fileName,
                data: chosen.data,
                choices: [...choices].map(([key, choice]) => ({ key, choice })),
              });
              setChosen(null);
              setMerged(result);
            });
          }}
        >
          <h3>{t('merge.previewHeading', { file: chosen.fileName })}</h3>
          <MergeReport summary={chosen.preview} done={false} />
          <MergeConflicts
            conflicts={chosen.preview.conflicts}
            choices={choices}
            onChoose={(changes) => setChoices((current) => new Map([...current, ...changes]))}
          />
          <div className="dialog-buttons">
            <button type="button" onClick={() => setChosen(null)} disabled={pending}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={pending}>
              {t('merge.merge')}
            </button>
          </div>
        </form>
      )}
      {merged && (
        <div role="status" aria-label={t('merge.doneHeading')} className="merge-done">
          <MergeReport summary={merged} done />
          <p>{t('merge.undoHint')}</p>
          {merged.backupPath && (
            <p className="muted">{t('merge.backup', { path: merged.backupPath })}</p>
          )}
        </div>
      )}
    </section>
  );
}
