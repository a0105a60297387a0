import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHeaderDate } from '../../../electron/exchange/import/headerDate';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

const isoDates = fc
  .date({
    min: new Date(Date.UTC(1950, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

function written(iso: string, language: string, style: 'long' | 'full' | 'medium'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

describe('a header line’s date', () => {
  it('is read as French and English write dates, with or without the weekday', () => {
    fc.assert(
      fc.property(
        isoDates,
        fc.constantFrom('fr', 'en'),
        fc.constantFrom('long', 'full', 'medium'),
        (iso, language, style) => {
          expect(parseHeaderDate(written(iso, language, style))).toBe(iso);
        },
      ),
    );
  });

  it('is read day first in figures, ISO as it is, and refused when it is no whole date', () => {
    expect(parseHeaderDate('14/03/2024')).toBe('2024-03-14');
    expect(parseHeaderDate('03.04.2024')).toBe('2024-04-03');
    expect(parseHeaderDate('2024-03-14')).toBe('2024-03-14');
    expect(parseHeaderDate('1er mars 2024')).toBe('2024-03-01');
    for (const text of ['31/02/2024', 'mars 2024', 'printemps 2024', '14 mars', '2024', 'demain'])
      expect(parseHeaderDate(text), text).toBeNull();
  });
});

describe('an imported transcript with a dated header', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await openHarness();
  });
  afterEach(() => harness.close());

  it('takes the header’s date as the document’s, says so in the preview, and leaves others undated', async () => {
    const text = [
      'Entretien avec la DGS de la collectivité A',
      'Date : 14 mars 2024',
      'Lieu : mairie',
      'Enquêteur : Bonjour.',
      'DGS : Bonjour.',
    ].join('\n');
    const preview = await harness.call('documents.previewImport', {
      fileName: 'entretien.txt',
      data: fileBytes(text),
    });
    expect(preview.date).toBe('2024-03-14');
    const document = await harness.call('documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes(text),
    });
    expect(document.date).toBe('2024-03-14');
    const undated = await harness.call('documents.import', {
      fileName: 'notes.txt',
      data: fileBytes('Enquêteur : Bonjour.\nDGS : La date : on verra.'),
    });
    expect(undated.date).toBeNull();
  });
});
