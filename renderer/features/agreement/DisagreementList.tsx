import { useTranslation } from 'react-i18next';
import type { Resolution } from '../../../shared/agreement/disagreements';
import type { Disagreements } from '../../../shared/agreement/report';
import type { DocumentTarget } from '../documents/DocumentsView';

type Item = Disagreements['items'][number];

/** Each disagreement at its words, both coders' passages side by side, and how to settle it. */
export function DisagreementList({
  found,
  coders,
  codeName,
  onOpen,
  onResolve,
  onShowAllCodes,
}: {
  found: Disagreements;
  coders: [string, string];
  /** The code the list is narrowed to, if any. */
  codeName: string | null;
  onOpen: (target: DocumentTarget) => void;
  onResolve: (item: Item, resolution: Resolution) => void;
  onShowAllCodes: () => void;
}) {
  const { t } = useTranslation();
  const [first, second] = coders;
  const passages = (coder: string, list: Item['first']) => (
    <div className="disagreement-side">
      <h5>{coder}</h5>
      {list.length === 0 ? (
        <p className="muted">{t('agreement.disagreements.none')}</p>
      ) : (
        list.map((span) => <blockquote key={span.id}>{span.text}</blockquote>)
      )}
    </div>
  );
  return (
    <section className="disagreements" aria-label={t('agreement.disagreements.heading')}>
      <h4>
        {codeName
          ? t('agreement.disagreements.headingFor', { count: found.total, code: codeName })
          : t('agreement.disagreements.headingCount', { count: found.total })}
      </h4>
      {codeName && (
        <button type="button" className="link" onClick={onShowAllCodes}>
          {t('agreement.disagreements.allCodes')}
        </button>
      )}
      <p className="muted">{t('agreement.disagreements.warning')}</p>
      <ol>
        {found.items.map((item) => (
          <li key={`${item.documentId}:${item.codeId}:${item.start}`} className="disagreement">
            <div className="disagreement-head">
              <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
              <strong>{item.codePath.join(' › ')}</strong>
              <span className="muted"> · {item.documentTitle}</span>
              <button
                type="button"
                className="link"
                onClick={() =>
                  onOpen({
                    documentId: item.documentId,
                    focus: { start: item.start, end: item.end },
                  })
                }
              >
                {t('agreement.disagreements.open')}
              </button>
            </div>
            <div className="disagreement-sides">
              {passages(first, item.first)}
              {passages(second, item.second)}
            </div>
            <div className="disagreement-actions">
              {item.first.length > 0 && (
                <button type="button" onClick={() => onResolve(item, 'first')}>
                  {t('agreement.disagreements.keep', { coder: first })}
                </button>
              )}
              {item.second.length > 0 && (
                <button type="button" onClick={() => onResolve(item, 'second')}>
                  {t('agreement.disagreements.keep', { coder: second })}
                </button>
              )}
              {/* One coder alone coded here: the other was right to leave it, or not. */}
              {(item.first.length === 0) !== (item.second.length === 0) && (
                <button type="button" onClick={() => onResolve(item, 'neither')}>
                  {t('agreement.disagreements.remove', {
                    coder: item.first.length > 0 ? first : second,
                    count: item.first.length + item.second.length,
                  })}
                </button>
              )}
              {item.first.length > 0 && item.second.length > 0 && (
                <>
                  <button type="button" onClick={() => onResolve(item, 'both')}>
                    {t('agreement.disagreements.keepBoth')}
                  </button>
                  <button type="button" onClick={() => onResolve(item, 'merged')}>
                    {t('agreement.disagreements.merge')}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {found.total > found.items.length && (
        <p className="muted">
          {t('agreement.disagreements.more', { count: found.total - found.items.length })}
        </p>
      )}
    </section>
  );
}
