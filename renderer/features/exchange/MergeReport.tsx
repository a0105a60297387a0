import { useTranslation } from 'react-i18next';
import type { MergeSummary, UnplacedCoding } from '../../../shared/merge';
import { mergeKinds } from '../../../shared/merge';

/** Codings to look at: where, under which code, whose, and their words. */
function CodingList({ codings }: { codings: readonly UnplacedCoding[] }) {
  return (
    <ul className="merge-unplaced">
      {codings.map((coding, index) => (
        <li key={index}>
          <span className="merge-where">
            {coding.documentTitle} · {coding.codePath.join(' › ')} · {coding.coder}
          </span>{' '}
          <q>{coding.text}</q>
        </li>
      ))}
    </ul>
  );
}

/** What a merge brings in (or brought), and what a researcher should know about it. */
export function MergeReport({ summary, done }: { summary: MergeSummary; done: boolean }) {
  const { t, i18n } = useTranslation();
  const list = (items: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);
  const added = mergeKinds
    .filter((kind) => summary.added[kind] > 0)
    .map((kind) => t(`merge.kinds.${kind}`, { count: summary.added[kind] }));
  return (
    <div className="merge-report" data-testid="merge-report">
      <p className={done ? 'success' : undefined}>
        {added.length === 0
          ? t(done ? 'merge.nothingBrought' : 'merge.nothingToBring')
          : t(done ? 'merge.brought' : 'merge.wouldBring', { items: list(added) })}
      </p>
      {!summary.sameProject && <p className="warning">{t('merge.otherProject')}</p>}
      {summary.coders.length > 0 && (
        <p>{t('merge.coders', { count: summary.coders.length, names: list(summary.coders) })}</p>
      )}
      {summary.sharedCoders.length > 0 && (
        <p className="warning">
          {t('merge.sharedCoders', {
            count: summary.sharedCoders.length,
            names: list(summary.sharedCoders),
          })}
        </p>
      )}
      {summary.alreadyHere > 0 && <p>{t('merge.alreadyHere', { count: summary.alreadyHere })}</p>}
      {summary.keptDeleted > 0 && <p>{t('merge.keptDeleted', { count: summary.keptDeleted })}</p>}
      {summary.approximate > 0 && (
        <div className="warning">
          <p>{t('merge.approximate', { count: summary.approximate })}</p>
          <CodingList codings={summary.approximateList} />
        </div>
      )}
      {summary.typeMismatch.length > 0 && (
        <p className="warning">
          {t('merge.typeMismatch', {
            count: summary.typeMismatch.length,
            names: list(summary.typeMismatch),
          })}
        </p>
      )}
      {summary.unplacedCount > 0 && (
        <div className="warning">
          <p>{t('merge.unplaced', { count: summary.unplacedCount })}</p>
          <CodingList codings={summary.unplaced} />
          {summary.unplacedCount > summary.unplaced.length && (
            <p>
              {t('merge.unplacedMore', { count: summary.unplacedCount - summary.unplaced.length })}
            </p>
          )}
        </div>
      )}
      {done && summary.conflicts.length > 0 && (
        <p>
          {summary.taken > 0
            ? t('merge.settled', { count: summary.conflicts.length, taken: summary.taken })
            : t('merge.keptAll', { count: summary.conflicts.length })}
        </p>
      )}
      {summary.notMerged.length > 0 && (
        <p>
          {t('merge.notMerged', {
            items: list(summary.notMerged.map((item) => t(`merge.notMergedKinds.${item}`))),
          })}
        </p>
      )}
    </div>
  );
}
