import { en } from './en';
import { fr } from './fr';

/** i18next resources for the renderer and the main process's menu. */
export const resources = {
  en: { translation: en },
  fr: { translation: fr },
} as const;
