import type { Block } from './blocks';
import { blockText } from './blocks';

/**
 * Speaker labels and timestamps at the start of a line, the way transcribers
 * write them: `Marie: …`, `MARIE : …` (French spacing), `[Marie] …`, `Q: …`,
 * and `[01:02:03]`, `(12:34)`, `#01:02:03.45#` before or after the label.
 */
const timestampPatterns: RegExp[] = [
  /^\[(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?\]\s*/,
  /^\((\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?\)\s*/,
  /^#(\d{1,2}):(\d{2}):(\d{2})(?:[.,-](\d{1,3}))?#\s*/,
];

// A label is short, starts with a capital letter or a digit, and is followed by a colon
// (with the space French typography puts before it, plain or non-breaking).
const colonLabel = /^(\p{Lu}[\p{L}\p{M}\d'’.\- ]{0,38}?)[ \u00a0\u202f]?:[ \u00a0\u202f]+(?=\S)/u;
const bracketLabel = /^\[(\p{L}[\p{L}\p{M}\d'’.\- ]{0,38})\][ \u00a0\u202f]*(?=\S)/u;

export interface Timestamp {
  milliseconds: number;
  length: number;
}

export function leadingTimestamp(text: string): Timestamp | null {
  for (const pattern of timestampPatterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [whole, first, second, third, fraction] = match;
    const numbers = [first, second, third]
      .filter((part): part is string => part !== undefined)
      .map(Number);
    // hh:mm:ss, or mm:ss when there are two parts.
    const [hours, minutes, seconds] =
      numbers.length === 3 ? numbers : [0, numbers[0]!, numbers[1]!];
    if (minutes! >= 60 || seconds! >= 60) continue;
    const milliseconds = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
    return {
      milliseconds: ((hours! * 60 + minutes!) * 60 + seconds!) * 1000 + milliseconds,
      length: whole.length,
    };
  }
  return null;
}

// A header line names a property of the interview, not a speaker: "Date : 14 mars 2024", "Lieu : mairie".
const propertyLabels = new Set(
  [
    'date',
    'heure',
    'lieu',
    'duree',
    'durée',
    'objet',
    'theme',
    'projet',
    'fichier',
    'source',
    'reference',
    'transcription',
    'transcrit par',
    'transcripteur',
    'transcriptrice',
    'enregistrement',
    'mots cles',
    'participants',
    'personnes presentes',
    'entretien',
    'entretien n°',
    'time',
    'place',
    'location',
    'duration',
    'length',
    'subject',
    'topic',
    'project',
    'file',
    'reference',
    'transcribed by',
    'transcriber',
    'recording',
    'keywords',
    'interview',
    'interview no',
    'present',
  ].map((label) => label.normalize('NFD').replace(/\p{M}/gu, '')),
);

// "14 mars 2024", "14/03/2024", "2024-03-14", "March 14, 2024": a date alone, never a turn's words
// (a month's name or figures: "7 sur 10" is an answer).
const month =
  '(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)\\p{L}*\\.?';
const dateValue = new RegExp(
  `^(?:\\d{1,2}(?:er)?[ \\u00a0]${month}[ \\u00a0]\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|${month} \\d{1,2},? \\d{4})\\s*$`,
  'iu',
);

export interface SpeakerLabel {
  speaker: string;
  length: number;
}

export function leadingSpeaker(text: string): SpeakerLabel | null {
  const match = colonLabel.exec(text) ?? bracketLabel.exec(text);
  if (!match) return null;
  const speaker = match[1]!.trim();
  // "Note: the recording…" is a sentence, not a turn: labels have at most four words, and
  // no sentence ends inside one ("Trois choses. D'abord l'éclairage :"; "M. Dupont :" is a name).
  if (speaker.split(/\s+/).length > 4 || /^\d+$/.test(speaker)) return null;
  if (/\p{L}{3,}\.\s/u.test(speaker)) return null;
  const folded = speaker.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (propertyLabels.has(folded) || dateValue.test(text.slice(match[0].length))) return null;
  return { speaker, length: match[0].length };
}

/** Removes the first `length` characters from the block's inlines. */
function dropLeading(block: Block, length: number): void {
  let remaining = length;
  while (remaining > 0 && block.inlines.length > 0) {
    const first = block.inlines[0]!;
    if (first.text.length <= remaining) {
      remaining -= first.text.length;
      block.inlines.shift();
    } else {
      first.text = first.text.slice(remaining);
      remaining = 0;
    }
  }
}

/**
 * Finds speaker labels and timestamps at the start of paragraphs and moves them
 * into the turn's attributes. A line holding only a timestamp dates the next turn.
 */
export function detectTurns(blocks: Block[]): Block[] {
  const result: Block[] = [];
  let pendingTime: number | undefined;
  for (const block of blocks) {
    if (block.type !== 'paragraph' || block.list) {
      result.push(block);
      continue;
    }
    let time: number | undefined;
    let speaker: string | undefined;
    const before = leadingTimestamp(blockText(block));
    if (before) {
      time = before.milliseconds;
      dropLeading(block, before.length);
    }
    // A turn whose speaker the file names itself (a WebVTT voice) keeps it, and all its words.
    const label = block.speaker === undefined ? leadingSpeaker(blockText(block)) : null;
    if (label) {
      speaker = label.speaker;
      block.speakerLabel = blockText(block).slice(0, label.length);
      dropLeading(block, label.length);
      const after = leadingTimestamp(blockText(block));
      if (after && time === undefined) {
        time = after.milliseconds;
        dropLeading(block, after.length);
      }
    }
    if (blockText(block).trim() === '' && speaker === undefined) {
      if (time !== undefined) pendingTime = time;
      continue;
    }
    if (time === undefined && pendingTime !== undefined) time = pendingTime;
    pendingTime = undefined;
    if (speaker !== undefined) block.speaker = speaker;
    if (time !== undefined) block.time = time;
    result.push(block);
  }
  return result;
}

export function speakerCounts(blocks: Block[]): { label: string; turns: number }[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.speaker) counts.set(block.speaker, (counts.get(block.speaker) ?? 0) + 1);
  }
  return [...counts].map(([label, turns]) => ({ label, turns }));
}
