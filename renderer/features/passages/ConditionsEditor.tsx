import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import type {
  AttributeCondition,
  AttributeDefinition,
  ConditionOperator,
} from '../../../shared/cases';

export interface DraftCondition {
  attributeId: string;
  operator: ConditionOperator;
  value: string;
}

const operatorsFor: Record<AttributeDefinition['type'], ConditionOperator[]> = {
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'],
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'],
  boolean: ['eq'],
  choice: ['eq', 'ne'],
  text: ['eq', 'ne', 'contains'],
};

/** The complete conditions, ready for the API. */
export function completeConditions(
  drafts: readonly DraftCondition[],
  attributes: readonly AttributeDefinition[],
): AttributeCondition[] {
  return drafts.flatMap((draft) => {
    const attribute = attributes.find((candidate) => candidate.id === draft.attributeId);
    if (!attribute || draft.value.trim() === '') return [];
    const value = attribute.type === 'boolean' ? draft.value === 'true' : draft.value.trim();
    return [{ attributeId: draft.attributeId, operator: draft.operator, value }];
  });
}

/** "formalised = yes", "population > 200000", "launch year ≤ 2016": rows of attribute, operator, value. */
export function ConditionsEditor({
  attributes,
  conditions,
  onChange,
}: {
  attributes: AttributeDefinition[];
  conditions: DraftCondition[];
  onChange: (conditions: DraftCondition[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<DraftCondition>) =>
    onChange(
      conditions.map((condition, position) =>
        position === index ? { ...condition, ...patch } : condition,
      ),
    );
  return (
    <fieldset className="conditions">
      <legend>{t('passages.conditions')}</legend>
      {conditions.map((condition, index) => {
        const attribute = attributes.find((candidate) => candidate.id === condition.attributeId);
        const operators = attribute ? operatorsFor[attribute.type] : operatorsFor.text;
        return (
          <div key={index} className="condition-row" data-condition={index}>
            <select
              aria-label={t('passages.conditionAttribute')}
              value={condition.attributeId}
              onChange={(event) => {
                const next = attributes.find((candidate) => candidate.id === event.target.value);
                update(index, {
                  attributeId: event.target.value,
                  operator: next ? operatorsFor[next.type][0]! : 'eq',
                  value: '',
                });
              }}
            >
              {attributes.map((option) => (
                <option key={option.id} value={option.id}>
                  {t(`cases.kindPrefix.${option.entityKind}`)} · {option.name}
                </option>
              ))}
            </select>
            <select
              aria-label={t('passages.conditionOperator')}
              value={condition.operator}
              onChange={(event) =>
                update(index, { operator: event.target.value as ConditionOperator })
              }
            >
              {operators.map((operator) => (
                <option key={operator} value={operator}>
                  {t(`passages.operators.${operator}`)}
                </option>
              ))}
            </select>
            {attribute?.type === 'boolean' || attribute?.type === 'choice' ? (
              <select
                aria-label={t('passages.conditionValue')}
                value={condition.value}
                onChange={(event) => update(index, { value: event.target.value })}
              >
                <option value="">—</option>
                {attribute.type === 'boolean' ? (
                  <>
                    <option value="true">{t('cases.yes')}</option>
                    <option value="false">{t('cases.no')}</option>
                  </>
                ) : (
                  attribute.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))
                )}
              </select>
            ) : attribute?.type === 'date' ? (
              <DateField
                label={t('passages.conditionValue')}
                value={condition.value || null}
                onSave={(date) => update(index, { value: date ?? '' })}
              />
            ) : (
              <input
                aria-label={t('passages.conditionValue')}
                type="text"
                value={condition.value}
                onChange={(event) => update(index, { value: event.target.value })}
              />
            )}
            <button
              type="button"
              className="link"
              aria-label={t('passages.removeCondition')}
              onClick={() => onChange(conditions.filter((_, position) => position !== index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        disabled={attributes.length === 0}
        onClick={() => {
          const first = attributes[0];
          if (first)
            onChange([
              ...conditions,
              { attributeId: first.id, operator: operatorsFor[first.type][0]!, value: '' },
            ]);
        }}
      >
        {t('passages.addCondition')}
      </button>
    </fieldset>
  );
}
