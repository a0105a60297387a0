import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/commands';
import type { Harness } from '../support/apiHarness';
import { openHarness } from '../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

async function axial(...args: string[]) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out: out.join('\n'), error: error.join('\n') };
}

describe('axial report', () => {
  it('writes the demo’s report for Word, in a template’s styles when given one, and refuses a file that is not one', async () => {
    const demo = await harness.call('projects.openDemo', {});
    await harness.call('projects.close', {});
    const out = join(harness.folder, 'rapport.docx');
    const written = await axial('report', demo.path, '--out', out);
    expect(written.error).toBe('');
    expect(written).toMatchObject({ code: 0, out: `Wrote ${out}` });
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(out) });
    expect(html).toContain('Tableau 4. Typologie : Usagers, habitants, associations');
    expect(html).toContain('4/6 cas (A, B, D, E)');

    // A template whose captions are in Garamond, dark red: the report's captions take them.
    const template = join(harness.folder, 'styles.docx');
    writeFileSync(
      template,
      await Packer.toBuffer(
        new Document({
          styles: {
            paragraphStyles: [
              { id: 'Caption', name: 'caption', run: { font: 'Garamond', color: '7F0000' } },
            ],
          },
          sections: [{ children: [new Paragraph('Gabarit')] }],
        }),
      ),
    );
    const styled = join(harness.folder, 'rapport stylé.docx');
    expect((await axial('report', demo.path, '--out', styled, '--template', template)).code).toBe(
      0,
    );
    const styles = strFromU8(unzipSync(readFileSync(styled))['word/styles.xml']!);
    const caption = /<w:style [^>]*w:styleId="Caption"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(caption).toContain('Garamond');
    // The report's own quotation style fills what the template lacks.
    expect(styles).toContain('w:styleId="Quote"');

    const notWord = join(harness.folder, 'notes.txt');
    writeFileSync(notWord, 'pas un modèle');
    const refusedOut = join(harness.folder, 'refusé.docx');
    const refused = await axial('report', demo.path, '--out', refusedOut, '--template', notWord);
    expect(refused.code).toBe(1);
    expect(refused.error).toContain('not a Word document or template');
    expect(existsSync(refusedOut)).toBe(false);
    expect((await axial('report', demo.path, '--out', join(harness.folder, 'r.pdf'))).code).toBe(2);
  });
});
