import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';
import { characters } from '../../support/editModel';

/**
 * Every coding lands on its exact words, whatever the positions: generated
 * texts (CRLF, combining accents, ligatures, emoji, ZWJ sequences), selections
 * anywhere (not on word boundaries), written as each program counts them, and
 * Axial's own round trip. AXIAL_PROPERTY_RUNS widens the runs.
 */
const runs = Math.max(20, Math.round(Number(process.env.AXIAL_PROPERTY_RUNS ?? 1000) / 10));

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

/** How a program writes its sources and counts its selections. */
type Convention = 'standard' | 'nvivo' | 'qualcoder';

const origins: Record<Convention, string | null> = {
  standard: null,
  nvivo: 'NVivo 14 (Windows)',
  qualcoder: 'QualCoder 3.6',
};

const line = fc
  .array(fc.constantFrom(...characters.filter((piece) => !/[\r\t]/.test(piece)), 'b', 'c'), {
    minLength: 0,
    maxLength: 14,
  })
  .map((pieces) => pieces.join(''));

const source = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 5 }),
  newline: fc.constantFrom('\n', '\r\n'),
  selections: fc.array(fc.tuple(fc.nat(999), fc.nat(999), fc.nat(1)), {
    minLength: 1,
    maxLength: 6,
  }),
});

/** A program's position for an offset of the text as Axial stores it (line breaks as one). */
function positionFor(convention: Convention, lines: string[], newline: string, offset: number) {
  const text = lines.join('\n');
  const before = sliceCodePoints(text, 0, offset);
  const raw = before.split('\n').join(newline);
  if (convention === 'qualcoder') return offset;
  if (convention === 'nvivo') return raw.length;
  return Array.from(raw).length;
}

const G = (number: number) => `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
const codeGuids = [G(1), G(2)];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A .qdpx as the program would write it, and the words each of its codings must land on. */
function foreignArchive(
  convention: Convention,
  sources: { lines: string[]; newline: string; selections: [number, number, number][] }[],
) {
  const expected: string[] = [];
  const files: Record<string, Uint8Array> = {};
  let guid = 100;
  const xmlSources = sources.map((entry, index) => {
    const text = entry.lines.join('\n');
    const length = Array.from(text).length;
    const sourceGuid = G((guid += 1));
    files[`sources/${sourceGuid}.txt`] = strToU8(entry.lines.join(entry.newline));
    const seen = new Set<string>();
    const selections = entry.selections.flatMap(([at, span, code]) => {
      const start = Math.floor((at / 1000) * length);
      const end = Math.min(length, start + 1 + Math.floor((span / 1000) * (length - start)));
      const key = `${code}:${start}:${end}`;
      if (end <= start || seen.has(key)) return [];
      seen.add(key);
      expected.push(`${code}:${sliceCodePoints(text, start, end)}`);
      const from = positionFor(convention, entry.lines, entry.newline, start);
      const to = positionFor(convention, entry.lines, entry.newline, end);
      return [
        `<PlainTextSelection guid="${G((guid += 1))}" startPosition="${from}" endPosition="${to}"><Coding guid="${G((guid += 1))}"><CodeRef targetGUID="${codeGuids[code]}"/></Coding></PlainTextSelection>`,
      ];
    });
    return `<TextSource guid="${sourceGuid}" name="Entretien ${index + 1}" plainTextPath="internal://${sourceGuid}.txt">${selections.join('')}</TextSource>`;
  });
  const origin = origins[convention];
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Étude"${origin ? ` origin="${escape(origin)}"` : ''}>
<CodeBook><Codes><Code guid="${codeGuids[0]}" name="0" isCodable="true"/><Code guid="${codeGuids[1]}" name="1" isCodable="true"/></Codes></CodeBook>
<Sources>${xmlSources.join('')}</Sources></Project>`;
  files['project.qde'] = strToU8(qde);
  return { data: Buffer.from(zipSync(files)), expected: expected.sort() };
}

let imports = 0;
async function placedWords(data: Uint8Array) {
  imports += 1;
  const { report } = await harness.call('refi.importProject', {
    fileName: 'autre.qdpx',
    data,
    path: join(harness.folder, `import-${imports}.axial`),
  });
  const codes = await harness.call('codes.list', {});
  const names = new Map(codes.map((code) => [code.id, code.name]));
  const passages = await harness.call('passages.list', {});
  return {
    report,
    words: passages.map((passage) => `${names.get(passage.coding.codeId)}:${passage.text}`).sort(),
  };
}

describe('REFI-QDA selections at arbitrary positions', () => {
  for (const convention of ['standard', 'nvivo', 'qualcoder'] as const) {
    it(`land on their exact words when written as ${convention === 'standard' ? 'the standard counts' : `${convention} writes them`}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 3 }), async (sources) => {
          const { data, expected } = foreignArchive(convention, sources);
          const { words, report } = await placedWords(data);
          expect(report.warnings).toEqual([]);
          expect(words).toEqual(expected);
        }),
        { numRuns: runs, seed: 20261202 },
      );
    });
  }

  it("land on their exact words through Axial's own .qdpx and back, turns written into the text", async () => {
    let round = 0;
    // Turns with speakers and times, which the export writes into the source's text.
    const turn = fc
      .tuple(
        fc.constantFrom('', 'Marie : ', 'Paul Émile : ', '[0:01:02] Marie : ', '[1:00:00] '),
        line,
      )
      .map(([label, words]) => `${label}${words || 'x'}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(turn, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(999), fc.nat(999)), { minLength: 1, maxLength: 8 }),
        async (lines, selections) => {
          round += 1;
          await harness.call('projects.create', {
            path: join(harness.folder, `axial-${round}.axial`),
            title: 'Aller',
          });
          const text = `a${lines.join('\n')}`;
          const document = await harness.call('documents.import', {
            fileName: 'entretien.txt',
            data: fileBytes(text),
          });
          const code = await harness.call('codes.create', { name: 'C', codable: true });
          const stored = (await harness.call('passages.list', {})).length;
          expect(stored).toBe(0);
          const expected = new Set<string>();
          for (const [at, span] of selections) {
            const start = Math.floor((at / 1000) * document.length);
            const end = Math.min(
              document.length,
              start + 1 + Math.floor((span / 1000) * (document.length - start)),
            );
            if (end <= start) continue;
            await harness.call('codings.create', {
              documentId: document.id,
              start,
              end,
              version: document.version,
              codeIds: [code.id],
            });
            expected.add(`C:${start}:${end}`);
          }
          const before = (await harness.call('passages.list', {})).map(
            (passage) => `C:${passage.text}`,
          );
          const exported = await harness.call('refi.exportProject', {});
          const { words, report } = await placedWords(exported.file.data);
          expect(report.counting?.basis).toBe('axial');
          expect(words).toEqual(before.sort());
          expect(words).toHaveLength(expected.size);
        },
      ),
      { numRuns: runs, seed: 20261203 },
    );
  });
});
