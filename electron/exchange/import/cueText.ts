import { decodeHTMLStrict } from 'entities';

/** A karaoke cue's inline time: `<00:00:02.500>` or `<02.500>`'s longer forms. */
const TIMESTAMP = /^(?:\d+:)?\d{2}:\d{2}\.\d{3}$/;

export interface CueText {
  text: string;
  /** The first voice tag's name (`<v Marie>`, `<v.loud Jean Dupont>`). */
  speaker?: string;
}

/**
 * The words of a cue, as WebVTT's cue text parser reads them: every tag goes
 * (styling, classes, voices, language, ruby, the inline timestamps of karaoke
 * cues `<00:00:02.500>`), the voice's name is kept, and character references
 * are decoded once, after the tags, so "&amp;lt;" stays "&lt;" (strictly: only
 * references ending in ";", as "&notre" is a word). One pass: a hostile cue of
 * "<" cannot slow it down.
 */
export function readCueText(payload: string): CueText {
  const pieces: string[] = [];
  let speaker: string | undefined;
  let index = 0;
  let close = 0;
  while (index < payload.length) {
    const open = payload.indexOf('<', index);
    if (open === -1) {
      pieces.push(payload.slice(index));
      break;
    }
    pieces.push(payload.slice(index, open));
    // The next ">" is searched for again only once passed: a million "<" without one stay linear.
    if (close !== -1 && close <= open) close = payload.indexOf('>', open + 1);
    if (close === -1) {
      pieces.push(payload.slice(open));
      break;
    }
    const tag = payload.slice(open + 1, close);
    // A tag begins with a letter or "/", or is a timestamp; any other "<" is text, as
    // subtitles written by hand have it ("I <3 you", "x < 5"). Without a ">", none is a tag.
    if (!(/^[a-z/]/i.test(tag) || TIMESTAMP.test(tag))) {
      pieces.push('<');
      index = open + 1;
      continue;
    }
    const voice = /^v(?:\.[^\s]*)?\s+(.+)$/s.exec(tag);
    if (voice && speaker === undefined)
      speaker = decodeHTMLStrict(voice[1]!).replace(/\s+/g, ' ').trim();
    index = close + 1;
  }
  const text = decodeHTMLStrict(pieces.join('')).replace(/\s+/g, ' ').trim();
  return speaker ? { text, speaker } : { text };
}
