import { describe, expect, it } from 'vitest';
import type { CodeNode } from '../../../shared/documents';
import { paletteMatches } from '../../../renderer/features/editor/paletteMatches';

function code(id: string, name: string, parentId: string | null, codable = true): CodeNode {
  return {
    id,
    parentId,
    name,
    colour: '#000000',
    description: '',
    memo: '',
    memoCoder: '',
    codable,
    position: 0,
    codingCount: 0,
    documentCount: 0,
  };
}

const codes = [
  code('axis', 'Proactivité', null, false),
  code('leadership', 'Leadership politique', 'axis'),
  code('administration', 'L’administration structure', 'leadership'),
  code('mayor', 'Le maire moteur', 'leadership'),
  code('elite', 'Élites locales', 'axis'),
];
const codable = codes.filter((candidate) => candidate.codable);
const names = (query: string, recent: string[] = []) =>
  paletteMatches(codable, codes, recent, query).map((candidate) => candidate.name);

describe('the palette', () => {
  it('puts a code whose own name matches before the codes under it', () => {
    // "leader" is in every child's path; the code itself must come first, so Enter applies it.
    expect(names('leader', ['administration', 'mayor'])).toEqual([
      'Leadership politique',
      'L’administration structure',
      'Le maire moteur',
    ]);
  });

  it('prefers a name that begins with the query, folds accents and case, and keeps recent order within a rank', () => {
    expect(names('elite')).toEqual(['Élites locales']);
    expect(names('MO')).toEqual(['Le maire moteur']);
    expect(names('', ['mayor'])[0]).toBe('Le maire moteur');
    expect(names('l', ['mayor'])).toEqual([
      'Le maire moteur',
      'Leadership politique',
      'L’administration structure',
      'Élites locales',
    ]);
  });
});
