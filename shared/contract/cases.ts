import { z } from 'zod';
import { NAME_LIMIT, DESCRIPTION_LIMIT, MEMO_LIMIT, VALUE_LIMIT } from '../limits';
import type { ExportedFile } from '../exchange';
import type {
  AttributeDefinition,
  CaseRecord,
  DocumentLinks,
  ParticipantRecord,
  TableImportPreview,
  TypeChangePreview,
} from '../cases';
import { attributeTypes, entityKinds } from '../cases';
import { entityId } from './documents';
import { method } from './method';
import { emptyInput, fileBytes } from './schemas';

const entityName = z.string().trim().min(1, 'Give a name (a pseudonym).').max(NAME_LIMIT);
const attributeName = z.string().trim().min(1, 'Give the attribute a name.').max(NAME_LIMIT);
const choices = z.array(z.string().max(200)).max(200);
const value = z.union([z.string().max(VALUE_LIMIT), z.number(), z.boolean(), z.null()]);
const tableBytes = fileBytes(50 * 1024 * 1024, 'This file is too large.');
const deletion = z.strictObject({ id: entityId });
const impact = method<{ participants: string[]; documents: string[] }>();

export const casesContract = {
  'cases.list': method<CaseRecord[]>()(emptyInput),
  'cases.create': method<CaseRecord>()(z.strictObject({ name: entityName })),
  'cases.update': method<CaseRecord>()(
    z.strictObject({
      id: entityId,
      name: entityName.optional(),
      description: z.string().max(DESCRIPTION_LIMIT).optional(),
      memo: z.string().max(MEMO_LIMIT).optional(),
    }),
  ),
  'cases.deletionImpact': impact(deletion),
  'cases.delete': method<null>()(deletion),

  'participants.list': method<ParticipantRecord[]>()(emptyInput),
  'participants.create': method<ParticipantRecord>()(
    z.strictObject({ name: entityName, caseId: entityId.nullable().default(null) }),
  ),
  'participants.update': method<ParticipantRecord>()(
    z.strictObject({
      id: entityId,
      name: entityName.optional(),
      caseId: entityId.nullable().optional(),
      description: z.string().max(DESCRIPTION_LIMIT).optional(),
      memo: z.string().max(MEMO_LIMIT).optional(),
    }),
  ),
  'participants.deletionImpact': impact(deletion),
  'participants.delete': method<null>()(deletion),

  'attributes.list': method<AttributeDefinition[]>()(emptyInput),
  'attributes.create': method<AttributeDefinition>()(
    z.strictObject({
      entityKind: z.enum(entityKinds),
      name: attributeName,
      type: z.enum(attributeTypes),
      unit: z.string().max(50).nullable().optional(),
      choices: choices.optional(),
    }),
  ),
  /** Says which values a change of type or choices could not convert, before anything is changed. */
  'attributes.previewTypeChange': method<TypeChangePreview>()(
    z.strictObject({ id: entityId, type: z.enum(attributeTypes), choices: choices.default([]) }),
  ),
  'attributes.update': method<AttributeDefinition>()(
    z.strictObject({
      id: entityId,
      name: attributeName.optional(),
      type: z.enum(attributeTypes).optional(),
      unit: z.string().max(50).nullable().optional(),
      choices: choices.optional(),
    }),
  ),
  'attributes.delete': method<null>()(z.strictObject({ id: entityId })),
  'attributes.setValue': method<null>()(z.strictObject({ attributeId: entityId, entityId, value })),

  'documents.links': method<DocumentLinks>()(z.strictObject({ documentId: entityId })),
  'documents.setLinks': method<DocumentLinks>()(
    z.strictObject({
      documentId: entityId,
      participantIds: z.array(entityId).max(1000).optional(),
      caseIds: z.array(entityId).max(1000).optional(),
    }),
  ),

  /** Reads a CSV or XLSX table of cases, participants or documents and says what importing it would change. */
  'tables.previewImport': method<TableImportPreview>()(
    z.strictObject({
      entityKind: z.enum(entityKinds),
      fileName: z.string().trim().min(1).max(255),
      data: tableBytes,
      /** Names the import for jobs.cancel while its file is read. */
      jobId: entityId.optional(),
    }),
  ),
  /** Imports the table in one transaction; refused, with nothing written, while any row has a problem. */
  'tables.import': method<TableImportPreview>()(
    z.strictObject({
      entityKind: z.enum(entityKinds),
      fileName: z.string().trim().min(1).max(255),
      data: tableBytes,
      /** Names the import for jobs.cancel while its file is read. */
      jobId: entityId.optional(),
    }),
  ),
  'tables.export': method<ExportedFile>()(
    z.strictObject({
      entityKind: z.enum(entityKinds),
      format: z.enum(['csv', 'xlsx']),
      /** French Excel: semicolons, decimal commas, a BOM; RFC 4180: commas and points. */
      csvStyle: z.enum(['excel-fr', 'rfc4180']).default('rfc4180'),
    }),
  ),
};
