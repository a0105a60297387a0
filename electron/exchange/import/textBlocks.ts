import type { Block } from './blocks';

/** Plain text: one paragraph per non-empty line. */
export function textToBlocks(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph' as const, inlines: [{ text: line }] }));
}
