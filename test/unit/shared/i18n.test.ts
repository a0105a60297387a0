import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { fr } from '../../../shared/i18n/fr';
import { errorCodes } from '../../../shared/errors';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [leaf, text] of leaves(value as object, path)) result.set(leaf, text);
  }
  return result;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const english = leaves(en);
  const french = leaves(fr);

  it('have the same keys in French and English, none empty, plurals complete', () => {
    for (const key of english.keys()) {
      if (key.endsWith('_one')) expect(english.has(key.replace(/_one$/, '_other')), key).toBe(true);
    }
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...french]) expect(text.trim(), key).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/{{(\w+(?:, *\w+)?)}}/g)].map((match) => match[1]).sort();
    for (const [key, text] of english) {
      expect(placeholders(french.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('translate every error code', () => {
    for (const code of errorCodes) expect(english.has(`errors.${code}`), code).toBe(true);
  });

  it('word every error reason the main process gives', () => {
    const reasons = new Set<string>();
    for (const file of sourceFiles('electron')) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/reason: '([a-zA-Z]+)'/g)) reasons.add(match[1]!);
      for (const match of source.matchAll(/reason: [^,}]*\? '([a-zA-Z]+)' : '([a-zA-Z]+)'/g)) {
        reasons.add(match[1]!);
        reasons.add(match[2]!);
      }
    }
    expect(reasons.size).toBeGreaterThan(10);
    for (const reason of reasons) expect(english.has(`errorReasons.${reason}`), reason).toBe(true);
    for (const kind of ['badNumber', 'badDate', 'badBoolean', 'badChoice'])
      expect(english.has(`errorReasons.${kind}`)).toBe(true);
  });

  it('contain every literal key the renderer and the menu use', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles('renderer'), ...sourceFiles('electron')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g))
        used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    // A counted string exists as key_one and key_other (i18next plurals).
    for (const key of used) expect(english.has(key) || english.has(`${key}_other`), key).toBe(true);
  });
});

describe('the import report', () => {
  it('gives each count its own plural, in both languages (a new-user walk saw "1 documents")', async () => {
    const { createInstance } = await import('i18next');
    const { resources } = await import('../../../shared/i18n/resources');
    for (const [language, one, many] of [
      ['en', '1 document', '3 coded passages'],
      ['fr', '1 document', '3 passages codés'],
    ] as const) {
      const i18n = createInstance();
      await i18n.init({ resources, lng: language, interpolation: { escapeValue: false } });
      expect(i18n.t('exchange.report.items.sources', { count: 1 })).toBe(one);
      expect(i18n.t('exchange.report.items.codings', { count: 3 })).toBe(many);
    }
  });
});

