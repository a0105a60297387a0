import { foldText } from '../../shared/attributeValues';
import { documentFromJson } from '../../shared/editor/schema';
import type { AnswerProposal, GuideItem } from '../../shared/guides';
import { sliceCodePoints } from '../../shared/text/codePoints';
import type { IndexedBlock } from '../../shared/text/textIndex';
import { buildTextIndex } from '../../shared/text/textIndex';
import type { Db } from './database';
import { getGuide } from './guides';
import { isInterviewerLabel } from './interviewerLabels';

const stopWords = new Set(
  'les des une que qui quoi dans pour par sur avec vous nous est sont aux ces cette comment quel quelle quels quelles pourquoi the and for with you are what how which your this that from have has pas plus etre avoir votre vos leur leurs elle ils elles ont son ses mais donc car'.split(
    ' ',
  ),
);

/** Content words, folded for accents and case, cut to a stem so "piloté" meets "pilotage". */
function contentWords(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !stopWords.has(word))
      .map((word) => word.slice(0, 6)),
  );
}

function similarity(item: Set<string>, turn: Set<string>): number {
  if (item.size === 0 || turn.size === 0) return 0;
  let shared = 0;
  for (const word of item) if (turn.has(word)) shared += 1;
  return shared / Math.min(item.size, Math.max(turn.size, 3));
}

/** How alike a turn must be to a question or prompt to be taken as asking it. */
const MATCH = 0.34;
/** An interviewer's turn this short without a question mark ("D'accord.", "Mmh, oui") keeps the answer going. */
const BACKCHANNEL_WORDS = 6;
/** A question this short ("Ah bon ?", "Pourquoi ?") asks the speaker to go on: it ends no answer. */
const SHORT_QUESTION_WORDS = 3;
/** An answer over more turns than this probably runs over a question the guide does not hold. */
const LONG_ANSWER_TURNS = 6;

const wordCount = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/** An answer's first and last words; a short one whole, as its first words. */
function ends(text: string, count: number): { firstWords: string; lastWords: string } {
  const words = text.trim().split(/\s+/u);
  if (words.length <= 2 * count) return { firstWords: words.join(' '), lastWords: '' };
  return {
    firstWords: `${words.slice(0, count).join(' ')} …`,
    lastWords: `… ${words.slice(-count).join(' ')}`,
  };
}

interface Turn extends IndexedBlock {
  /** The block's position in the text. */
  block: number;
  /** The speaker of the turn the block belongs to (a turn's later paragraphs carry none). */
  turnSpeaker: string | null;
  interviewer: boolean;
}

/**
 * Proposes an answer to each question and prompt of the guide: the
 * interviewer's turn most like it is where it was asked, and the answer runs
 * from the next turn up to the interviewer's next real turn: a question, or
 * anything longer than a short acknowledgement. Questions the interviewer
 * asks outside the guide end an answer too, so an answer never runs on over
 * the rest of the interview.
 */
