import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { z } from 'zod';
import { AxialError } from '../../shared/errors';
import { pseudonymKinds } from '../../shared/pseudonyms';
import type { PseudonymEntry } from '../../shared/pseudonyms';
import type { PseudonymisationLog } from './pseudonymiseProject';

/** What re-identifies a pseudonymised copy: the table and every replacement made, where. */
export interface PseudonymKey {
  /** The copy this key re-identifies, by its project id and the time it was made. */
  projectId: string;
  madeAt: string;
  entries: PseudonymEntry[];
  log: PseudonymisationLog;
}

// scrypt's cost: 2^17 × 8 × 128 bytes = 128 MB and about a third of a second here, as OWASP
// advises for a key typed by a person; the file holds its parameters, so they can grow later.
const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Above what the cost needs; a file asking for more (up to 2^18) stays within it. */
const MEMORY = 300 * 1024 * 1024;

const replacement = z.strictObject({
  start: z.number().int().min(0),
  pseudonym: z.string(),
  original: z.string(),
});

const keySchema = z.strictObject({
  projectId: z.string(),
  madeAt: z.string(),
  entries: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(pseudonymKinds),
      real: z.string(),
      variants: z.array(z.string()),
      pseudonym: z.string(),
      source: z.strictObject({ kind: z.enum(['participant', 'case']), id: z.string() }).nullable(),
    }),
  ),
  log: z.strictObject({
    documents: z.array(
      z.strictObject({
        documentId: z.string(),
        text: z.array(replacement),
        speakers: z.array(
          z.strictObject({
            block: z.number().int().min(0),
            original: z.string(),
            pseudonymised: z.string(),
          }),
        ),
      }),
    ),
    fields: z.array(
      z.strictObject({
        table: z.string(),
        id: z.string(),
        column: z.string(),
        replacements: z.array(replacement),
      }),
    ),
  }),
});

const fileSchema = z.strictObject({
  format: z.literal('axial-pseudonym-key'),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 18),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(4),
    salt: z.string(),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string() }),
  data: z.string(),
});

function derive(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }) {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...cost, maxmem: MEMORY });
}

/**
 * The key as a file of its own, encrypted with the passphrase (scrypt, then
 * AES-256-GCM, which also proves on reading that the passphrase and the file
 * are the ones written): without both, it says nothing of the real names.
 */
export function writeKeyFile(key: PseudonymKey, passphrase: string): string {
  if (passphrase.length < 8)
    throw new AxialError(
      'invalid_input',
      'Choose a passphrase of at least 8 characters: whoever has it and the key file can re-identify the copy.',
      { reason: 'shortPassphrase' },
    );
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, COST), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(key), 'utf8'), cipher.final()]);
  return `${JSON.stringify(
    {
      format: 'axial-pseudonym-key',
      version: 1,
      kdf: { name: 'scrypt', ...COST, salt: salt.toString('base64') },
      cipher: {
        name: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
      data: data.toString('base64'),
    },
    null,
    2,
  )}\n`;
}

/** The key back from its file; a wrong passphrase, or a file changed since, is refused. */
export function readKeyFile(text: string, passphrase: string, fileName: string): PseudonymKey {
  let file: z.infer<typeof fileSchema>;
  try {
    file = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new AxialError(
      'invalid_file',
      `"${fileName}" is not an Axial key file: it was not written by "Export a pseudonymised copy".`,
      { file: fileName, reason: 'notKeyFile' },
    );
  }
  let plain: string;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derive(passphrase, Buffer.from(file.kdf.salt, 'base64'), file.kdf),
      Buffer.from(file.cipher.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    plain = Buffer.concat([
      decipher.update(Buffer.from(file.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new AxialError(
      'invalid_input',
      `The passphrase does not open "${fileName}" (or the file was changed since it was written). Nothing was re-identified.`,
      { file: fileName, reason: 'wrongPassphrase' },
    );
  }
  return keySchema.parse(JSON.parse(plain)) as PseudonymKey;
}
