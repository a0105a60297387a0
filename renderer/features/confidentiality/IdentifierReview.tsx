import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IdentifierCandidate,
  IdentifierOccurrences,
  PseudonymEntry,
} from '../../../shared/pseudonyms';
import { useApi } from '../../api/context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../components/useAction';
import { useProjectData } from '../project/ProjectData';
import { OccurrenceList } from './OccurrenceList';

const SHOWN = 200;

/** A candidate the researcher may take into the table, with the pseudonym they give it. */
function Candidate({
  candidate,
  pseudonym,
  onType,
  onAdd,
}: {
  candidate: IdentifierCandidate;
  pseudonym: string;
  onType: (pseudonym: string) => void;
  onAdd: (pseudonym: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <li>
      <form
        className="candidate"
        aria-label={candidate.text}
        onSubmit={(event) => {
          event.preventDefault();
          void onAdd(pseudonym);
        }}
      >
        <span>
          <strong>{candidate.text}</strong>{' '}
          {candidate.kind && <>({t(`confidentiality.kinds.${candidate.kind}`)}) </>}
          <span className="muted">
            {t('confidentiality.candidateCount', { count: candidate.occurrences })},{' '}
            {t('confidentiality.candidateDocuments', { count: candidate.documents })} · …
            {candidate.example.before}
            <mark>{candidate.text}</mark>
            {candidate.example.after}…
          </span>
        </span>
        <input
          name="pseudonym"
          aria-label={t('confidentiality.pseudonym')}
          placeholder={t('confidentiality.pseudonym')}
          value={pseudonym}
          required
          onChange={(event) => onType(event.target.value)}
        />
        <button type="submit">{t('confidentiality.addCandidate')}</button>
      </form>
    </li>
  );
}

/** Where the table's names are still written, and words that may be names the table lacks. */
export function IdentifierReview({
  entries,
  onChange,
}: {
  entries: PseudonymEntry[] | null;
  onChange: (entries: PseudonymEntry[]) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { pending, error, run } = useAction();
  const [found, setFound] = useState<IdentifierOccurrences | null>(null);
  // A list shown is made again after every action and undo: it never says what the project no longer holds.
  const { history } = useProjectData();
  const shown = useRef(false);
  shown.current = found !== null;
  useEffect(() => {
    if (!shown.current) return;
    let current = true;
    void api['pseudonyms.occurrences']({ limit: SHOWN }).then(
      (next) => {
        if (current) setFound(next);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, history]);
  const [candidates, setCandidates] = useState<IdentifierCandidate[] | null>(null);
  // What the researcher typed for each suggestion: added one by one, or all at once.
  const [typed, setTyped] = useState<ReadonlyMap<string, string>>(new Map());
  const given = (candidates ?? []).filter((candidate) => typed.get(candidate.text)?.trim());
  const taken = (texts: readonly string[]) => {
    setCandidates((current) => (current ?? []).filter((other) => !texts.includes(other.text)));
    setTyped((current) => new Map([...current].filter(([text]) => !texts.includes(text))));
  };
  // Each name with what replaces it: "à la Cas A" is seen before it is written.
  const realOf = new Map(
    (entries ?? []).map((entry) => [entry.id, `${entry.real} → ${entry.pseudonym}`]),
  );
  return (
    <section className="card exchange-card" aria-labelledby="identifier-review-heading">
      <h2 id="identifier-review-heading">{t('confidentiality.reviewHeading')}</h2>
      <p>{t('confidentiality.reviewExplanation')}</p>
      <div className="exchange-buttons">
        <button
          type="button"
          disabled={pending || !entries?.length}
          onClick={() =>
            void run(async () => setFound(await api['pseudonyms.occurrences']({ limit: SHOWN })))
          }
        >
          {t('confidentiality.check')}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            void run(async () => setCandidates(await api['pseudonyms.candidates']({})))
          }
        >
          {t('confidentiality.suggest')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {found && (
        <div role="region" aria-label={t('confidentiality.check')} className="identifier-list">
          <OccurrenceList
            found={found}
            realOf={realOf}
            pending={pending}
            onLeave={(occurrence) =>
              void run(async () => {
                if (occurrence.place.kind !== 'text') return;
                const { documentId, version, start, end } = occurrence.place;
                try {
                  setFound(
                    await api['pseudonyms.leave']({
                      entryId: occurrence.entryId,
                      documentId,
                      version,
                      start,
                      end,
                      limit: SHOWN,
                    }),
                  );
                } catch (caught) {
                  // The text changed since the list was made: the list is made again, the reason shown.
                  setFound(await api['pseudonyms.occurrences']({ limit: SHOWN }));
                  throw caught;
                }
              })
            }
            onLeaveAlike={(occurrence) =>
              void run(async () =>
                setFound(
                  await api['pseudonyms.leaveAlike']({
                    entryId: occurrence.entryId,
                    text: occurrence.text,
                    after: occurrence.after,
                    limit: SHOWN,
                  }),
                ),
              )
            }
            onReplace={(leftId) =>
              void run(async () =>
                setFound(await api['pseudonyms.replaceAfterAll']({ id: leftId, limit: SHOWN })),
              )
            }
          />
        </div>
      )}
      {candidates && (
        <div
          role="region"
          aria-label={t('confidentiality.candidatesHeading')}
          className="identifier-list"
        >
          <h3>{t('confidentiality.candidatesHeading')}</h3>
          {candidates.length === 0 ? (
            <p>{t('confidentiality.candidatesNone')}</p>
          ) : (
            <ul className="candidates">
              {candidates.map((candidate) => (
                <Candidate
                  key={candidate.text}
                  candidate={candidate}
                  pseudonym={typed.get(candidate.text) ?? ''}
                  onType={(pseudonym) =>
                    setTyped((current) => new Map([...current, [candidate.text, pseudonym]]))
                  }
                  onAdd={(pseudonym) =>
                    run(async () => {
                      onChange(
                        await api['pseudonyms.add']({
                          kind: candidate.kind ?? 'person',
                          real: candidate.text,
                          variants: [],
                          pseudonym,
                          source: null,
                        }),
                      );
                      taken([candidate.text]);
                    })
                  }
                />
              ))}
            </ul>
          )}
          {candidates.length > 0 && (
            <button
              type="button"
              disabled={pending || given.length === 0}
              onClick={() =>
                void run(async () => {
                  onChange(
                    await api['pseudonyms.addMany']({
                      entries: given.map((candidate) => ({
                        kind: candidate.kind ?? 'person',
                        real: candidate.text,
                        variants: [],
                        pseudonym: typed.get(candidate.text)!.trim(),
                        source: null,
                      })),
                    }),
                  );
                  taken(given.map((candidate) => candidate.text));
                })
              }
            >
              {t('confidentiality.addTyped', { count: given.length })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
