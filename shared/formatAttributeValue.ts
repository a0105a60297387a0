import type { TFunction } from 'i18next';
import type { AttributeType, AttributeValue } from './cases';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An attribute's value as the interface's language writes it: "oui", "215 000", "2016", "14 mars 2024". */
export function formatAttributeValue(
  value: AttributeValue,
  type: AttributeType | undefined,
  language: string,
  t: TFunction,
): string {
  if (typeof value === 'boolean') return t(value ? 'cases.yes' : 'cases.no');
  // Grouped from five digits on, as French typography does: an attribute is often a year (2016).
  if (typeof value === 'number')
    return new Intl.NumberFormat(language, { useGrouping: 'min2' }).format(value);
  const date = type === 'date' ? isoDate.exec(value) : null;
  if (date)
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))),
    );
  return value;
}
