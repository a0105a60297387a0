import i18next from 'i18next';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/domain';
import { addFormatters } from '../../shared/i18n/formatters';
import { resources } from '../../shared/i18n/resources';

const instances = new Map<Language, TFunction>();

/** The same translations as the interface, for words written into exported files. */
export function translator(language: Language): TFunction {
  let found = instances.get(language);
  if (!found) {
    const instance = i18next.createInstance();
    // Synchronous: the resources are in memory, and exports are synchronous handlers.
    void instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    addFormatters(instance);
    found = instance.t.bind(instance);
    instances.set(language, found);
  }
  return found;
}
