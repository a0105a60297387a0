import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateZip } from '../../../electron/exchange/boundedZip';
import fc from 'fast-check';
import { XmlWriter } from '../../../electron/exchange/refi/xml';
import { EntryPacker, zipFiles } from '../../../electron/exchange/zipWriter';

const everything = { entries: 200_000, perEntry: 1 << 30, total: 1 << 30 };

describe('the zip writer', () => {
  it('writes archives that unzip to the same files, UTF-8 names included', async () => {
    const files = {
      'project.qde': strToU8('<Project name="Étude"/>'),
      'sources/entretien-élue.txt': strToU8('Le maire porte le projet 🙂\n'.repeat(500)),
      'empty.txt': new Uint8Array(0),
    };
    const back = unzipSync(await zipFiles(files));
    expect(Object.keys(back).sort()).toEqual(Object.keys(files).sort());
    for (const [name, data] of Object.entries(files))
      expect(Buffer.from(back[name]!).equals(Buffer.from(data))).toBe(true);
  });

  // Entries past a megabyte are deflated in pieces side by side: the joins must read back.
  it('joins the pieces of long entries into streams any reader inflates', async () => {
    const piece = 1 << 20;
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const words = ['élu', 'réunion', '🙂', 'coopération', '\r\n', 'e\u0301', '👩‍👩‍👧', 'ﬁ', 'a'];
    const text = (bytes: number) => {
      const parts: string[] = [];
      let length = 0;
      while (length < bytes) {
        const word = words[Math.floor(random() * words.length)]!;
        parts.push(word, ' ');
        length += Buffer.byteLength(word) + 1;
      }
      return strToU8(parts.join('')).subarray(0, bytes);
    };
    const files: Record<string, Uint8Array> = {};
    for (const size of [piece - 1, piece, piece + 1, 3 * piece + 17])
      files[`${size}.txt`] = text(size);
    const archive = await zipFiles(files);
    const byFflate = unzipSync(archive);
    const byAxial = inflateZip(archive, () => true, everything);
    for (const [name, data] of Object.entries(files)) {
      expect(Buffer.from(byFflate[name]!).equals(Buffer.from(data))).toBe(true);
      expect(byAxial.ok && Buffer.from(byAxial.files.get(name)!).equals(Buffer.from(data))).toBe(
        true,
      );
    }
    // Deflated, not stored: the archive is smaller than what it holds.
    expect(archive.length).toBeLessThan(
      Object.values(files).reduce((sum, data) => sum + data.length, 0) / 2,
    );
  });

  it('writes a valid archive on a clock before 1980', async () => {
    const archive = await zipFiles({ 'a.txt': strToU8('avant 1980') }, new Date('1970-01-01'));
    const back = inflateZip(archive, () => true, everything);
    expect(back.ok && Buffer.from(back.files.get('a.txt')!).toString()).toBe('avant 1980');
  });

  // About ten seconds: the count itself is the point.
  it('holds more than 65,535 entries (zip64), each read back', { timeout: 60_000 }, async () => {
    const files: Record<string, Uint8Array> = {};
    for (let index = 0; index < 65_600; index += 1)
      files[`sources/${index}.txt`] = strToU8(`source ${index}`);
    const archive = await zipFiles(files);
    // The end of the archive names the count through zip64's own record.
    expect(Buffer.from(archive).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    const back = inflateZip(archive, () => true, everything);
    expect(back.ok && back.files.size).toBe(65_600);
    expect(back.ok && Buffer.from(back.files.get('sources/65599.txt')!).toString()).toBe(
      'source 65599',
    );
  });

  // project.qde is deflated a piece at a time as it is written: any cut must read back whole.
  it('reads back an entry deflated in pieces cut anywhere, beside whole ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        async (elements, chunkLength) => {
          const packer = new EntryPacker();
          const chunked = new XmlWriter(
            (text) => packer.add(Buffer.from(text, 'utf8')),
            chunkLength,
          );
          const whole = new XmlWriter();
          for (const writer of [chunked, whole]) {
            writer.open('Project', { name: 'Étude' });
            for (const element of elements) writer.text('Note', element);
            writer.close('Project');
          }
          packer.add(Buffer.from(chunked.toString(), 'utf8'), true);
          const expected = strToU8(whole.toString());
          const back = unzipSync(
            await zipFiles({ 'project.qde': packer.packed(), 'other.txt': strToU8('autre') }),
          );
          expect(Buffer.from(back['project.qde']!).equals(Buffer.from(expected))).toBe(true);
          expect(new TextDecoder().decode(back['other.txt'])).toBe('autre');
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });
});
