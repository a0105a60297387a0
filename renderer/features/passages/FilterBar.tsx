import { formatAttributeValue } from '../../../shared/formatAttributeValue';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PassageQuery } from '../../../shared/documents';
import type { DraftCondition } from './ConditionsEditor';
import type { FilterChoices } from './PassageFilters';

interface ActiveFilter {
  key: string;
  label: string;
  remove: () => void;
}

/**
 * The filters in one line: a button that opens them all, then each filter in
 * use as a chip the researcher can remove, so the passages keep the screen.
 */
export function FilterBar({
  open,
  onOpen,
  query,
  onQuery,
  conditions,
  onConditions,
  choices,
  children,
}: {
  open: boolean;
  onOpen: (open: boolean) => void;
  query: PassageQuery;
  onQuery: (change: (current: PassageQuery) => PassageQuery) => void;
  conditions: DraftCondition[];
  onConditions: (conditions: DraftCondition[]) => void;
  choices: FilterChoices;
  /** What stays in the bar whatever its state: the grouping. */
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const nameOf = (list: { id: string; name?: string; title?: string }[], id: string) => {
    const found = list.find((item) => item.id === id);
    return found?.name ?? found?.title ?? '';
  };
  const clear = (field: keyof PassageQuery) => () =>
    onQuery((current) => ({ ...current, [field]: undefined }));
  const active: ActiveFilter[] = [];
  if (query.codeIds?.length)
    active.push({
      key: 'codes',
      label: t(query.codeMatch === 'all' ? 'passages.chipCodesAll' : 'passages.chipCodes', {
        value: query.codeIds.map((id) => nameOf(choices.codes, id)).join(', '),
      }),
      remove: clear('codeIds'),
    });
  const singles: [keyof PassageQuery, string, (id: string) => string][] = [
    ['documentIds', 'passages.document', (id) => nameOf(choices.documents, id)],
    ['speakers', 'passages.speaker', (value) => value],
    ['coders', 'passages.coder', (value) => value],
    ['caseIds', 'passages.case', (id) => nameOf(choices.cases, id)],
    ['participantIds', 'passages.participant', (id) => nameOf(choices.participants, id)],
  ];
  for (const [field, labelKey, name] of singles) {
    const values = query[field] as string[] | undefined;
    if (values?.length)
      active.push({
        key: field,
        label: t('passages.chip', { name: t(labelKey), value: values.map(name).join(', ') }),
        remove: clear(field),
      });
  }
  if (query.text)
    active.push({
      key: 'text',
      label: t('passages.chipText', { value: query.text }),
      remove: clear('text'),
    });
  conditions.forEach((condition, index) => {
    const attribute = choices.attributes.find((item) => item.id === condition.attributeId);
    // Only the conditions that filter: a row still being filled in is not one yet.
    if (!attribute || condition.value.trim() === '') return;
    const typed = condition.value.trim();
    const number = Number(typed.replace(',', '.'));
    const value = formatAttributeValue(
      attribute.type === 'boolean'
        ? typed === 'true'
        : attribute.type === 'number' && Number.isFinite(number)
          ? number
          : typed,
      attribute.type,
      i18n.language,
      t,
    );
    active.push({
      key: `condition-${index}`,
      label: `${attribute.name} ${t(`passages.operators.${condition.operator}`)} ${value}`,
      remove: () => onConditions(conditions.filter((_, position) => position !== index)),
    });
  });
  return (
    <div className="filter-bar" role="group" aria-label={t('passages.filterBar')}>
      <button
        type="button"
        className="filter-toggle"
        aria-expanded={open}
        aria-controls="passage-filter-panel"
        onClick={() => onOpen(!open)}
      >
        {active.length > 0
          ? t('passages.filtersInUse', { count: active.length })
          : t('passages.filtersNone')}
      </button>
      <ul className="filter-chips" aria-label={t('passages.filtersActive')}>
        {active.map((filter) => (
          <li key={filter.key} className="filter-chip">
            <span>{filter.label}</span>
            <button
              type="button"
              aria-label={t('passages.removeFilter', { filter: filter.label })}
              title={t('passages.removeFilter', { filter: filter.label })}
              onClick={filter.remove}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {active.length > 1 && (
        <button
          type="button"
          className="link"
          onClick={() => {
            onQuery((current) => ({ codeMatch: current.codeMatch ?? 'any' }));
            onConditions([]);
          }}
        >
          {t('passages.clearFilters')}
        </button>
      )}
      <div className="filter-bar-end">{children}</div>
    </div>
  );
}
