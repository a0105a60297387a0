import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { pseudonymsContract } from '../../shared/contract/pseudonyms';
import { AxialError } from '../../shared/errors';
import type { PseudonymEntry } from '../../shared/pseudonyms';
import { wordsAfter } from '../../shared/pseudonyms';
import type { DomainHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/context';
import { translator } from '../exchange/translator';
import { findOccurrences } from '../pseudonymise/findOccurrences';
import { readKeyFile, writeKeyFile } from '../pseudonymise/keyFile';
import { readNamesTable, writeNamesTable } from '../pseudonymise/namesTable';
import { pseudonymiseProject } from '../pseudonymise/pseudonymiseProject';
import { writePseudonymisedExport } from '../pseudonymise/pseudonymisedExport';
import { reidentifyProject } from '../pseudonymise/reidentifyProject';
import { suggestCandidates } from '../pseudonymise/suggestCandidates';
import type { Db } from '../store/database';
import type { ChangeSet } from '../store/journal';
import { getDocumentText, requireVersion } from '../store/documents';
import { leaveOccurrence, replaceOccurrenceAfterAll } from '../store/pseudonymExceptions';
import { findNames } from '../pseudonymise/nameMatcher';
import { nameTableOf } from '../pseudonymise/nameTable';
import { getProject } from '../store/project';
import { fileBaseName } from '../exchange/runExport';
import {
  addPseudonym,
  heldElsewhere,
  listPseudonyms,
  proposedFromPeople,
  removePseudonym,
  updatePseudonym,
} from '../store/pseudonyms';

const occurrenceGone = () =>
  new AxialError(
    'not_found',
    'This name is no longer written there: find the names again. Nothing was changed.',
    { reason: 'occurrenceGone' },
  );

const replacedCount = (log: ReturnType<typeof pseudonymiseProject>) =>
  log.documents.reduce((sum, record) => sum + record.text.length + record.speakers.length, 0) +
  log.fields.reduce((sum, field) => sum + field.replacements.length, 0);

function editTable<T>(context: HandlerContext, edit: (db: Db, changes: ChangeSet) => T): T {
  const { db, history } = context.session.require();
  return history.run(db, 'editPseudonyms', (changes) => edit(db, changes));
}

/** The project's table, or the rows of a names.csv given instead (never stored). */
function entriesFor(db: Db, table?: { fileName: string; data: Uint8Array }): PseudonymEntry[] {
  if (!table) return listPseudonyms(db);
  return readNamesTable(table.data, table.fileName).entries.map((entry) => ({
    ...entry,
    id: randomUUID(),
    source: null,
  }));
}

export const pseudonymsHandlers: DomainHandlers<typeof pseudonymsContract> = {
  'pseudonyms.list': (context) => listPseudonyms(context.session.require().db),

  'pseudonyms.add': (context, input) => {
    editTable(context, (db, changes) => addPseudonym(db, changes, input));
    return listPseudonyms(context.session.require().db);
  },

  'pseudonyms.addMany': (context, { entries }) => {
    editTable(context, (db, changes) => {
      for (const entry of entries) addPseudonym(db, changes, entry);
    });
    return listPseudonyms(context.session.require().db);
  },

  'pseudonyms.update': (context, { id, ...input }) => {
    editTable(context, (db, changes) => updatePseudonym(db, changes, id, input));
    return listPseudonyms(context.session.require().db);
  },

  'pseudonyms.remove': (context, { id }) => {
    editTable(context, (db, changes) => removePseudonym(db, changes, id));
    return listPseudonyms(context.session.require().db);
  },

  'pseudonyms.propose': (context) => {
    const { db, path } = context.session.require();
    const t = translator(getProject(db, path).language);
    return proposedFromPeople(db, {
      case: (letter) => t('pseudonyms.proposed.case', { letter }),
      participant: (number) => t('pseudonyms.proposed.participant', { number }),
    });
  },

  'pseudonyms.importTable': (context, { fileName, data }) => {
    const { entries, skipped } = readNamesTable(data, fileName);
    // A second import of the same file, a name typed by hand before, or one twice in the file
    // is not a second entry: the rule of adding by hand, row by row as they are added.
    const alreadyHeld: string[] = [];
    editTable(context, (db, changes) => {
      for (const entry of entries)
        if (heldElsewhere(db, entry)) alreadyHeld.push(entry.real);
        else addPseudonym(db, changes, entry);
    });
    return {
      entries: listPseudonyms(context.session.require().db),
      added: entries.length - alreadyHeld.length,
      skipped,
      alreadyHeld,
    };
  },

  'pseudonyms.exportTable': (context) => {
    const { db, path } = context.session.require();
    return {
      fileName: `${fileBaseName(getProject(db, path).title)} - names.csv`,
      data: writeNamesTable(listPseudonyms(db)),
      mimeType: 'text/csv',
    };
  },

  'pseudonyms.occurrences': async (context, { limit, table }) => {
    const { db } = context.session.require();
    return findOccurrences(db, await nameTableOf(entriesFor(db, table)), limit);
  },

  'pseudonyms.leave': async (context, { entryId, documentId, version, start, end, limit }) => {
    const { db, history } = context.session.require();
    const table = await nameTableOf(listPseudonyms(db));
    requireVersion(db, documentId, version);
    const written = findNames(
      getDocumentText(db, documentId).text,
      table.terms.filter((term) => term.entryId === entryId),
    ).some((match) => match.start === start && match.end === end);
    if (!written) throw occurrenceGone();
    history.run(db, 'leaveOccurrence', (changes) =>
      leaveOccurrence(db, changes, { entryId, documentId, start, end }),
    );
    return findOccurrences(db, table, limit);
  },

  'pseudonyms.leaveAlike': async (context, { entryId, text, after, limit }) => {
    const { db, history } = context.session.require();
    const table = await nameTableOf(listPseudonyms(db));
    const alike = findOccurrences(db, table, Number.MAX_SAFE_INTEGER).occurrences.filter(
      (occurrence) =>
        occurrence.entryId === entryId &&
        occurrence.text === text &&
        occurrence.place.kind === 'text' &&
        wordsAfter(occurrence) === wordsAfter({ after }),
    );
    if (!alike.length) throw occurrenceGone();
    history.run(db, 'leaveOccurrence', (changes) => {
      for (const occurrence of alike)
        if (occurrence.place.kind === 'text')
          leaveOccurrence(db, changes, {
            entryId,
            documentId: occurrence.place.documentId,
            start: occurrence.place.start,
            end: occurrence.place.end,
          });
    });
    return findOccurrences(db, table, limit);
  },

  'pseudonyms.replaceAfterAll': async (context, { id, limit }) => {
    const { db, history } = context.session.require();
    const table = await nameTableOf(listPseudonyms(db));
    history.run(db, 'replaceOccurrence', (changes) => replaceOccurrenceAfterAll(db, changes, id));
    return findOccurrences(db, table, limit);
  },

  'pseudonyms.candidates': async (context) => {
    const { db } = context.session.require();
    return suggestCandidates(db, listPseudonyms(db));
  },

  'pseudonyms.apply': async (context) => {
    const { db, history } = context.session.require();
    const entries = listPseudonyms(db);
    if (!entries.length)
      throw new AxialError(
        'invalid_operation',
        'The pseudonym table is empty: add the names to replace first.',
        { reason: 'emptyTable' },
      );
    const table = await nameTableOf(entries);
    const log = history.run(db, 'pseudonymise', (changes) =>
      pseudonymiseProject(db, changes, table),
    );
    return { replaced: replacedCount(log), documents: log.documents.length };
  },

  'pseudonyms.exportCopy': async (
    context,
    { path, keyPath, passphrase, keepRecordings, overwrite, table, format },
  ) => {
    const { db, path: projectPath } = context.session.require();
    const keyTarget = resolve(keyPath);
    const copyTarget = resolve(path);
    // Replacing the open project would delete it (and what its journal holds) under itself.
    for (const target of [copyTarget, keyTarget])
      if (target === resolve(projectPath))
        throw new AxialError(
          'invalid_input',
          `"${target}" is this project's own file: choose another name, so that the project with its real names is kept. Nothing was written.`,
          { path: target, reason: 'targetIsProject' },
        );
    // The key written where the copy was would leave no copy, and say one was written.
    if (copyTarget === keyTarget)
      throw new AxialError(
        'invalid_input',
        `The copy and its key cannot be the same file ("${keyTarget}"): give the key a name of its own, such as one ending in .key. Nothing was written.`,
        { path: keyTarget, reason: 'keyIsCopy' },
      );
    if (existsSync(keyTarget) && !overwrite)
      throw new AxialError(
        'file_exists',
        `A file already exists at "${keyTarget}". Choose another name for the key, or confirm that it should be replaced.`,
        { path: keyTarget },
      );
    const copy = await writePseudonymisedExport(db, projectPath, path, entriesFor(db, table), {
      format,
      keepRecordings,
      overwrite,
      version: context.host.version,
    });
    try {
      writeFileSync(keyTarget, writeKeyFile(copy.key, passphrase), { mode: 0o600 });
    } catch (error) {
      // A copy without its key could never be re-identified: neither is kept.
      rmSync(copy.path, { force: true });
      throw error;
    }
    return {
      path: copy.path,
      keyPath: keyTarget,
      replaced: replacedCount(copy.key.log),
      recordingsLeftOut: copy.recordingsLeftOut,
    };
  },

  'pseudonyms.reidentify': (context, { fileName, data, passphrase }) => {
    const { db, history } = context.session.require();
    const key = readKeyFile(new TextDecoder().decode(data), passphrase, fileName);
    return history.run(db, 'reidentify', (changes) => reidentifyProject(db, changes, key));
  },
};
