import type { TFunction } from 'i18next';
import type { ActivityEntry } from '../../../shared/domain';
import { historyActions, type HistoryAction } from '../../../shared/history';

const projectFields = ['title', 'description', 'language'] as const;

function capitalised(text: string, language: string): string {
  const [first = '', ...rest] = Array.from(text);
  return first.toLocaleUpperCase(language) + rest.join('');
}

/** An action of the undo history, with what it was done to and where. */
function describeAction(entry: ActivityEntry, t: TFunction, language: string): string {
  const action = (historyActions as readonly string[]).includes(entry.subject)
    ? capitalised(t(`history.actions.${entry.subject as HistoryAction}`), language)
    : entry.subject;
  const { target, place } = entry;
  const done =
    target && place
      ? t('activity.actionOnIn', { action, target, place })
      : target
        ? t('activity.actionOn', { action, target })
        : place
          ? t('activity.actionIn', { action, place })
          : t('activity.action', { action });
  return t('activity.times', { what: done, count: entry.count });
}

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
    case 'do':
      return describeAction(entry, t, language);
    case 'undo':
      return t('activity.undo', { what: describeAction(entry, t, language) });
    case 'redo':
      return t('activity.redo', { what: describeAction(entry, t, language) });
  }
}
