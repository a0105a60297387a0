import { decodeHTML } from 'entities';

export interface CueText {
  text: string;
  /** The first voice tag's name (`<v Marie>`, `<v.loud Jean Dupont>`). */
  speaker?: string;
}

/**
 * The words of a cue, as WebVTT's cue text parser reads them: every tag goes
 * (styling, classes, voices, language, ruby, the inline timestamps of karaoke
 * cues `<00:00:02.500>`), the voice's name is kept, and character references
 * are decoded once, after the tags, so "&amp;lt;" stays "&lt;". One pass, each
 * character looked at once: a hostile cue of unclosed "<" cannot slow it down.
 */
export function readCueText(payload: string): CueText {
  const pieces: string[] = [];
  let speaker: string | undefined;
  let index = 0;
  while (index < payload.length) {
    const open = payload.indexOf('<', index);
    if (open === -1) {
      pieces.push(payload.slice(index));
      break;
    }
    pieces.push(payload.slice(index, open));
    const close = payload.indexOf('>', open + 1);
    // A tag left open runs to the end of the cue, as the standard reads it.
    const tag = payload.slice(open + 1, close === -1 ? payload.length : close);
    const voice = /^v(?:\.[^\s]*)?\s+(.+)$/s.exec(tag);
    if (voice && speaker === undefined) speaker = decodeHTML(voice[1]!).replace(/\s+/g, ' ').trim();
    // Tags separate words only where the cue itself has a space: "<b>c'est</b>ça" is one word.
    if (close === -1) break;
    index = close + 1;
  }
  const text = decodeHTML(pieces.join('')).replace(/\s+/g, ' ').trim();
  return speaker ? { text, speaker } : { text };
}