export function proposeAnswers(db: Db, documentId: string, guideId: string): AnswerProposal[] {
  const guide = getGuide(db, guideId);
  const { content, version } = db
    .prepare('SELECT content, version FROM document WHERE id = ?')
    .get(documentId) as { content: string; version: number };
  const index = buildTextIndex(documentFromJson(JSON.parse(content)));
  const participants = new Set(
    (
      db
        .prepare(
          'SELECT p.name FROM document_participant l JOIN participant p ON p.id = l.participant_id WHERE l.document_id = ?',
        )
        .all(documentId) as { name: string }[]
    ).map((row) => foldText(row.name)),
  );
  // Interviewer turns: a usual interviewer label; a speaker who is no participant where some speaker
  // is named as one (as who a passage is about is decided); else, without labels, a question.
  const speakersNamed = index.blocks.some(
    (block) => block.speaker !== null && participants.has(foldText(block.speaker)),
  );
  const isInterviewer = (name: string | null, text: string) => {
    if (name === null) return text.trim().endsWith('?');
    if (isInterviewerLabel(name)) return true;
    if (speakersNamed) return !participants.has(foldText(name));
    return false;
  };
  let speaker: string | null = null;
  const turns: Turn[] = index.blocks.map((block, position) => {
    if (block.speaker) speaker = block.speaker;
    return {
      ...block,
      block: position,
      turnSpeaker: speaker,
      interviewer: block.text.trim() !== '' && isInterviewer(speaker, block.text),
    };
  });
  const labelled = index.blocks.some((block) => block.speaker !== null);

  // Each question, then each prompt, to the interviewer's turn most like it, the best matches
  // first. A match shares two content words at least (one, for an item of one word); a prompt
  // is looked for after its question's turn, so that a short one never takes the question's.
  const asking = turns.filter((turn) => turn.interviewer);
  const turnWords = new Map(asking.map((turn) => [turn.block, contentWords(turn.text)]));
  const matched = new Map<number, { item: GuideItem; score: number }>();
  const askedAt = new Map<string, number>();
  const assign = (items: GuideItem[]) => {
    const pairs: { item: GuideItem; turn: Turn; score: number }[] = [];
    for (const item of items) {
      const words = contentWords(item.text);
      const after = item.parentId ? (askedAt.get(item.parentId) ?? -1) : -1;
      for (const turn of asking) {
        if (turn.block <= after) continue;
        const heard = turnWords.get(turn.block)!;
        const shared = [...words].filter((word) => heard.has(word)).length;
        if (shared < Math.min(2, words.size)) continue;
        const score = similarity(words, heard);
        if (score >= MATCH) pairs.push({ item, turn, score });
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.turn.start - b.turn.start);
    for (const pair of pairs) {
      if (askedAt.has(pair.item.id) || matched.has(pair.turn.block)) continue;
      askedAt.set(pair.item.id, pair.turn.block);
      matched.set(pair.turn.block, { item: pair.item, score: pair.score });
    }
  };
  assign(guide.items.filter((item) => item.kind === 'question'));
  assign(guide.items.filter((item) => item.kind === 'prompt'));

  // A turn that ends an answer: one that asks a guide question, another real question, or says
  // more than a few words. "Ah bon ?", "C'est-à-dire ?" keep the answer going, as "D'accord." does.
  const endsAnswer = (turn: Turn) =>
    turn.interviewer &&
    (matched.has(turn.block) ||
      (turn.text.includes('?') && wordCount(turn.text) > SHORT_QUESTION_WORDS) ||
      wordCount(turn.text) > BACKCHANNEL_WORDS);

  const proposals: AnswerProposal[] = [];
  for (const [blockIndex, { item, score }] of [...matched].sort((a, b) => a[0] - b[0])) {
    const asked = turns[blockIndex]!;
    // The asking turn's later paragraphs (no label of their own) are the question still.
    let askedUntil = blockIndex;
    while (
      labelled &&
      turns[askedUntil + 1] &&
      turns[askedUntil + 1]!.speaker === null &&
      turns[askedUntil + 1]!.interviewer
    )
      askedUntil += 1;
    const first = turns[askedUntil + 1];
    if (!first) continue;
    let last = askedUntil;
    for (let next = askedUntil + 1; next < turns.length && !endsAnswer(turns[next]!); next += 1)
      last = next;
    if (last === askedUntil) continue;
    const end = turns[last]!.start + turns[last]!.length;
    const start = first.start;
    if (end <= start) continue;
    const text = sliceCodePoints(index.text, start, end);
    const inAnswer = turns.slice(askedUntil + 1, last + 1);
    const turnCount = labelled
      ? inAnswer.filter((turn) => turn.speaker !== null).length || 1
      : inAnswer.length;
    const endingTurn = turns[last + 1];
    proposals.push({
      itemId: item.id,
      version,
      askedAt: { start: asked.start, end: asked.start + asked.length, text: asked.text },
      score: Math.round(score * 100) / 100,
      start,
      end,
      excerpt: sliceCodePoints(text, 0, 200),
      ...ends(text, 8),
      length: end - start,
      turns: turnCount,
      startTime: inAnswer.find((turn) => turn.time !== null)?.time ?? asked.time,
      endTime: endingTurn?.time ?? null,
      long: turnCount > LONG_ANSWER_TURNS,
    });
  }
  return proposals;
}
