import { z } from 'zod';
import type { ProjectCoder } from '../coders';
import { method } from './method';
import { coderName } from './schemas';

export const codersContract = {
  'coders.list': method<ProjectCoder[]>()(z.strictObject({})),
  /** A coder's colour, chosen by the team: one undo step. */
  'coders.setColour': method<ProjectCoder[]>()(
    z.strictObject({
      name: coderName,
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #0072B2.'),
    }),
  ),
};
