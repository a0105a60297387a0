import { AxialError } from '../../../shared/errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Bytes of a text file → text, with CRLF and CR turned into LF. A BOM decides;
 * without one, valid UTF-8 is UTF-8 and anything else is Windows-1252 (a
 * superset of Latin-1 for the printable range, and what French Windows writes).
 */
export function decodeText(
  bytes: Uint8Array,
  fileName: string,
): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = isValidUtf8(bytes) ? 'utf-8' : 'windows-1252';
  }
  if (encoding === 'utf-8' || encoding === 'windows-1252') refuseBinary(body, fileName);
  const text = new TextDecoder(encoding).decode(body).replace(/\r\n?/g, '\n');
  if (controlRatio(text) > 0.001) {
    throw binaryError(fileName);
  }
  return { text, encoding };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function binaryError(fileName: string): AxialError {
  return new AxialError(
    'invalid_file',
    `"${fileName}" is not a text file (it holds binary data). Import transcripts as .txt, .docx, .md or .html.`,
    { file: fileName, reason: 'binary' },
  );
}

/** A NUL byte in a file without a UTF-16 BOM means binary data (an image, a PDF, an executable). */
function refuseBinary(bytes: Uint8Array, fileName: string): void {
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) throw binaryError(fileName);
}

function controlRatio(text: string): number {
  const sample = text.slice(0, 65536);
  // Control characters other than tab, line feed, form feed and carriage return mark binary data.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls / Math.max(sample.length, 1);
}
