import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templateStyles } from '../../../electron/report/wordTemplate';

describe('a Word template’s styles', () => {
  it('are read from word/styles.xml alone, and a file that is not a template is refused in words', () => {
    const styles =
      '<?xml version="1.0"?><w:styles xmlns:w="x"><w:style w:styleId="Caption"/></w:styles>';
    const template = zipSync({
      'word/styles.xml': new TextEncoder().encode(styles),
      'word/document.xml': new Uint8Array(10),
    });
    expect(templateStyles(template)).toBe(styles);
    for (const bad of [
      new TextEncoder().encode('pas un modèle'),
      zipSync({ 'word/document.xml': new Uint8Array(10) }),
      zipSync({ 'word/styles.xml': new TextEncoder().encode('<html></html>') }),
    ])
      expect(() => templateStyles(bad)).toThrow(/not a Word document or template/);
  });

  it('stop inflating a styles part that swells past what a template holds (a zip bomb of 64 MB)', () => {
    const bomb = zipSync({ 'word/styles.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(() => templateStyles(bomb)).toThrow(/not a Word document or template/);
    // Inflated up to the 8 MB limit, never to the 64 MB it declares.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });
});
