import type { Db } from './database';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TextIndex } from '../../shared/text/textIndex';
import { buildTextIndex } from '../../shared/text/textIndex';

/** Where each speaker's turn starts in the plain text, carried forward over unlabelled paragraphs. */
export interface TurnStart {
  start: number;
  speaker: string;
}

/** Where each page of the original (a PDF's) starts in the plain text. */
export interface PageStart {
  start: number;
  page: number;
}

export interface DerivedText {
  index: TextIndex;
  turns: TurnStart[];
  speakers: string[];
  pages: PageStart[];
}

/** What is stored beside a document's JSON: its plain text, length and turns. */
export function deriveText(doc: ProseMirrorNode): DerivedText {
  const index = buildTextIndex(doc);
  const turns: TurnStart[] = [];
  const pages: PageStart[] = [];
  for (const block of index.blocks) {
    if (block.speaker && turns.at(-1)?.speaker !== block.speaker) {
      turns.push({ start: block.start, speaker: block.speaker });
    }
    // A block without a page (typed in later) stays on the page before it.
    if (block.page !== null && pages.at(-1)?.page !== block.page)
      pages.push({ start: block.start, page: block.page });
  }
  return { index, turns, speakers: [...new Set(turns.map((turn) => turn.speaker))], pages };
}

const childJson = new WeakMap<ProseMirrorNode, string>();

/**
 * The document's JSON as stored, exactly `JSON.stringify(doc.toJSON())`, put
 * together from its top-level nodes: those an edit did not touch are shared
 * with the previous document and keep their JSON.
 */
export function serializeDocument(doc: ProseMirrorNode): string {
  if (doc.childCount === 0 || Object.keys(doc.attrs).length > 0 || doc.marks.length > 0)
    return JSON.stringify(doc.toJSON());
  const children: string[] = [];
  doc.forEach((child) => {
    let json = childJson.get(child);
    if (json === undefined) {
      json = JSON.stringify(child.toJSON());
      childJson.set(child, json);
    }
    children.push(json);
  });
  return `{"type":${JSON.stringify(doc.type.name)},"content":[${children.join(',')}]}`;
}

/** The page of the original at a code-point offset: null for a document that has none. */
export function pageAt(pages: readonly PageStart[], offset: number): number | null {
  let low = 0;
  let high = pages.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (pages[middle]!.start <= offset) {
      found = pages[middle]!.page;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Before the first page's text (a heading typed above it): the first page.
  return found ?? pages[0]?.page ?? null;
}

/** The speaker at a code-point offset: the last turn that starts at or before it. */
export function speakerAt(turns: readonly TurnStart[], offset: number): string | null {
  let low = 0;
  let high = turns.length - 1;
  let found: string | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle]!;
    if (turn.start <= offset) {
      found = turn.speaker;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Where the turn around a passage begins and where the next turn after it
 * begins: a passage's context is read within its speakers' words, never
 * running into the interviewer's question (or the answer) beside it.
 */
export function turnBounds(
  turns: readonly TurnStart[],
  start: number,
  end: number,
): { from: number; to: number } {
  let from = 0;
  let to = Number.POSITIVE_INFINITY;
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (turns[middle]!.start <= start) {
      from = turns[middle]!.start;
      low = middle + 1;
    } else high = middle - 1;
  }
  for (let index = low; index < turns.length; index += 1)
    if (turns[index]!.start >= end) {
      // The line break before the next turn is no part of this one.
      to = turns[index]!.start - 1;
      break;
    }
  return { from, to };
}

// Parsed turns kept between queries, per open project and document, for as long as the
// document's version is the same: the passages view and the matrix read every document's.
const parsedTurns = new WeakMap<Db, Map<string, { version: number; turns: TurnStart[] }>>();

/** Each document's turn starts, parsed once for each version of its text. */
export function turnsReader(db: Db): (documentId: string) => TurnStart[] {
  let cache = parsedTurns.get(db);
  if (!cache) parsedTurns.set(db, (cache = new Map()));
  const known = cache;
  const seen = new Map<string, TurnStart[]>();
  const version = db.prepare('SELECT version FROM document WHERE id = ?').pluck();
  const read = db.prepare('SELECT version, turns FROM document WHERE id = ?');
  return (documentId) => {
    const inQuery = seen.get(documentId);
    if (inQuery) return inQuery;
    const current = version.get(documentId) as number | undefined;
    let entry = known.get(documentId);
    if (!entry || entry.version !== current) {
      const row = read.get(documentId) as { version: number; turns: string } | undefined;
      entry = {
        version: row?.version ?? -1,
        turns: row ? (JSON.parse(row.turns) as TurnStart[]) : [],
      };
      known.set(documentId, entry);
    }
    seen.set(documentId, entry.turns);
    return entry.turns;
  };
}
