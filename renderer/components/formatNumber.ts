const formats = new Map<string, Intl.NumberFormat>();

/** A count as the interface's language writes it: "1 200" in French, "1,200" in English. */
export function formatNumber(value: number, language: string): string {
  let format = formats.get(language);
  if (!format) formats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(value);
}
