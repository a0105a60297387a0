import type { mergeContract } from '../../shared/contract/merge';
import type { DomainHandlers } from '../api/handlers';
import { journalWrites, previewWrites } from '../merge/mergeContext';
import { saveBeforeMerge } from '../merge/mergeBackup';
import { mergeCopy } from '../merge/mergeCopy';
import { openMergeSource } from '../merge/mergeSource';

export const copyMergeHandlers: DomainHandlers<typeof mergeContract> = {
  'merge.preview': async (context, { fileName, data }) => {
    const { db } = context.session.require();
    const source = await openMergeSource({ fileName, data }, context.settings.language('en'));
    try {
      return mergeCopy(db, source.db, previewWrites, { fileName, choices: new Map() });
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
      try {
        const summary = history.run(db, 'mergeCopy', (changes) =>
          mergeCopy(db, source.db, journalWrites(db, changes), { fileName, choices: chosen }),
        );
        return { ...summary, backupPath: backup.path };
      } catch (error) {
        // Nothing merged: nothing to go back to.
        backup.remove();
        throw error;
      }
    } finally {
      source.close();
    }
  },
};
