import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewPseudonymEntry, PseudonymEntry } from '../../../shared/pseudonyms';
import { useApi } from '../../api/context';
import { downloadBytes } from '../../components/download';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FileButton } from '../../components/FileButton';
import { readBytes } from '../../components/files';
import { useAction } from '../../components/useAction';
import { PseudonymForm } from './PseudonymForm';

/** The table of real names and pseudonyms: added by hand, from the project's people, or from a names.csv. */
export function PseudonymTable({
  entries,
  onChange,
}: {
  entries: PseudonymEntry[] | null;
  onChange: (entries: PseudonymEntry[]) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { pending, error, run } = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [proposals, setProposals] = useState<NewPseudonymEntry[] | null>(null);
  const [imported, setImported] = useState<{
    added: number;
    file: string;
    skipped: number[];
    alreadyHeld: string[];
  } | null>(null);
  const save = (action: () => Promise<PseudonymEntry[]>) => {
    let saved = false;
    return run(async () => {
      onChange(await action());
      saved = true;
    }).then(() => saved);
  };
  return (
    <section className="card exchange-card" aria-labelledby="pseudonym-table-heading">
      <h2 id="pseudonym-table-heading">{t('confidentiality.tableHeading')}</h2>
      <p>{t('confidentiality.tableExplanation')}</p>
      {entries && entries.length === 0 && <p className="muted">{t('confidentiality.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="pseudonym-table">
          <thead>
            <tr>
              <th scope="col">{t('confidentiality.real')}</th>
              <th scope="col">{t('confidentiality.variants')}</th>
              <th scope="col">{t('confidentiality.pseudonym')}</th>
              <th scope="col">{t('confidentiality.kind')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) =>
              editing === entry.id ? (
                <tr key={entry.id}>
                  <td colSpan={5}>
                    <PseudonymForm
                      initial={entry}
                      pending={pending}
                      onCancel={() => setEditing(null)}
                      onSave={(changed) =>
                        save(() => api['pseudonyms.update']({ id: entry.id, ...changed })).then(
                          (saved) => {
                            if (saved) setEditing(null);
                            return saved;
                          },
                        )
                      }
                    />
                  </td>
                </tr>
              ) : (
                <tr key={entry.id}>
                  <td>{entry.real}</td>
                  <td>{entry.variants.join(' | ')}</td>
                  <td>{entry.pseudonym}</td>
                  <td>{t(`confidentiality.kinds.${entry.kind}`)}</td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(entry.id)}>
                      {t('confidentiality.edit')}
                    </button>
                    <button
                      type="button"
                      aria-label={`${t('confidentiality.remove')} ${entry.real}`}
                      onClick={() => void save(() => api['pseudonyms.remove']({ id: entry.id }))}
                    >
                      {t('confidentiality.remove')}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <PseudonymForm
        pending={pending}
        onSave={(entry) => save(() => api['pseudonyms.add']({ ...entry, source: null }))}
      />
      <div className="exchange-buttons">
        <button
          type="button"
          onClick={() => void run(async () => setProposals(await api['pseudonyms.propose']({})))}
        >
          {t('confidentiality.propose')}
        </button>
        <FileButton
          label={t('confidentiality.importTable')}
          name="names-file"
          accept=".csv,text/csv"
          onFiles={([file]) => {
            if (!file) return;
            void run(async () => {
              const result = await api['pseudonyms.importTable']({
                fileName: file.name,
                data: await readBytes(file),
              });
              onChange(result.entries);
              setImported({
                added: result.added,
                file: file.name,
                skipped: result.skipped,
                alreadyHeld: result.alreadyHeld,
              });
            });
          }}
        />
        <button
          type="button"
          disabled={!entries?.length}
          onClick={() =>
            void run(async () => {
              const file = await api['pseudonyms.exportTable']({});
              downloadBytes(file.fileName, file.data, file.mimeType);
            })
          }
        >
          {t('confidentiality.exportTable')}
        </button>
      </div>
      {imported && (
        <p className="success" role="status">
          {t('confidentiality.imported', { count: imported.added, file: imported.file })}
          {imported.skipped.length > 0 &&
            ` ${t('confidentiality.skipped', { lines: imported.skipped.join(', ') })}`}
          {imported.alreadyHeld.length > 0 &&
            ` ${t('confidentiality.alreadyHeld', {
              count: imported.alreadyHeld.length,
              names: imported.alreadyHeld.join(', '),
            })}`}
        </p>
      )}
      <ErrorMessage error={error} />
      {proposals && (
        <div
          className="pseudonym-proposals"
          role="region"
          aria-label={t('confidentiality.propose')}
        >
          {proposals.length === 0 ? (
            <p>{t('confidentiality.noProposals')}</p>
          ) : (
            <>
              <h3>{t('confidentiality.proposalsHeading', { count: proposals.length })}</h3>
              <ul>
                {proposals.map((proposal) => (
                  <li key={proposal.source?.id ?? proposal.real}>
                    {proposal.real} → {proposal.pseudonym}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="primary"
                disabled={pending}
                onClick={() =>
                  void save(() =>
                    api['pseudonyms.addMany']({
                      entries: proposals.map((proposal) => ({
                        ...proposal,
                        source: proposal.source ?? null,
                      })),
                    }),
                  ).then((saved) => {
                    if (saved) setProposals(null);
                  })
                }
              >
                {t('confidentiality.addAll')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
