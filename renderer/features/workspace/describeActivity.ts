import type { TFunction } from 'i18next';
import type { ActivityEntry } from '../../../shared/domain';

const projectFields = ['title', 'description', 'language'] as const;

/** An activity entry in the interface language; the store keeps only the action and its subject. */
export function describeActivity(entry: ActivityEntry, t: TFunction, language: string): string {
  switch (entry.action) {
    case 'project.create':
      return t('activity.projectCreate', { subject: entry.subject });
    case 'project.update': {
      const fields = entry.subject
        .split(',')
        .filter((field): field is (typeof projectFields)[number] =>
          (projectFields as readonly string[]).includes(field),
        )
        .map((field) => t(`activity.fields.${field}`));
      if (fields.length === 0) return t('activity.projectUpdateNothing');
      const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(fields);
      return t('activity.projectUpdate', { subject: list });
    }
  }
}
