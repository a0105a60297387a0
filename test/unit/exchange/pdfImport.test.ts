import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../electron/exchange/import/blocks';
import { parseImport } from '../../../electron/exchange/import/importDocument';
import { PDF_PAGE_LIMIT } from '../../../electron/exchange/import/pdfBlocks';
import { AxialError } from '../../../shared/errors';
import { pdfFile, typesetPdf } from '../../support/pdfFile';

async function refusal(promise: Promise<unknown>): Promise<AxialError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AxialError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('PDF import', () => {
  it('reads a report as headings and paragraphs, each with its page, without running heads or page numbers', async () => {
    const paragraphs = [
      { text: 'Rapport sur la participation citoyenne', heading: true },
      {
        text: 'La métropole a installé en 2021 un panel de quarante habitants tirés au sort, chargé d’évaluer chaque année la politique de mobilité et d’en rendre compte au conseil.',
      },
      {
        text: 'Les élus de l’opposition y voient « une caution » ; la direction générale, un outil de pilotage. L’œuvre commune reste fragile.',
      },
      ...Array.from({ length: 40 }, (_, index) => ({
        text: `Au paragraphe ${index + 1}, la coopération intercommunale avance, réunion après réunion, avec les associations du territoire et les services de l’État.`,
      })),
    ];
    const { bytes, pageOf, pages } = await typesetPdf(paragraphs, {
      runningHead: 'Rapport d’activité 2023',
    });
    expect(pages).toBeGreaterThanOrEqual(3);
    const parsed = await parseImport('rapport.pdf', bytes);
    expect(parsed.format).toBe('pdf');
    expect(parsed.pages).toEqual({ count: pages, withoutText: [] });
    expect(parsed.blocks.map((block) => blockText(block))).toEqual(
      paragraphs.map((paragraph) => paragraph.text),
    );
    expect(parsed.blocks.map((block) => block.page)).toEqual(pageOf);
    expect(parsed.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    expect(parsed.blocks.slice(1).every((block) => block.type === 'paragraph')).toBe(true);
    // The original comes back to be kept in the project, unchanged.
    expect(parsed.original?.length).toBeGreaterThan(0);
  });

  it('mends a word cut at the end of a line, and keeps a hyphen before a capital', async () => {
    const bytes = await pdfFile([
      {
        lines: [
          { text: 'La directrice générale des services le dit sans détour : la coopé-', top: 100 },
          { text: 'ration intercommunale avance lentement, et le Porte-', top: 114 },
          { text: 'Parole du président le confirme volontiers devant le conseil.', top: 128 },
        ],
      },
    ]);
    const parsed = await parseImport('coupures.pdf', bytes);
    expect(parsed.blocks.map(blockText)).toEqual([
      'La directrice générale des services le dit sans détour : la coopération intercommunale avance lentement, et le Porte- Parole du président le confirme volontiers devant le conseil.',
    ]);
  });

  it('says a scanned PDF has no text, and how to get some', async () => {
    const bytes = await pdfFile([
      { lines: [], picture: true },
      { lines: [], picture: true },
    ]);
    const error = await refusal(parseImport('scan.pdf', bytes));
    expect(error.code).toBe('invalid_file');
    expect(error.params).toMatchObject({ reason: 'pdfScanned', count: 2, file: 'scan.pdf' });
    expect(error.message).toMatch(/OCR/);
  });

  it('names the pages without text of a PDF that has some', async () => {
    const bytes = await pdfFile([
      { lines: [{ text: 'Compte rendu de la réunion du 14 mars.', top: 100 }] },
      { lines: [], picture: true },
    ]);
    const parsed = await parseImport('mixte.pdf', bytes);
    expect(parsed.pages).toEqual({ count: 2, withoutText: [2] });
  });

  it('refuses a file that is not a PDF, and one past the page limit, saying why', async () => {
    const notPdf = await refusal(
      parseImport('faux.pdf', new TextEncoder().encode('Bonjour, ceci est du texte.')),
    );
    expect(notPdf.params).toMatchObject({ reason: 'notPdf', file: 'faux.pdf' });
    const cut = (await pdfFile([{ lines: [{ text: 'Début', top: 100 }] }])).slice(0, 200);
    expect((await refusal(parseImport('coupé.pdf', cut))).params).toMatchObject({
      reason: 'notPdf',
    });
    const many = await pdfFile(Array.from({ length: PDF_PAGE_LIMIT + 1 }, () => ({ lines: [] })));
    const tooMany = await refusal(parseImport('annuaire.pdf', many));
    expect(tooMany.code).toBe('file_too_large');
    expect(tooMany.params).toMatchObject({ reason: 'pdfTooManyPages', limit: PDF_PAGE_LIMIT });
  });

  // Whatever the words and however they fall on lines and pages: none lost, none moved, each
  // paragraph on the page it was printed on.
  it('keeps every word of any text, in order, on its page', async () => {
    const word = fc.constantFrom(
      'réunion',
      'coopération',
      'élu',
      'Ça',
      'e\u0301te\u0301',
      'œuvre',
      'l’État',
      '«',
      '»',
      'intercommunalité',
      '2023',
      '14,5 %',
      'Noël',
      'a',
    );
    // Body text first, as any document has: the lines' spacing is read from it.
    const intro = {
      text: 'Ce rapport présente les résultats de l’enquête menée auprès des six collectivités, entre mars et juin, par entretiens semi-directifs.',
    };
    const paragraph = fc
      .array(word, { minLength: 1, maxLength: 60 })
      .map((list) => ({ text: list.join(' ') }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(paragraph, { minLength: 1, maxLength: 30 }).map((list) => [intro, ...list]),
        fc.integer({ min: 150, max: 480 }),
        async (paragraphs, width) => {
          const { bytes, pageOf } = await typesetPdf(paragraphs, { width });
          const parsed = await parseImport('généré.pdf', bytes);
          const read = parsed.blocks.map((block) => blockText(block).normalize('NFC'));
          expect(words(read.join(' '))).toEqual(
            words(paragraphs.map((each) => each.text.normalize('NFC')).join(' ')),
          );
          expect(read).toEqual(paragraphs.map((each) => each.text.normalize('NFC')));
          expect(parsed.blocks.map((block) => block.page)).toEqual(pageOf);
        },
      ),
      { numRuns: 60, seed: 21 },
    );
  }, 120_000);
});
