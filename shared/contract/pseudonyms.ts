import { z } from 'zod';
import type { ExportedFile } from '../exchange';
import type {
  IdentifierCandidate,
  IdentifierOccurrences,
  NewPseudonymEntry,
  PseudonymEntry,
} from '../pseudonyms';
import { pseudonymKinds } from '../pseudonyms';
import { method } from './method';
import { emptyInput, fileBytes, filePath } from './schemas';

const name = z
  .string()
  .trim()
  .min(1, 'Write the name.')
  .max(200, 'A name is at most 200 characters.');
const entry = {
  kind: z.enum(pseudonymKinds),
  real: name,
  variants: z.array(z.string().max(200)).max(100).default([]),
  pseudonym: z
    .string()
    .trim()
    .min(1, 'Write what replaces the name.')
    .max(200, 'A pseudonym is at most 200 characters.'),
};
const id = z.string().uuid();
// A passphrase is typed: a long sentence is welcome, a megabyte is not.
const passphrase = z.string().min(8, 'Choose a passphrase of at least 8 characters.').max(1000);

/** A names.csv to use instead of the project's own table (the command line's --table). */
const namesFile = z
  .strictObject({
    fileName: z.string().trim().min(1).max(255),
    data: fileBytes(5 * 1024 * 1024, 'A table of names is at most 5 MB.'),
  })
  .optional();

export interface PseudonymTableImport {
  entries: PseudonymEntry[];
  added: number;
  /** Rows of the file without a name or a pseudonym, by line number. */
  skipped: number[];
  /** Names the table already held (as a name or a variant of an entry): not added twice. */
  alreadyHeld: string[];
}

export const pseudonymsContract = {
  'pseudonyms.list': method<PseudonymEntry[]>()(emptyInput),
  /** One undo step each. */
  'pseudonyms.add': method<PseudonymEntry[]>()(
    z.strictObject({
      ...entry,
      source: z
        .strictObject({ kind: z.enum(['participant', 'case']), id })
        .nullable()
        .default(null),
    }),
  ),
  /** Several at once (the proposals for cases and participants, suggestions chosen): one undo step. */
  'pseudonyms.addMany': method<PseudonymEntry[]>()(
    z.strictObject({
      entries: z
        .array(
          z.strictObject({
            ...entry,
            source: z
              .strictObject({ kind: z.enum(['participant', 'case']), id })
              .nullable()
              .default(null),
          }),
        )
        .min(1)
        .max(5000),
    }),
  ),
  'pseudonyms.update': method<PseudonymEntry[]>()(z.strictObject({ id, ...entry })),
  'pseudonyms.remove': method<PseudonymEntry[]>()(z.strictObject({ id })),
  /** Entries for the project's cases and participants not in the table yet: nothing is written. */
  'pseudonyms.propose': method<NewPseudonymEntry[]>()(emptyInput),
  /** Adds the rows of a names.csv: one undo step. */
  'pseudonyms.importTable': method<PseudonymTableImport>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      data: fileBytes(5 * 1024 * 1024, 'A table of names is at most 5 MB.'),
    }),
  ),
  'pseudonyms.exportTable': method<ExportedFile>()(emptyInput),
  /** Where the real names are still written: the check before sharing. */
  'pseudonyms.occurrences': method<IdentifierOccurrences>()(
    z.strictObject({
      limit: z.number().int().min(1).max(20_000).default(5000),
      table: namesFile,
    }),
  ),
  /**
   * Leaves one occurrence in a text as written ("Blanc" the colour): applying
   * the table and making a copy skip it, and it follows its words through
   * edits. Refused when the document changed since the occurrence was found.
   */
  'pseudonyms.leave': method<IdentifierOccurrences>()(
    z.strictObject({
      entryId: id,
      documentId: id,
      version: z.number().int().min(0),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      limit: z.number().int().min(1).max(20_000).default(5000),
    }),
  ),
  /**
   * Leaves every occurrence in the texts written like this one (the same
   * words, then the same two words: "Petit à petit"), as they are now: one
   * undo step.
   */
  'pseudonyms.leaveAlike': method<IdentifierOccurrences>()(
    z.strictObject({
      entryId: id,
      text: z.string().min(1).max(200),
      after: z.string().max(200),
      limit: z.number().int().min(1).max(20_000).default(5000),
    }),
  ),
  /** Replaces an occurrence left as written after all. */
  'pseudonyms.replaceAfterAll': method<IdentifierOccurrences>()(
    z.strictObject({ id, limit: z.number().int().min(1).max(20_000).default(5000) }),
  ),
  /** Capitalised words no dictionary knows and the table does not hold. */
  'pseudonyms.candidates': method<IdentifierCandidate[]>()(emptyInput),
  /** Replaces every real name in this project, as edits: one undo step. */
  'pseudonyms.apply': method<{ replaced: number; documents: number }>()(emptyInput),
  /**
   * A pseudonymised copy of the project, which stays as it is, and its key
   * in a file of its own, encrypted with the passphrase.
   */
  'pseudonyms.exportCopy': method<{
    path: string;
    keyPath: string;
    replaced: number;
    recordingsLeftOut: number;
  }>()(
    z.strictObject({
      path: filePath,
      keyPath: filePath,
      passphrase,
      keepRecordings: z.boolean().default(false),
      overwrite: z.boolean().default(false),
      table: namesFile,
      /** The project itself, or what is exported from its pseudonymised copy. */
      format: z.enum(['axial', 'qdpx', 'xlsx']).default('axial'),
    }),
  ),
  /** Puts the real names back into this project (a pseudonymised copy) from its key: one undo step. */
  'pseudonyms.reidentify': method<{ restored: number; changedSince: number }>()(
    z.strictObject({
      fileName: z.string().trim().min(1).max(255),
      data: fileBytes(200 * 1024 * 1024, 'A key file is at most 200 MB.'),
      passphrase: z.string().min(1).max(1000),
    }),
  ),
};
