import type { TFunction } from 'i18next';
import { historyActions, type HistoryAction } from '../../../shared/history';

/**
 * The Undo or Redo button's tooltip: "Undo: coding". A label this version does
 * not know (a newer one's history) gives the plain "Undo", never a key or an
 * empty value.
 */
export function historyStepLabel(
  t: TFunction,
  direction: 'undo' | 'redo',
  label: HistoryAction | null,
): string {
  if (label === null) return '';
  if (!(historyActions as readonly string[]).includes(label))
    return t(direction === 'undo' ? 'history.undo' : 'history.redo');
  return t(direction === 'undo' ? 'history.undoLabel' : 'history.redoLabel', {
    action: t(`history.actions.${label}`),
  });
}
