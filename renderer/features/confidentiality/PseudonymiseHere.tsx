import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileButton } from '../../components/FileButton';
import { readBytes } from '../../components/files';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';

/** The names replaced in this project itself (one undo step), or put back from a copy's key. */
export function PseudonymiseHere({ tableSize }: { tableSize: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const { pending, error, run } = useAction();
  const [applied, setApplied] = useState<string | null>(null);
  const [key, setKey] = useState<{ fileName: string; data: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [restored, setRestored] = useState<string | null>(null);
  return (
    <section className="card exchange-card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('confidentiality.applyHeading')}</h2>
      <p>{t('confidentiality.applyExplanation')}</p>
      <div className="exchange-buttons">
        <button
          type="button"
          disabled={pending || tableSize === 0}
          onClick={() => {
            if (!window.confirm(t('confidentiality.applyConfirm'))) return;
            setApplied(null);
            void run(async () => {
              await flushPendingEdits();
              const result = await api['pseudonyms.apply']({});
              setApplied(
                t('confidentiality.applied', {
                  count: result.replaced,
                  documents: t('confidentiality.candidateDocuments', { count: result.documents }),
                }),
              );
            });
          }}
        >
          {t('confidentiality.apply')}
        </button>
      </div>
      {applied && (
        <p className="success" role="status">
          {applied}
        </p>
      )}
      <h3>{t('confidentiality.reidentifyHeading')}</h3>
      <p>{t('confidentiality.reidentifyExplanation')}</p>
      <form
        className="share-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!key) return;
          // The outcome of the last attempt is not left beside this one's.
          setRestored(null);
          void run(async () => {
            await flushPendingEdits();
            const result = await api['pseudonyms.reidentify']({ ...key, passphrase });
            setPassphrase('');
            setRestored(
              // Nothing where the key put it: more likely put back already than edited everywhere.
              result.restored === 0 && result.changedSince > 0
                ? t('confidentiality.nothingMatched')
                : [
                    t('confidentiality.reidentified', { count: result.restored }),
                    result.changedSince
                      ? t('confidentiality.changedSince', { count: result.changedSince })
                      : '',
                  ].join(' '),
            );
          });
        }}
      >
        <FileButton
          label={t('confidentiality.chooseKey')}
          name="key-file"
          accept=".key"
          chosen={key?.fileName ?? null}
          onFiles={([file]) => {
            if (file) void readBytes(file).then((data) => setKey({ fileName: file.name, data }));
          }}
        />
        <label className="field">
          <span>{t('confidentiality.passphrase')}</span>
          <input
            name="reidentify-passphrase"
            type="password"
            autoComplete="current-password"
            required
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </label>
        <div className="exchange-buttons">
          <button type="submit" disabled={pending || !key}>
            {t('confidentiality.reidentify')}
          </button>
        </div>
      </form>
      {restored && (
        <p className="success" role="status">
          {restored}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
