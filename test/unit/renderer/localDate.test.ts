import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocalDate, parseLocalDate } from '../../../renderer/components/localDate';

const isoDates = fc
  .date({
    min: new Date(Date.UTC(1, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31)),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('dates typed in the interface’s language', () => {
  it('read back what they show, in French and in English, and take ISO dates in both', () => {
    fc.assert(
      fc.property(isoDates, fc.constantFrom('fr', 'en'), (iso, language) => {
        expect(parseLocalDate(formatLocalDate(iso, language), language)).toBe(iso);
        expect(parseLocalDate(iso, language)).toBe(iso);
      }),
    );
  });

  it('are read day first in French and month first in English', () => {
    expect(formatLocalDate('2024-03-14', 'fr')).toBe('14/03/2024');
    expect(formatLocalDate('2024-03-14', 'en')).toBe('03/14/2024');
    expect(parseLocalDate('14/03/2024', 'fr')).toBe('2024-03-14');
    expect(parseLocalDate('14.3.24', 'fr')).toBe('2024-03-14');
    expect(parseLocalDate('3/14/2024', 'en')).toBe('2024-03-14');
    expect(parseLocalDate('4 5 2024', 'fr')).toBe('2024-05-04');
  });

  it('refuse what is no date rather than guess one', () => {
    for (const text of [
      '14/03/2024 12',
      '31/02/2024',
      '14/13/2024',
      '14/03/202',
      'mars 2024',
      '',
      '2024-02-30',
    ])
      expect(parseLocalDate(text, 'fr'), text).toBeNull();
    expect(parseLocalDate('14/03/2024', 'en')).toBeNull();
  });
});
