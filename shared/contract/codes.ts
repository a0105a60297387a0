import { z } from 'zod';
import { NAME_LIMIT, DESCRIPTION_LIMIT, MEMO_LIMIT } from '../limits';
import type { CodeNode } from '../documents';
import { entityId } from './documents';
import { method } from './method';
import { coderName, emptyInput } from './schemas';

const codeName = z
  .string()
  .trim()
  .min(1, 'Give the code a name.')
  .max(NAME_LIMIT, `A code name is at most ${NAME_LIMIT} characters.`);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #0072B2.');

export const codesContract = {
  'codes.list': method<CodeNode[]>()(emptyInput),
  /** One coder's codings per code, for the codebook of a view by coder (blind coding). */
  'codes.countsOf': method<Record<string, number>>()(z.strictObject({ coder: coderName })),
  'codes.create': method<CodeNode>()(
    z.strictObject({
      parentId: entityId.nullable().default(null),
      /** Under the "In vivo" group (made if need be, in the same undo step) instead of `parentId`. */
      inVivoGroup: z.boolean().default(false),
      name: codeName,
      colour: colour.optional(),
      description: z.string().max(DESCRIPTION_LIMIT).default(''),
      codable: z.boolean().optional(),
    }),
  ),
  'codes.update': method<CodeNode>()(
    z
      .strictObject({
        id: entityId,
        name: codeName.optional(),
        colour: colour.optional(),
        description: z.string().max(DESCRIPTION_LIMIT).optional(),
        memo: z.string().max(MEMO_LIMIT).optional(),
        codable: z.boolean().optional(),
      })
      .refine((input) => Object.keys(input).length > 1, 'Change at least one property.'),
  ),
  /** Moves a node under `parentId` (null: top level) at `index` among its new siblings. */
  'codes.move': method<CodeNode[]>()(
    z.strictObject({ id: entityId, parentId: entityId.nullable(), index: z.number().int().min(0) }),
  ),
  /** All codings of `sourceId` go to `targetId`; the same passage coded twice collapses into one. */
  'codes.merge': method<{ moved: number; collapsed: number }>()(
    z.strictObject({ sourceId: entityId, targetId: entityId }),
  ),
  'codes.deletionImpact': method<{ codes: number; codings: number }>()(
    z.strictObject({ id: entityId }),
  ),
  'codes.delete': method<{ codes: number; codings: number }>()(z.strictObject({ id: entityId })),
};
