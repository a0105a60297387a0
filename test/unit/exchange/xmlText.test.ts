import { describe, expect, it } from 'vitest';
import { child, parseXml, textOf } from '../../../electron/exchange/refi/parseXml';

describe('XML text from other programs', () => {
  it('keeps a CDATA section exactly, in its place, and decodes the text around it once', () => {
    // Found by review: CDATA was decoded as if it were escaped text.
    const root = parseXml(
      '<a><t>pre &amp;amp; <![CDATA[R&amp;D <b> & ]]]> post &#x27;</t></a>',
      'projet.qde',
    );
    expect(textOf(child(child(root, 'a'), 't'))).toBe("pre &amp; R&amp;D <b> & ] post '");
  });
});
