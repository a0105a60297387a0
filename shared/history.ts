/** What an undo entry did, as a key the renderer translates ("Undo coding"). */
export const historyActions = [
  'importDocument',
  'editText',
  'editDocument',
  'deleteDocument',
  'createCode',
  'updateCode',
  'moveCode',
  'mergeCodes',
  'deleteCode',
  'applyCodes',
  'inVivo',
  'updateCoding',
  'removeCoding',
] as const;
export type HistoryAction = (typeof historyActions)[number];
