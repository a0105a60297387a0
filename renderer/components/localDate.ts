/** A calendar date typed and read as the interface's language writes it ("14/03/2024" in French, "3/14/2024" in English). */

type Part = 'day' | 'month' | 'year';

interface DateShape {
  order: Part[];
  separator: string;
}

const shapes = new Map<string, DateShape>();

/** The order of day, month and year in the language's numeric dates and what separates them, as Intl writes them. */
export function dateShape(language: string): DateShape {
  let shape = shapes.get(language);
  if (!shape) {
    const parts = new Intl.DateTimeFormat(language, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2024, 2, 14)));
    shape = {
      order: parts
        .map((part) => part.type)
        .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year'),
      separator: parts.find((part) => part.type === 'literal')?.value ?? '/',
    };
    shapes.set(language, shape);
  }
  return shape;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A stored date (YYYY-MM-DD) in the language's numeric form; anything else is shown as it is. */
export function formatLocalDate(iso: string, language: string): string {
  const match = isoDate.exec(iso);
  if (!match) return iso;
  const parts: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separator } = dateShape(language);
  return order.map((part) => parts[part]).join(separator);
}

/**
 * What the researcher typed, as a stored date: the language's order with any
 * of / . - or spaces between, or an ISO date. Null when it is no real date.
 */
export function parseLocalDate(text: string, language: string): string | null {
  const trimmed = text.trim();
  const iso = isoDate.exec(trimmed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = trimmed.split(/[\s/.-]+/).filter(Boolean);
  if (numbers.length !== 3 || !numbers.every((number) => /^\d{1,4}$/.test(number))) return null;
  const { order } = dateShape(language);
  const value = (part: Part) => Number(numbers[order.indexOf(part)]);
  const yearText = numbers[order.indexOf('year')]!;
  // A two-digit year is this century's: "14/03/24" is 2024.
  const year = yearText.length <= 2 ? 2000 + value('year') : value('year');
  if (yearText.length === 3) return null;
  return validDate(year, value('month'), value('day'));
}
