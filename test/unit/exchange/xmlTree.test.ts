import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../electron/exchange/refi/parseXml';
import { xmlTree } from '../../../electron/exchange/refi/xmlTree';

const read = (xml: string) => xmlTree(xml, decodeEntities);

describe('the XML reader', () => {
  it('reads elements, attributes without their namespace prefix, text decoded once, self-closing tags', () => {
    const tree = read(
      '<?xml version="1.0"?><qda:Project xmlns:qda="urn:x" qda:name="l&#x27;étude"><Code guid="a"/><Code guid="b">texte &amp;amp; <b>gras</b> fin</Code></qda:Project>',
    );
    expect(tree).toEqual({
      ok: true,
      document: {
        Project: [
          {
            '@name': "l'étude",
            Code: [
              { '@guid': 'a' },
              { '@guid': 'b', '#text': 'texte &amp;  fin', b: [{ '#text': 'gras' }] },
            ],
          },
        ],
      },
    });
  });

  it.each([
    ['a file cut short', '<Project><Sources><TextSource>', 'never closed'],
    [
      'an element closed by another end tag',
      '<Project><Sources></Project>',
      'closed by the end tag',
    ],
    ['an end tag that closes nothing', '<Project></Sources></Project>', 'closes nothing'],
    ['two roots', '<Project/><Project/>', 'second root'],
    ['text beside the root', '<Project/>trailing words', 'outside the root'],
    ['no element at all', 'just text', 'outside the root'],
  ])('refuses %s', (_name, xml, detail) => {
    const tree = read(xml);
    expect(tree.ok).toBe(false);
    expect(!tree.ok && tree.detail).toContain(detail);
  });
});
