import { z } from 'zod';
import { attributeTypes, entityKinds } from '../../../shared/cases';

/**
 * Read back only by Axial, and checked like any input: a hand-edited or
 * foreign file of that name is ignored rather than trusted.
 */
export const axialExtensionSchema = z.object({
  format: z.literal('axial-refi-extension'),
  version: z.literal(1),
  /** Case GUIDs that are Axial participants, with the case each belongs to. */
  participants: z.record(z.string(), z.object({ caseGuid: z.string().nullable() })),
  /** Memos of cases and participants (REFI-QDA cases have no notes). */
  entityMemos: z.record(z.string(), z.string()),
  variables: z.record(
    z.string(),
    z.object({
      name: z.string(),
      entityKind: z.enum(entityKinds),
      type: z.enum(attributeTypes),
      unit: z.string().nullable(),
      choices: z.array(z.string()),
    }),
  ),
  sources: z.record(
    z.string(),
    z.object({
      kind: z.enum(['transcript', 'secondary']),
      /** The editor document (turns, speakers, times, headings), used when its text is the source's. */
      content: z.unknown(),
    }),
  ),
});

export type AxialExtension = z.infer<typeof axialExtensionSchema>;
