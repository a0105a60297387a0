import { ApiCallError } from '../../api/client';
import { useSingleFlight } from '../../components/useSingleFlight';
import type { RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/documents';
import type { Answer, AnswerProposal, GuideDetail, GuideSummary } from '../../../shared/guides';
import { formatTime, timestampMark } from '../../../shared/text/time';
import { useApi } from '../../api/context';
import type { EditorTools } from '../editor/TranscriptEditor';
import { unlessGone } from '../../components/ErrorMessage';
import { flushPendingEdits } from '../project/pendingEdits';
import { ProposalExtent } from './ProposalExtent';
import { useProjectData } from '../project/ProjectData';

/**
 * The guide beside a transcript: which guide the interview used, its questions
 * as a checklist (interview mode, with a clock for timestamped notes), answers
 * marked from the selection, and answers proposed from the interviewer's turns.
 */
export function GuidePane({
  document,
  tools,
}: {
  document: DocumentSummary;
  tools: RefObject<EditorTools | null>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError, history } = useProjectData();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [guide, setGuide] = useState<GuideDetail | null>(null);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [checks, setChecks] = useState<string[]>([]);
  const [proposals, setProposals] = useState<AnswerProposal[] | null>(null);
  const [questionId, setQuestionId] = useState('');
  const [clockStart, setClockStart] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(async () => {
    const [list, loadedAnswers, loadedChecks] = await Promise.all([
      api['guides.list']({}),
      api['answers.forDocument']({ documentId: document.id }),
      api['interview.checks']({ documentId: document.id }),
    ]);
    setGuides(list);
    setAnswers(loadedAnswers);
    setChecks(loadedChecks);
    setGuide(document.guideId ? await api['guides.get']({ id: document.guideId }) : null);
  }, [api, document.id, document.guideId]);
  useEffect(() => {
    load().catch(unlessGone(showError));
  }, [load, showError, history.undoLabel, history.redoLabel]);
  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      await load();
    } catch (error) {
      showError(error);
    }
  };
  // Removing an answer twice, by a double-click, found it gone the second time.
  const once = useSingleFlight();
  const questions = guide?.items.filter((item) => item.kind !== 'section') ?? [];
  const label = (itemId: string) => {
    const item = questions.find((candidate) => candidate.id === itemId);
    return item ? `${item.number}. ${item.text}` : '';
  };

  return (
    <section className="guide-pane" aria-label={t('guides.pane')}>
      <label className="field">
        <span>{t('guides.usedGuide')}</span>
        <select
          value={document.guideId ?? ''}
          onChange={(event) =>
            void run(() =>
              api['documents.setGuide']({
                documentId: document.id,
                guideId: event.target.value || null,
              }).then(() => undefined),
            )
          }
        >
          <option value="">{t('guides.noGuide')}</option>
          {guides.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title} v{item.versionLabel}
            </option>
          ))}
        </select>
      </label>
      {guide && (
        <>
          <div className="mark-answer">
            <select
              aria-label={t('guides.answerTo')}
              value={questionId}
              onChange={(event) => setQuestionId(event.target.value)}
            >
              <option value="">{t('guides.answerTo')}</option>
              {questions.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.number}. {item.text.slice(0, 60)}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!questionId}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() =>
                void run(async () => {
                  const marked = await tools.current?.withSelection((range) =>
                    api['answers.create']({
                      documentId: document.id,
                      itemId: questionId,
                      ...range,
                    }),
                  );
                  // Said in the researcher's words, not as "something unexpected went wrong".
                  if (!marked)
                    throw new ApiCallError({
                      code: 'invalid_operation',
                      message: t('guides.selectFirst'),
                      params: { reason: 'selectAnswerFirst' },
                    });
                })
              }
            >
              {t('guides.markAnswer')}
            </button>
          </div>
          <button
            type="button"
            onClick={() =>
              // Proposed on the text as the editor shows it: what was typed is saved first.
              void flushPendingEdits()
                .then(() => api['answers.propose']({ documentId: document.id, guideId: guide.id }))
                .then(setProposals)
                .catch(showError)
            }
          >
            {t('guides.propose')}
          </button>
          {proposals && (
            <ul className="proposals" aria-label={t('guides.proposals')}>
              {proposals.length === 0 && <li className="muted">{t('guides.noProposal')}</li>}
              {proposals.map((proposal) => (
                <li key={proposal.itemId} className="proposal" data-item-id={proposal.itemId}>
                  <strong>{label(proposal.itemId)}</strong>
                  <small className="muted">
                    {t('guides.askedAs')} « {proposal.askedAt.text.slice(0, 80)} »
                  </small>
                  <ProposalExtent proposal={proposal} />
                  <span className="proposal-actions">
                    <button
                      type="button"
                      onClick={() =>
                        void run(async () => {
                          await api['answers.create']({
                            documentId: document.id,
                            itemId: proposal.itemId,
                            start: proposal.start,
                            end: proposal.end,
                            version: proposal.version,
                          });
                          setProposals((current) => withoutProposal(current, proposal));
                        })
                      }
                    >
                      {t('guides.accept')}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        tools.current?.showPassage(async (version) => {
                          if (proposal.version === version) return proposal;
                          // Proposed on an earlier text: proposed again on this one.
                          const fresh = await api['answers.propose']({
                            documentId: document.id,
                            guideId: guide.id,
                          });
                          setProposals(fresh);
                          return (
                            fresh.find((candidate) => candidate.itemId === proposal.itemId) ?? null
                          );
                        })
                      }
                    >
                      {t('guides.adjust')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setProposals((current) => withoutProposal(current, proposal))}
                    >
                      {t('guides.reject')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('guides.checklist')}</h3>
          <div className="interview-clock">
            <button
              type="button"
              onClick={() => {
                if (timer.current) clearInterval(timer.current);
                setClockStart(Date.now());
                timer.current = setInterval(() => setTick((value) => value + 1), 1000);
              }}
            >
              {clockStart === null ? t('guides.startInterview') : t('guides.restartClock')}
            </button>
            {clockStart !== null && (
              <>
                <span className="clock">{formatTime(Date.now() - clockStart)}</span>
                <button
                  type="button"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => tools.current?.insertText(timestampMark(Date.now() - clockStart))}
                >
                  {t('guides.insertTime')}
                </button>
              </>
            )}
          </div>
          <ul className="checklist">
            {questions.map((item) => {
              // A question is answered by an answer to it or to one of its prompts; a prompt by its own.
              // Each answer's actions are on the row it was marked to.
              const answer = answers.find((candidate) => candidate.itemId === item.id);
              const answered =
                answer !== undefined ||
                (item.kind === 'question' &&
                  answers.some((candidate) =>
                    questions.some(
                      (prompt) => prompt.parentId === item.id && prompt.id === candidate.itemId,
                    ),
                  ));
              return (
                <li key={item.id} className={item.kind === 'prompt' ? 'prompt' : undefined}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={checks.includes(item.id) || answered}
                      disabled={answered}
                      onChange={(event) => {
                        const checked = event.target.checked;
                        // Ticked at once; the project's answer follows.
                        setChecks((current) =>
                          checked ? [...current, item.id] : current.filter((id) => id !== item.id),
                        );
                        void run(() =>
                          api['interview.setCheck']({
                            documentId: document.id,
                            itemId: item.id,
                            checked,
                          }).then(() => undefined),
                        );
                      }}
                    />
                    <span>
                      {item.number}. {item.text}
                    </span>
                  </label>
                  {answer && (
                    <span className="answer-actions">
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          // Read again: the text may have been edited since the list was.
                          tools.current?.showPassage(async () => {
                            const fresh = await api['answers.forDocument']({
                              documentId: document.id,
                            });
                            setAnswers(fresh);
                            return fresh.find((candidate) => candidate.id === answer.id) ?? null;
                          })
                        }
                      >
                        {t('guides.showAnswer')}
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        onClick={() =>
                          void once(`remove:${answer.id}`, () =>
                            run(() =>
                              api['answers.delete']({ id: answer.id }).then(() => undefined),
                            ),
                          )
                        }
                      >
                        {t('guides.removeAnswer')}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The proposals left once one is accepted or set aside; none left closes the list. */
function withoutProposal(
  current: AnswerProposal[] | null,
  handled: AnswerProposal,
): AnswerProposal[] | null {
  const left = current?.filter((candidate) => candidate.itemId !== handled.itemId) ?? [];
  return left.length > 0 ? left : null;
}
