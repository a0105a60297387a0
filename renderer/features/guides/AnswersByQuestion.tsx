import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerPassage, GuideDetail } from '../../../shared/guides';
import { useApi } from '../../api/context';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useProjectData } from '../project/ProjectData';

/** Every answer to each question, across the interviews: "all answers to question 2". */
export function AnswersByQuestion({
  guide,
  onOpen,
}: {
  guide: GuideDetail;
  onOpen: (target: DocumentTarget) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { showError, documents, history } = useProjectData();
  const [answers, setAnswers] = useState<AnswerPassage[]>([]);
  useEffect(() => {
    api['answers.byQuestion']({ guideId: guide.id }).then(setAnswers).catch(showError);
  }, [api, guide.id, showError, documents, history.writes]);
  const questions = guide.items.filter((item) => item.kind !== 'section');
  return (
    <div className="answers-by-question">
      {questions
        .filter((item) => item.kind === 'question')
        .map((question) => {
          const itemIds = new Set([
            question.id,
            ...questions.filter((item) => item.parentId === question.id).map((item) => item.id),
          ]);
          const own = answers.filter((answer) => itemIds.has(answer.answer.itemId));
          return (
            <section
              key={question.id}
              className="question-answers"
              aria-label={`${question.number}. ${question.text}`}
            >
              <h3>
                {question.number}. {question.text}{' '}
                <span className="group-counts">
                  · {t('guides.answerCount', { count: own.length })}
                </span>
              </h3>
              <ul>
                {own.map((answer) => (
                  <li key={answer.answer.id}>
                    <button
                      type="button"
                      className="passage-open"
                      onClick={() =>
                        onOpen({
                          documentId: answer.answer.documentId,
                          focus: { start: answer.answer.start, end: answer.answer.end },
                        })
                      }
                    >
                      <span className="passage-text">{answer.text}</span>
                      <span className="passage-meta">{answer.documentTitle}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}
