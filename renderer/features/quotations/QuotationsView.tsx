import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quotation } from '../../../shared/quotations';
import { citedText, quoteReferenceStyles } from '../../../shared/quotations';
import { useApi } from '../../api/context';
import { useProjectData } from '../project/ProjectData';
import type { DocumentTarget } from '../documents/DocumentsView';
import { useQuotations } from './useQuotations';

/** A quotation's short form, written where it is read, saved when the field is left. */
function ShortForm({
  quotation,
  onSave,
}: {
  quotation: Quotation;
  onSave: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(quotation.shortForm);
  return (
    <label className="field quotation-short">
      <span>{t('quotations.shortForm')}</span>
      <textarea
        value={text}
        rows={2}
        placeholder={t('quotations.shortFormHint')}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => {
          if (text !== quotation.shortForm) onSave(text);
        }}
      />
    </label>
  );
}

/**
 * The key quotations by axis and code, in the researcher's order: each with
 * its words (or its short form) and its reference, moved up and down within
 * its code, and the project's reference style.
 */
export function QuotationsView({ onOpen }: { onOpen: (target: DocumentTarget) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { codes } = useProjectData();
  const { list, change } = useQuotations();
  if (!list) return <p className="muted">{t('app.loading')}</p>;
  const codeOf = new Map(codes.map((code) => [code.id, code]));
  const path = (codeId: string) => {
    const names: string[] = [];
    for (
      let code = codeOf.get(codeId);
      code;
      code = code.parentId ? codeOf.get(code.parentId) : undefined
    )
      names.unshift(code.name);
    return names.join(' › ');
  };
  // Grouped by code, the groups in codebook order, each group in the researcher's order.
  const byCode = new Map<string, Quotation[]>();
  for (const quotation of list.quotations)
    byCode.set(quotation.codeId, [...(byCode.get(quotation.codeId) ?? []), quotation]);
  const order = codes.map((code) => code.id).filter((id) => byCode.has(id));
  return (
    <section className="card quotations-view" aria-labelledby="quotations-heading">
      <h2 id="quotations-heading">{t('quotations.heading')}</h2>
      <p>{t('quotations.explanation')}</p>
      <label className="field">
        <span>{t('quotations.referenceStyle')}</span>
        <select
          value={list.referenceStyle}
          onChange={(event) =>
            change(() =>
              api['quotations.setReferenceStyle']({
                style: event.target.value as (typeof quoteReferenceStyles)[number],
              }),
            )
          }
        >
          {quoteReferenceStyles.map((style) => (
            <option key={style} value={style}>
              {t(`quotations.styles.${style}`)}
            </option>
          ))}
        </select>
      </label>
      {list.quotations.length === 0 && <p className="muted">{t('quotations.none')}</p>}
      {order.map((codeId) => {
        const group = byCode.get(codeId)!;
        return (
          <section key={codeId} aria-label={path(codeId)} className="quotation-group">
            <h3>{path(codeId)}</h3>
            <ol className="quotations">
              {group.map((quotation, index) => (
                <li key={quotation.id} className="quotation">
                  <blockquote>
                    {t('report.quoted', { text: citedText(quotation) })} ({quotation.reference})
                  </blockquote>
                  {quotation.otherSpeakers.length > 0 && (
                    <p className="warning" role="note">
                      {t('quotations.otherSpeakers', {
                        speakers: [...new Set(quotation.otherSpeakers)].join(', '),
                      })}
                    </p>
                  )}
                  {!quotation.shortFormHeld && (
                    <p className="warning" role="note">
                      {t('quotations.shortFormStale')}
                    </p>
                  )}
                  {quotation.shortForm && (
                    <details className="quotation-whole">
                      <summary>{t('quotations.wholePassage')}</summary>
                      <p>{quotation.text}</p>
                    </details>
                  )}
                  <ShortForm
                    key={quotation.shortForm}
                    quotation={quotation}
                    onSave={(shortForm) =>
                      change(() => api['quotations.update']({ id: quotation.id, shortForm }))
                    }
                  />
                  <div className="exchange-buttons">
                    <button
                      type="button"
                      disabled={index === 0}
                      aria-label={t('quotations.upNamed', { reference: quotation.reference })}
                      onClick={() =>
                        change(() =>
                          api['quotations.move']({
                            id: quotation.id,
                            index: group[index - 1]!.position,
                          }),
                        )
                      }
                    >
                      {t('quotations.up')}
                    </button>
                    <button
                      type="button"
                      disabled={index === group.length - 1}
                      aria-label={t('quotations.downNamed', { reference: quotation.reference })}
                      onClick={() =>
                        change(() =>
                          api['quotations.move']({
                            id: quotation.id,
                            index: group[index + 1]!.position,
                          }),
                        )
                      }
                    >
                      {t('quotations.down')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        onOpen({
                          documentId: quotation.documentId,
                          focus: { start: quotation.start, end: quotation.end },
                        })
                      }
                    >
                      {t('quotations.open', { title: quotation.documentTitle })}
                    </button>
                    <button
                      type="button"
                      className="link"
                      onClick={() => change(() => api['quotations.unmark']({ id: quotation.id }))}
                    >
                      {t('quotations.unmark')}
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
