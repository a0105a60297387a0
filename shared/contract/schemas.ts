import { z } from 'zod';
import { languages } from '../domain';

/** Shared building blocks for method inputs. */

// Methods without arguments accept nothing or an empty object, and nothing else.
export const emptyInput = z.strictObject({}).default({});

export const filePath = z
  .string()
  .trim()
  .min(1, 'Give the path of a file.')
  .max(4096, 'This path is too long.')
  .refine((value) => !value.includes('\0'), 'A path cannot contain a null character.');

export const projectTitle = z
  .string()
  .trim()
  .min(1, 'Give the project a title.')
  .max(200, 'A title is at most 200 characters.');

export const projectDescription = z
  .string()
  .max(20000, 'A description is at most 20,000 characters.');

export const language = z.enum(languages);

/**
 * A coder's name, in Unicode's composed form: "Amélie" typed with a combining
 * accent is the same coder as "Amélie" typed with an é, not a second one.
 */
export const coderName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((name) => name.normalize('NFC'));

/**
 * A file's bytes, as IPC, the core's port and the web host's framed bodies carry
 * them (Node's Buffer is a Uint8Array too).
 */
export function fileBytes(maxBytes: number, tooLarge = 'This file is too large to import.') {
  return z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, {
      message: 'The file data is missing or is not bytes.',
    })
    .refine((bytes) => bytes.byteLength <= maxBytes, tooLarge);
}
