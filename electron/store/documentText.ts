import type { Db } from './database';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TextIndex } from '../../shared/text/textIndex';
import { buildTextIndex } from '../../shared/text/textIndex';

/** Where each speaker's turn starts in the plain text, carried forward over unlabelled paragraphs. */
export interface TurnStart {
  start: number;
  speaker: string;
}

export interface DerivedText {
  index: TextIndex;
  turns: TurnStart[];
  speakers: string[];
}

/** What is stored beside a document's JSON: its plain text, length and turns. */
export function deriveText(doc: ProseMirrorNode): DerivedText {
  const index = buildTextIndex(doc);
  const turns: TurnStart[] = [];
  for (const block of index.blocks) {
    if (block.speaker && turns.at(-1)?.speaker !== block.speaker) {
      turns.push({ start: block.start, speaker: block.speaker });
    }
  }
  return { index, turns, speakers: [...new Set(turns.map((turn) => turn.speaker))] };
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

/** Each document's turn starts, read and parsed once per query. */
export function turnsReader(db: Db): (documentId: string) => TurnStart[] {
  const turns = new Map<string, TurnStart[]>();
  const read = db.prepare('SELECT turns FROM document WHERE id = ?');
  return (documentId) => {
    let found = turns.get(documentId);
    if (!found) {
      found = JSON.parse((read.get(documentId) as { turns: string }).turns) as TurnStart[];
      turns.set(documentId, found);
    }
    return found;
  };
}
