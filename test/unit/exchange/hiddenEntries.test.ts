import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/exchange/import/importDocument';
import { readXlsx } from '../../../electron/exchange/tables/readXlsx';

function localHeader(name: string, method: number, data: Buffer, size: number, checksum: number) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(checksum, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

function centralHeader(
  name: string,
  method: number,
  compressed: number,
  size: number,
  checksum: number,
  offset: number,
) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(method, 10);
  header.writeUInt32LE(checksum, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(Buffer.byteLength(name), 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, Buffer.from(name)]);
}

/**
 * A zip whose local headers show a small `part`, while its central directory
 * (what mammoth and ExcelJS follow) points at a 100 MB one hidden inside the
 * stored data of another entry: found by a review of the bounded reader.
 */
function hiddenBomb(part: string): Buffer {
  const size = 100 * 1024 * 1024;
  const packed = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
  const bomb = { length: size };
  const checksum = crc32(Buffer.alloc(size, 0x20));
  const hidden = localHeader(part, 8, packed, bomb.length, checksum);
  const small = Buffer.from('<w:document/>');
  const shown = localHeader(part, 0, small, small.length, crc32(small));
  const pad = localHeader('pad.bin', 0, hidden, hidden.length, crc32(hidden));
  const hiddenAt = shown.length + 30 + 'pad.bin'.length;
  const directory = Buffer.concat([
    centralHeader(part, 8, packed.length, bomb.length, checksum, hiddenAt),
    centralHeader('pad.bin', 0, hidden.length, hidden.length, crc32(hidden), shown.length),
  ]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(shown.length + pad.length, 16);
  return Buffer.concat([shown, pad, directory, end]);
}

describe('entries hidden from the bounded reader', () => {
  it('never reach the Word converter: it reads only what was measured', async () => {
    const file = hiddenBomb('word/document.xml');
    const before = process.memoryUsage().arrayBuffers;
    const outcome = await parseImport('rapport.docx', file).then(
      (parsed) => ({ ok: true as const, parsed }),
      (error: unknown) => ({
        ok: false as const,
        error: error as { params?: { reason?: string } },
      }),
    );
    // The small part shown is no Word document: refused as such, the hidden one never inflated.
    expect(outcome.ok ? 'parsed' : outcome.error.params?.reason).toBe('notDocx');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('never reach the workbook reader', async () => {
    await expect(readXlsx(hiddenBomb('xl/workbook.xml'), 'cas.xlsx')).rejects.toMatchObject({
      params: { reason: 'notXlsx' },
    });
  });
});
