import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/domain';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PathField } from '../../components/PathField';
import { useAction } from '../../components/useAction';
import { flushPendingEdits } from '../project/pendingEdits';

const beside = (path: string, suffix: string, extension: string) =>
  `${path.replace(/\.axial$/i, '')} (${suffix})${extension}`;

const formats = ['axial', 'qdpx', 'xlsx'] as const;
type Format = (typeof formats)[number];

/** The pseudonymised copy and its key: written from this project, which stays as it is. */
export function SharePseudonymised({
  project,
  tableSize,
}: {
  project: ProjectSummary;
  tableSize: number;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [nativeDialogs, setNativeDialogs] = useState(false);
  useEffect(() => {
    void api['app.info']({}).then(
      (info) => setNativeDialogs(info.nativeDialogs),
      () => undefined,
    );
  }, [api]);
  const suffix = t('confidentiality.copyPath').toLowerCase();
  const [path, setPath] = useState(() => beside(project.path, suffix, '.axial'));
  const [keyPath, setKeyPath] = useState(() => beside(project.path, suffix, '.key'));
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [format, setFormat] = useState<Format>('axial');
  const [keepRecordings, setKeepRecordings] = useState(false);
  const [overwrite, setOverwrite] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const { pending, error, run } = useAction();
  return (
    <section className="card exchange-card" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('confidentiality.shareHeading')}</h2>
      <p>{t('confidentiality.shareExplanation')}</p>
      <form
        className="share-form"
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          setMismatch(passphrase !== again);
          if (passphrase !== again) return;
          void run(async () => {
            await flushPendingEdits();
            const made = await api['pseudonyms.exportCopy']({
              path,
              keyPath,
              passphrase,
              keepRecordings,
              overwrite,
              format,
            });
            setPassphrase('');
            setAgain('');
            setDone(
              [
                t('confidentiality.exported', {
                  count: made.replaced,
                  path: made.path,
                  key: made.keyPath,
                }),
                made.recordingsLeftOut
                  ? t('confidentiality.recordingsLeftOut', { count: made.recordingsLeftOut })
                  : '',
              ].join(' '),
            );
          });
        }}
      >
        <label className="field">
          <span>{t('confidentiality.format')}</span>
          <select
            name="format"
            value={format}
            onChange={(event) => {
              const chosen = event.target.value as Format;
              setFormat(chosen);
              setPath((current) => current.replace(/\.(axial|qdpx|xlsx)$/i, `.${chosen}`));
            }}
          >
            {formats.map((option) => (
              <option key={option} value={option}>
                {t(`confidentiality.formats.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <PathField
          name="pseudonymised-path"
          label={t('confidentiality.copyPath')}
          hint=""
          value={path}
          onChange={setPath}
          purpose="saveCopy"
          nativeDialogs={nativeDialogs}
        />
        <PathField
          name="key-path"
          label={t('confidentiality.keyPath')}
          hint=""
          value={keyPath}
          onChange={setKeyPath}
          purpose="saveKey"
          nativeDialogs={nativeDialogs}
        />
        <label className="field">
          <span>{t('confidentiality.passphrase')}</span>
          <input
            name="passphrase"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('confidentiality.passphraseAgain')}</span>
          <input
            name="passphrase-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(event) => setAgain(event.target.value)}
          />
        </label>
        {format === 'axial' && (
          <label className="checkbox">
            <input
              type="checkbox"
              name="keep-recordings"
              checked={keepRecordings}
              onChange={(event) => setKeepRecordings(event.target.checked)}
            />
            <span>{t('confidentiality.keepRecordings')}</span>
          </label>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            name="overwrite"
            checked={overwrite}
            onChange={(event) => setOverwrite(event.target.checked)}
          />
          <span>{t('confidentiality.overwrite')}</span>
        </label>
        {mismatch && (
          <p className="error" role="alert">
            {t('confidentiality.passphrasesDiffer')}
          </p>
        )}
        <ErrorMessage error={error} />
        {done && (
          <p className="success" role="status">
            {done}
          </p>
        )}
        <div className="exchange-buttons">
          <button type="submit" className="primary" disabled={pending || tableSize === 0}>
            {t('confidentiality.exportCopy')}
          </button>
        </div>
      </form>
    </section>
  );
}
