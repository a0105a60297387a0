import type { i18n } from 'i18next';

/**
 * Whose something is, as the language says it before the thing owned or
 * after it: "Amélie’s" in English; in French "de Bruno", elided before a vowel
 * or a mute h, "d’Amélie", "d’Hélène", "d’Yves" (a y before a vowel is a
 * consonant: "de Yann").
 */
export function possessive(name: string, language: string): string {
  if (!language.startsWith('fr')) return `${name}’s`;
  const letters = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '');
  const elides = /^[aeiouhœæ]/.test(letters) || /^y[^aeiouy]/.test(letters);
  return elides ? `d’${name}` : `de ${name}`;
}

/** The formats the translations use beyond i18next's own: `{{coder, possessive}}`. */
export function addFormatters(instance: i18n): void {
  instance.services.formatter?.add('possessive', (value: unknown, language: string | undefined) =>
    typeof value === 'string' ? possessive(value, language ?? 'en') : String(value ?? ''),
  );
}
