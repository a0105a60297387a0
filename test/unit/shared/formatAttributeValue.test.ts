import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatAttributeValue } from '../../../shared/formatAttributeValue';
import { outerGroups } from '../../../renderer/features/passages/outerGroups';
import { resources } from '../../../shared/i18n/resources';
import type { AttributeDefinition } from '../../../shared/cases';
import type { Passage } from '../../../shared/documents';

async function translator(language: 'fr' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: language, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('attribute values in the interface’s language', () => {
  it('write yes/no, numbers and dates as French and English do, years ungrouped', async () => {
    const fr = await translator('fr');
    const en = await translator('en');
    expect(formatAttributeValue(true, 'boolean', 'fr', fr)).toBe('oui');
    expect(formatAttributeValue(false, 'boolean', 'en', en)).toBe('no');
    expect(formatAttributeValue(215000.5, 'number', 'fr', fr)).toBe('215\u202f000,5');
    expect(formatAttributeValue(2016, 'number', 'fr', fr)).toBe('2016');
    expect(formatAttributeValue(215000, 'number', 'en', en)).toBe('215,000');
    expect(formatAttributeValue('2024-03-14', 'date', 'fr', fr)).toBe('14 mars 2024');
    expect(formatAttributeValue('2024-03-14', 'date', 'en', en)).toBe('Mar 14, 2024');
    expect(formatAttributeValue('Formalisé', 'choice', 'fr', fr)).toBe('Formalisé');
  });

  it('head passage groups by date in the order of the dates, not of their words', async () => {
    const fr = await translator('fr');
    const attribute = {
      id: 'launch',
      entityKind: 'document',
      name: 'Date',
      type: 'date',
      unit: null,
      choices: [],
    } as unknown as AttributeDefinition;
    const passage = (documentId: string) =>
      ({ coding: { documentId }, caseIds: [], participantIds: [] }) as unknown as Passage;
    const groups = outerGroups([passage('a'), passage('b'), passage('c')], 'attribute:launch', {
      cases: [],
      participants: [],
      attributes: [attribute],
      documents: [
        { id: 'a', values: { launch: '2025-01-03' } },
        { id: 'b', values: { launch: '2024-03-14' } },
        { id: 'c', values: { launch: '2024-12-01' } },
      ] as never,
      format: (value, definition) => formatAttributeValue(value, definition.type, 'fr', fr),
    });
    expect(groups.map((group) => group.label)).toEqual([
      '14 mars 2024',
      '1 déc. 2024',
      '3 janv. 2025',
    ]);
  });
});
