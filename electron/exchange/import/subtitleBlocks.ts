import type { Block } from './blocks';
import { readCueText } from './cueText';

const CUE_TIME =
  /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}/;

function milliseconds(match: RegExpExecArray): number {
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  const fraction = Number((match[4] ?? '0').padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

/**
 * Subtitles (.srt and .vtt) as turns: each cue a paragraph starting at the
 * cue's time, its speaker from a WebVTT voice tag (`<v Marie>`) or left to
 * the usual "Name:" detection. Cue numbers, settings, notes and styling tags go.
 * The framing is ours: of the packages tried, `subtitle` joins text across the
 * blank line that ends a cue, `@plussub/srt-vtt-parser` keeps carriage returns
 * and tags, `webvtt-parser` leaves a ";" after each named reference.
 */
export function subtitleBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const time = CUE_TIME.exec(line);
    if (!time) {
      // WEBVTT header, NOTE and STYLE blocks, cue numbers and identifiers: skipped up to a cue time.
      if (/^(NOTE|STYLE|REGION)\b/.test(line.trim()))
        while (index < lines.length && lines[index]!.trim() !== '') index += 1;
      index += 1;
      continue;
    }
    index += 1;
    const cue: string[] = [];
    while (index < lines.length && lines[index]!.trim() !== '') {
      cue.push(lines[index]!.trim());
      index += 1;
    }
    const { text: joined, speaker } = readCueText(cue.join('\n'));
    if (!joined) continue;
    blocks.push({
      type: 'paragraph',
      inlines: [{ text: joined }],
      time: milliseconds(time),
      ...(speaker ? { speaker } : {}),
    });
  }
  return blocks;
}
