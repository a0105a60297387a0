import { foldText } from '../../shared/attributeValues';
import { documentFromJson } from '../../shared/editor/schema';
import { buildTextIndex } from '../../shared/text/textIndex';
import { AxialError } from '../../shared/errors';
import type { Db } from './database';

/**
 * The turns one speaker takes in a document, as code-point ranges: from the
 * block that names them to the end of the last block before another speaker's
 * (a turn's later paragraphs carry no label of their own). Names compare
 * without case or accents.
 */
export function speakerTurns(
  db: Db,
  documentId: string,
  speaker: string,
): { start: number; end: number }[] {
  const row = db.prepare('SELECT content FROM document WHERE id = ?').get(documentId) as
    { content: string } | undefined;
  if (!row)
    throw new AxialError('not_found', 'This document no longer exists.', { id: documentId });
  const index = buildTextIndex(documentFromJson(JSON.parse(row.content)));
  const wanted = foldText(speaker);
  const turns: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | null = null;
  for (const block of index.blocks) {
    if (block.speaker !== null) {
      if (current) turns.push(current);
      current =
        foldText(block.speaker) === wanted
          ? { start: block.start, end: block.start + block.length }
          : null;
    } else if (current && block.length > 0) current.end = block.start + block.length;
  }
  if (current) turns.push(current);
  return turns.filter((turn) => turn.end > turn.start);
}
