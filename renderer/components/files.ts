/** A File's bytes, the form files take across the API. */
export async function readBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Text as UTF-8 bytes, as if read from a file. */
export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
