import { z } from 'zod';
import { DESCRIPTION_LIMIT, MEMO_LIMIT } from '../limits';
import type { DocumentDetail, DocumentSummary, HistoryState, ImportPreview } from '../documents';
import { documentKinds } from '../documents';
import type { ExportedFile } from '../exchange';
import { method } from './method';
import { emptyInput, fileBytes } from './schemas';

export const entityId = z.uuid('Not a valid identifier.');
/** The document version offsets or steps were computed on: those from another version are refused. */
export const documentVersion = z.number().int().min(0);

// At most 200 MB (a large .docx with images); text limits are checked after decoding.
const importBytes = fileBytes(200 * 1024 * 1024);
const fileName = z.string().trim().min(1).max(255);
const optionalText = (max: number) => z.string().max(max);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2021-03-15.')
  .nullable();

export const documentsContract = {
  'documents.list': method<DocumentSummary[]>()(emptyInput),
  'documents.get': method<DocumentDetail>()(z.strictObject({ id: entityId })),
  /** Reads a file and says what an import would bring (speakers, timestamps); stores nothing. */
  'documents.previewImport': method<ImportPreview>()(
    z.strictObject({ fileName, data: importBytes, jobId: entityId.optional() }),
  ),
  /** Imports one file as one document, in one transaction: all of it or nothing. */
  'documents.import': method<DocumentSummary>()(
    z.strictObject({
      fileName,
      data: importBytes,
      kind: z.enum(documentKinds).default('transcript'),
      title: z.string().trim().min(1).max(300).optional(),
      /** Detected label → new name, or null when the label is not a speaker. */
      speakers: z.record(z.string(), z.string().max(100).nullable()).default({}),
      /** Participants to link the new document to (its speakers named like them). */
      participantIds: z.array(entityId).max(1000).default([]),
      /** Names the import for jobs.cancel while its file is read. */
      jobId: entityId.optional(),
    }),
  ),
  /** The file a document was imported from (a PDF), as kept in the project: to read beside its text. */
  'documents.original': method<ExportedFile>()(z.strictObject({ id: entityId })),
  'documents.update': method<DocumentSummary>()(
    z
      .strictObject({
        id: entityId,
        title: z.string().trim().min(1, 'Give the document a title.').max(300).optional(),
        kind: z.enum(documentKinds).optional(),
        date: isoDate.optional(),
        place: z.string().max(300).nullable().optional(),
        description: optionalText(DESCRIPTION_LIMIT).optional(),
        memo: optionalText(MEMO_LIMIT).optional(),
      })
      .refine((input) => Object.keys(input).length > 1, 'Change at least one property.'),
  ),
  /** Text edits from the editor, as ProseMirror steps made against `version`. */
  'documents.applySteps': method<{ version: number; history: HistoryState }>()(
    z.strictObject({
      id: entityId,
      version: documentVersion,
      steps: z
        .array(z.looseObject({ stepType: z.string() }))
        .min(1)
        .max(10000),
      /** The caret has not moved since the last edit: undo may treat both as one. */
      continueTyping: z.boolean().default(false),
    }),
  ),
  'documents.delete': method<null>()(z.strictObject({ id: entityId })),
  /** An empty document: field notes taken during an interview, or a transcript typed from scratch. */
  'documents.createEmpty': method<DocumentSummary>()(
    z.strictObject({
      title: z.string().trim().min(1).max(300),
      kind: z.enum(documentKinds).default('secondary'),
    }),
  ),
};
