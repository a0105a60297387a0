import type { Block } from './blocks';

const CUE_TIME =
  /^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}/;

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
 */
export function subtitleBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
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
    let speaker: string | undefined;
    const joined = cue
      .join(' ')
      .replace(/<v(?:\.[^\s>]*)?\s+([^>]+)>/g, (_whole, name: string) => {
        speaker ??= name.trim();
        return '';
      })
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/\s+/g, ' ')
      .trim();
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
