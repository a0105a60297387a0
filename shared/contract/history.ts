import type { HistoryResult, HistoryState } from '../documents';
import { method } from './method';
import { emptyInput } from './schemas';

/** One undo history for the whole project session: text, codings and the codebook alike. */
export const historyContract = {
  'history.state': method<HistoryState>()(emptyInput),
  'history.undo': method<HistoryResult>()(emptyInput),
  'history.redo': method<HistoryResult>()(emptyInput),
};
