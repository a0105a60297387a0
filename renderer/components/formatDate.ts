/** A stored ISO timestamp as the reader's local date and time, in the UI language. */
export function formatDateTime(
  iso: string,
  language: string,
  dateStyle: 'short' | 'medium' = 'medium',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle, timeStyle: 'short' }).format(date);
}
