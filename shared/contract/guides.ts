import { z } from 'zod';
import type { ExportedFile } from '../exchange';
import type {
  Answer,
  AnswerPassage,
  AnswerProposal,
  Coverage,
  GuideDetail,
  GuideSummary,
} from '../guides';
import { guideItemKinds } from '../guides';
import { documentVersion, entityId } from './documents';
import { method } from './method';
import { emptyInput } from './schemas';

const guideText = z.string().trim().min(1, 'Write the text.').max(5000);
const offset = z.number().int().min(0);

export const guidesContract = {
  'guides.list': method<GuideSummary[]>()(emptyInput),
  'guides.get': method<GuideDetail>()(z.strictObject({ id: entityId })),
  'guides.create': method<GuideDetail>()(
    z.strictObject({ title: z.string().trim().min(1).max(300) }),
  ),
  'guides.update': method<GuideDetail>()(
    z.strictObject({
      id: entityId,
      title: z.string().trim().min(1).max(300).optional(),
      versionLabel: z.string().trim().min(1).max(50).optional(),
      changeNote: z.string().max(5000).optional(),
    }),
  ),
  /** A new version: a copy of the guide, its items and links, to change without touching the old one. */
  'guides.duplicate': method<GuideDetail>()(
    z.strictObject({
      id: entityId,
      versionLabel: z.string().trim().min(1).max(50),
      changeNote: z.string().max(5000).default(''),
    }),
  ),
  'guides.delete': method<null>()(z.strictObject({ id: entityId })),
  'guides.addItem': method<GuideDetail>()(
    z.strictObject({
      guideId: entityId,
      kind: z.enum(guideItemKinds),
      parentId: entityId.nullable().default(null),
      text: guideText,
      /** Insert after this sibling; at the end when absent. */
      afterId: entityId.nullable().default(null),
    }),
  ),
  'guides.updateItem': method<GuideDetail>()(
    z.strictObject({
      id: entityId,
      text: guideText.optional(),
      note: z.string().max(5000).optional(),
      durationMinutes: z.number().min(0).max(600).nullable().optional(),
      codeIds: z.array(entityId).max(100).optional(),
    }),
  ),
  /** Moves an item among its siblings, or under another parent (a prompt to another question). */
  'guides.moveItem': method<GuideDetail>()(
    z.strictObject({ id: entityId, parentId: entityId.nullable(), index: z.number().int().min(0) }),
  ),
  /** A prompt becomes a question (outdent) or a question a prompt of the one before (indent). */
  'guides.indentItem': method<GuideDetail>()(
    z.strictObject({ id: entityId, direction: z.enum(['in', 'out']) }),
  ),
  'guides.deleteItem': method<GuideDetail>()(z.strictObject({ id: entityId })),
  'guides.exportDocx': method<ExportedFile>()(z.strictObject({ id: entityId })),

  'documents.setGuide': method<null>()(
    z.strictObject({ documentId: entityId, guideId: entityId.nullable() }),
  ),

  'answers.forDocument': method<Answer[]>()(z.strictObject({ documentId: entityId })),
  'answers.create': method<Answer>()(
    z
      .strictObject({
        documentId: entityId,
        itemId: entityId,
        start: offset,
        end: offset,
        version: documentVersion,
      })
      .refine((input) => input.end > input.start, {
        message: 'An answer must contain at least one character.',
        path: ['end'],
      }),
  ),
  'answers.delete': method<null>()(z.strictObject({ id: entityId })),
  /** Finds the interviewer's turns that ask each question and proposes the passage until the next as its answer. */
  'answers.propose': method<AnswerProposal[]>()(
    z.strictObject({ documentId: entityId, guideId: entityId }),
  ),
  'answers.byQuestion': method<AnswerPassage[]>()(z.strictObject({ guideId: entityId })),
  'guides.coverage': method<Coverage>()(z.strictObject({ guideId: entityId })),
  'interview.checks': method<string[]>()(z.strictObject({ documentId: entityId })),
  'interview.setCheck': method<string[]>()(
    z.strictObject({ documentId: entityId, itemId: entityId, checked: z.boolean() }),
  ),
};
