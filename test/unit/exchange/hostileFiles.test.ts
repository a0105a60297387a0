import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildScript } from '../../support/childScript';
import { makeTempDir } from '../../support/tempDir';

/**
 * Files written to break an import: each must be refused (or imported with
 * every dropped item listed) with a message naming the file and the limit,
 * quickly, within a capped heap, and leave the open project as it was.
 */
let script: string;
let folder: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  script = await bundleChildScript('test/support/hostileImport.ts', 'hostile-import');
  folder = makeTempDir();
});
afterAll(() => folder.remove());

const HEAP_MB = 400;

interface Outcome {
  ok: boolean;
  error: { code: string; message: string; params?: Record<string, unknown> } | null;
  warnings: { kind: string; item: string }[] | null;
  milliseconds: number;
  peakMb: number;
  unchanged: boolean;
}

function importIn(method: string, fileName: string, path: string, extra?: object): Outcome {
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, script, makeTempDir().path, method, fileName, path].concat(
      extra ? [JSON.stringify(extra)] : [],
    ),
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (child.status !== 0)
    throw new Error(
      `the import died (${child.signal ?? child.status}): ${child.stderr.slice(-800)}`,
    );
  const outcome = JSON.parse(child.stdout) as Outcome;
  // AXIAL_SHOW_HOSTILE=1 prints each file's time and peak memory, for the record.
  if (process.env.AXIAL_SHOW_HOSTILE)
    console.log(`${fileName}: ${outcome.milliseconds} ms, peak ${outcome.peakMb} MB`);
  return outcome;
}

/** A zip whose one big entry is `megabytes` of the same text, written without holding it whole. */
function bomb(path: string, entries: Record<string, string>, big: string, megabytes: number) {
  const descriptor = openSync(path, 'w');
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    writeSync(descriptor, chunk);
  });
  for (const [name, text] of Object.entries(entries)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  const entry = new ZipDeflate(big, { level: 9 });
  zip.add(entry);
  const piece = strToU8('<w:p><w:r><w:t>bombe</w:t></w:r></w:p>'.repeat(27_000)).subarray(
    0,
    1 << 20,
  );
  for (let megabyte = 0; megabyte < megabytes; megabyte += 1)
    entry.push(piece, megabyte === megabytes - 1);
  zip.end();
  closeSync(descriptor);
  return path;
}

function refusedWell(outcome: Outcome, reason: string, fileName: string) {
  expect(outcome.ok).toBe(false);
  expect(outcome.error?.params?.reason).toBe(reason);
  expect(outcome.error?.message).toContain(fileName);
  expect(outcome.unchanged).toBe(true);
  expect(outcome.milliseconds).toBeLessThan(15_000);
  expect(outcome.peakMb).toBeLessThan(HEAP_MB + 200);
}

const qde = (codes: string, sources = '') =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="P"><CodeBook><Codes>${codes}</Codes></CodeBook><Sources>${sources}</Sources></Project>`;
const G = (number: number) => `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;

describe('hostile files', () => {
  it('a .docx whose text inflates to 400 MB is stopped at 32 MB', () => {
    const path = bomb(
      join(folder.path, 'bombe.docx'),
      { '[Content_Types].xml': '<Types/>' },
      'word/document.xml',
      400,
    );
    const outcome = importIn('documents.previewImport', 'bombe.docx', path);
    refusedWell(outcome, 'docxTooLarge', 'bombe.docx');
    expect(outcome.error?.message).toContain('32 MB');
  });

  it('a .qdpx that inflates to 600 MB is stopped at its limit', () => {
    const path = bomb(
      join(folder.path, 'bombe.qdpx'),
      { 'project.qde': qde('') },
      'sources/a.txt',
      600,
    );
    const outcome = importIn('refi.importProject', 'bombe.qdpx', path);
    refusedWell(outcome, 'archiveBomb', 'bombe.qdpx');
    expect(outcome.error?.message).toContain('64 MB');
  });

  it('tables of 100,000 columns, a million rows or a 20 MB cell are refused at the limit', () => {
    const wide = join(folder.path, 'large.csv');
    writeFileSync(
      wide,
      `${Array.from({ length: 100_000 }, (_, index) => `c${index}`).join(',')}\n`,
    );
    refusedWell(
      importIn('tables.previewImport', 'large.csv', wide, { entityKind: 'case' }),
      'table_columns',
      'large.csv',
    );
    const long = join(folder.path, 'long.csv');
    writeFileSync(long, `nom,population\n${'A,1\n'.repeat(1_000_000)}`);
    refusedWell(
      importIn('tables.previewImport', 'long.csv', long, { entityKind: 'case' }),
      'table_rows',
      'long.csv',
    );
    const cell = join(folder.path, 'cellule.csv');
    writeFileSync(cell, `nom,note\nA,"${'x'.repeat(20 * 1024 * 1024)}"\n`);
    refusedWell(
      importIn('tables.previewImport', 'cellule.csv', cell, { entityKind: 'case' }),
      'table_cell',
      'cellule.csv',
    );
  });

  it('HTML nested 200,000 deep is refused in milliseconds', () => {
    const path = join(folder.path, 'profond.html');
    writeFileSync(path, `${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}`);
    const outcome = importIn('documents.previewImport', 'profond.html', path);
    refusedWell(outcome, 'tooDeep', 'profond.html');
    expect(outcome.milliseconds).toBeLessThan(2000);
  });

  it('a codebook with a 5 MB code name is imported with the name shortened, and says so', () => {
    const path = join(folder.path, 'long.qdc');
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${G(1)}" name="${'n'.repeat(5 * 1024 * 1024)}" isCodable="true"/><Code guid="pas-un-guid" name="Sans identifiant" isCodable="true"/></Codes></CodeBook>`,
    );
    const outcome = importIn('refi.importCodebook', 'long.qdc', path);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings?.map((warning) => warning.kind).sort()).toEqual([
      'badIdentifier',
      'truncated',
    ]);
    expect(outcome.peakMb).toBeLessThan(HEAP_MB + 200);
  });

  it('a .qdpx whose selections give words for positions, or codes without identifiers, lists what it skipped', () => {
    const text = 'Le maire porte le projet.';
    const selections = `<PlainTextSelection guid="${G(5)}" startPosition="trois" endPosition="8"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;
    const path = join(folder.path, 'abime.qdpx');
    writeFileSync(
      path,
      zipSync({
        'project.qde': strToU8(
          qde(
            `<Code guid="${G(1)}" name="Maire" isCodable="true"/><Code guid="" name="Orphelin" isCodable="true"/>`,
            `<TextSource guid="${G(2)}" name="Entretien" plainTextPath="internal://${G(2)}.txt">${selections}</TextSource>`,
          ),
        ),
        [`sources/${G(2)}.txt`]: strToU8(text),
      }),
    );
    const outcome = importIn('refi.importProject', 'abime.qdpx', path);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toEqual(
      expect.arrayContaining([
        { kind: 'badSelection', item: 'Entretien' },
        { kind: 'badIdentifier', item: 'Orphelin' },
      ]),
    );
  });
});
