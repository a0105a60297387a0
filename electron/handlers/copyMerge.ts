import type { mergeContract } from '../../shared/contract/merge';
import { AxialError } from '../../shared/errors';
import type { DomainHandlers } from '../api/handlers';
import { journalWrites, previewWrites } from '../merge/mergeContext';
import { saveBeforeMerge } from '../merge/mergeBackup';
import { mergeCopy } from '../merge/mergeCopy';
import { openMergeSource } from '../merge/mergeSource';

/** A copy found damaged only as it is read (a page in the middle): said of that file. */
function damagedWhileRead(error: unknown, fileName: string): never {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
    throw new AxialError(
      'invalid_file',
      `"${fileName}" is damaged and cannot be merged. Ask for the copy again (saved with "Save a copy"); this project is unchanged.`,
      { file: fileName, reason: 'mergeDamaged' },
    );
  throw error;
}

export const copyMergeHandlers: DomainHandlers<typeof mergeContract> = {
  'merge.preview': async (context, { fileName, data }) => {
    const { db } = context.session.require();
    const source = await openMergeSource({ fileName, data }, context.settings.language('en'));
    try {
      return mergeCopy(db, source.db, previewWrites, { fileName, choices: new Map() });
    } catch (error) {
      return damagedWhileRead(error, fileName);
    } finally {
      source.close();
    }
  },

  'merge.apply': async (context, { fileName, data, choices }) => {
    const { db, history, path } = context.session.require();
    const source = await openMergeSource({ fileName, data }, context.settings.language('en'));
    try {
      const chosen = new Map(choices.map(({ key, choice }) => [key, choice]));
      const backup = await saveBeforeMerge(db, path);
      let wrote = false;
      try {
        const summary = history.run(db, 'mergeCopy', (changes) => {
          const merged = mergeCopy(db, source.db, journalWrites(db, changes), {
            fileName,
            choices: chosen,
          });
          wrote = !changes.empty;
          return merged;
        });
        // Nothing merged: nothing to go back to.
        if (!wrote) backup.remove();
        return wrote ? { ...summary, backupPath: backup.path } : summary;
      } catch (error) {
        backup.remove();
        return damagedWhileRead(error, fileName);
      }
    } finally {
      source.close();
    }
  },
};
