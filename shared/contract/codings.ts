import { z } from 'zod';
import { MEMO_LIMIT } from '../limits';
import type { PassageOverview, CodeNode, Coding, Passage } from '../documents';
import { conditionOperators } from '../cases';
import { documentVersion, entityId } from './documents';
import { method } from './method';
import { coderName } from './schemas';

const offset = z.number().int().min(0);
const range = { documentId: entityId, start: offset, end: offset, version: documentVersion };
const ordered = (input: { start: number; end: number }) => input.end > input.start;
const orderedMessage = { message: 'A passage must contain at least one character.', path: ['end'] };

const passageQuery = z.strictObject({
  codeIds: z.array(entityId).max(1000).optional(),
  codeMatch: z.enum(['any', 'all']).default('any'),
  exactCodes: z.boolean().optional(),
  documentIds: z.array(entityId).max(10000).optional(),
  speakers: z.array(z.string().max(100)).max(1000).optional(),
  coders: z.array(coderName).max(1000).optional(),
  text: z.string().max(500).optional(),
  participantIds: z.array(entityId).max(10000).optional(),
  caseIds: z.array(entityId).max(10000).optional(),
  conditions: z
    .array(
      z.strictObject({
        attributeId: entityId,
        operator: z.enum(conditionOperators),
        value: z.union([z.string().max(1000), z.number(), z.boolean()]),
      }),
    )
    .max(50)
    .optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
});

export const codingsContract = {
  'codings.forDocument': method<Coding[]>()(
    z.strictObject({
      documentId: entityId,
      /** Only these coders' (a view by coder, blind coding); everyone's without. */
      coders: z.array(coderName).max(1000).optional(),
    }),
  ),
  /** Codes a passage with one or more codes; a code this coder already put on exactly that passage is skipped. */
  'codings.create': method<Coding[]>()(
    z
      .strictObject({ ...range, codeIds: z.array(entityId).min(1).max(50) })
      .refine(ordered, orderedMessage),
  ),
  /** In-vivo coding: the passage's own words become a new code, applied to it. */
  'codings.createInVivo': method<{ code: CodeNode; coding: Coding }>()(
    z
      .strictObject({
        ...range,
        parentId: entityId.nullable().default(null),
        /** Under the "In vivo" group (made if need be, in the same undo step) instead of `parentId`. */
        inVivoGroup: z.boolean().default(false),
      })
      .refine(ordered, orderedMessage),
  ),
  /** Codes every turn one speaker takes in a document (a turn: from its label to the next speaker's). */
  'codings.codeTurns': method<Coding[]>()(
    z.strictObject({
      documentId: entityId,
      version: documentVersion,
      speaker: z.string().trim().min(1).max(100),
      codeIds: z.array(entityId).min(1).max(50),
    }),
  ),
  /** Moves a passage's boundaries (with the version they were computed on) or changes its memo. */
  'codings.update': method<Coding>()(
    z
      .strictObject({
        id: entityId,
        start: offset.optional(),
        end: offset.optional(),
        version: documentVersion.optional(),
        memo: z.string().max(MEMO_LIMIT).optional(),
      })
      .refine(
        (input) => input.start !== undefined || input.end !== undefined || input.memo !== undefined,
        'Change at least one property.',
      )
      .refine(
        (input) =>
          (input.start === undefined && input.end === undefined) || input.version !== undefined,
        {
          message: 'New boundaries need the document version they were computed on.',
          path: ['version'],
        },
      ),
  ),
  'codings.delete': method<null>()(z.strictObject({ id: entityId })),
  'passages.list': method<Passage[]>()(passageQuery),
  /** Counts per node of the codebook for the same query, before any passage is read. */
  'passages.overview': method<PassageOverview>()(passageQuery),
};