describe('every counted message', () => {
  it('takes the language’s plural and writes its count as the language writes numbers', async () => {
    const { createInstance } = await import('i18next');
    const { resources } = await import('../../../shared/i18n/resources');
    for (const language of ['en', 'fr'] as const) {
      const i18n = createInstance();
      await i18n.init({ resources, lng: language, interpolation: { escapeValue: false } });
      const strings = leaves(language === 'en' ? en : fr);
      const counted = [...strings.keys()].filter((key) => key.endsWith('_one'));
      expect(counted.length).toBeGreaterThan(30);
      const number = new Intl.NumberFormat(language);
      // French says "0 passage" and "1 passage" in the singular, English "0 passages".
      const rule = new Intl.PluralRules(language);
      for (const key of counted) {
        const base = key.replace(/_one$/, '');
        for (const count of [0, 1, 2, 1_200_000]) {
          const text = i18n.t(base, { count, name: 'x', file: 'f', value: 'v' });
          const form = strings.get(`${base}_${rule.select(count) === 'one' ? 'one' : 'other'}`)!;
          if (form.includes('{{count'))
            expect(text, `${key} ${count}`).toContain(number.format(count));
          // The form the language's plural rule picks, its count written by Intl.
          const given: Record<string, string> = { name: 'x', file: 'f', value: 'v' };
          const names = [...form.matchAll(/{{(\w+)/g)].map((match) => match[1]!);
          if (names.every((name) => name === 'count' || name in given))
            expect(text, `${key} ${count}`).toBe(
              form.replace(/{{(\w+)(?:, number)?}}/g, (_whole, name: string) =>
                name === 'count' ? number.format(count) : given[name]!,
              ),
            );
        }
        expect(i18n.t(base, { count: 1_200_000 }), key).not.toContain('1200000');
      }
      // Every count goes through Intl: none is written raw.
      for (const [key, text] of strings) expect(text, key).not.toMatch(/{{count}}/);
    }
    const french = createInstance();
    await french.init({ resources, lng: 'fr', interpolation: { escapeValue: false } });
    expect(french.t('documents.codingCount', { count: 0 })).toBe('0 codage');
    expect(french.t('documents.codingCount', { count: 1_200_000 })).toBe(
      '1\u202f200\u202f000 codages',
    );
  });
});

describe('the undo history’s labels', () => {
  it('name every action of the history in both languages (a walk saw “Undo: coding null”)', async () => {
    const { createInstance } = await import('i18next');
    const { resources } = await import('../../../shared/i18n/resources');
    const { historyActions } = await import('../../../shared/history');
    const { historyStepLabel } = await import('../../../renderer/features/workspace/historyLabel');
    for (const [language, undo, redo] of [
      ['en', 'Undo: ', 'Redo: '],
      ['fr', 'Annuler : ', 'Rétablir : '],
    ] as const) {
      const i18n = createInstance();
      await i18n.init({ resources, lng: language, interpolation: { escapeValue: false } });
      const words = leaves(language === 'en' ? en : fr);
      for (const action of historyActions) {
        expect(
          words.get(`history.actions.${action}`)?.trim(),
          `${language} ${action}`,
        ).toBeTruthy();
        for (const [direction, prefix] of [
          ['undo', undo],
          ['redo', redo],
        ] as const) {
          const label = historyStepLabel(i18n.t, direction, action);
          expect(label, `${language} ${action}`).toBe(
            prefix + words.get(`history.actions.${action}`)!,
          );
          expect(label).not.toMatch(/null|undefined|history\.|{{/);
        }
      }
      // Nothing to undo: no tooltip; a label from a newer version: the plain button's name.
      expect(historyStepLabel(i18n.t, 'undo', null)).toBe('');
      expect(
        historyStepLabel(i18n.t, 'redo', 'somethingNew' as (typeof historyActions)[number]),
      ).toBe(language === 'en' ? 'Redo' : 'Rétablir');
    }
  });
});

describe('a coder’s name after “de”', () => {
  it('elides before a vowel or a mute h in French, and takes ’s in English', async () => {
    const { possessive, addFormatters } = await import('../../../shared/i18n/formatters');
    expect(
      ['Amélie', 'Bruno', 'Hélène', 'Éric', 'Yves', 'Yann', 'Œdipe', 'Ulysse'].map((name) =>
        possessive(name, 'fr'),
      ),
    ).toEqual([
      'd’Amélie',
      'de Bruno',
      'd’Hélène',
      'd’Éric',
      'd’Yves',
      'de Yann',
      'd’Œdipe',
      'd’Ulysse',
    ]);
    expect(possessive('Amélie', 'en')).toBe('Amélie’s');

    const { createInstance } = await import('i18next');
    const { resources } = await import('../../../shared/i18n/resources');
    const french = createInstance();
    await french.init({ resources, lng: 'fr', interpolation: { escapeValue: false } });
    addFormatters(french);
    expect(french.t('agreement.disagreements.keep', { coder: 'Amélie' })).toBe(
      'Garder ceux d’Amélie',
    );
    expect(french.t('agreement.disagreements.keep', { coder: 'Bruno' })).toBe(
      'Garder ceux de Bruno',
    );
    expect(french.t('agreement.disagreements.remove', { coder: 'Amélie', count: 1 })).toBe(
      'Retirer le passage d’Amélie',
    );
    expect(french.t('coderView.coder', { name: 'Amélie' })).toBe('Ceux d’Amélie seulement');
    expect(french.t('coderView.coderNote', { name: 'Hélène' })).toContain(
      'Seuls les codages d’Hélène',
    );
    // No name follows a bare "de" in the coders' and the agreement's French: the helper elides.
    for (const [key, text] of leaves(fr))
      if (/^(agreement|coderView)\./.test(key))
        expect(text, key).not.toMatch(/\b(de|que) {{(?!count)/);
  });
});
