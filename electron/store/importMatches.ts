import { foldText } from '../../shared/attributeValues';
import type { ImportPreview } from '../../shared/documents';
import type { Db } from './database';

/**
 * What the project already holds of a file about to be imported: a document
 * with the same text (or, failing that, made from a file of the same name),
 * and the participants its speakers are named like.
 */
export function importMatches(
  db: Db,
  fileName: string,
  plainText: string,
  speakers: readonly string[],
): Pick<ImportPreview, 'duplicate' | 'participantMatches'> {
  const sameText = db
    .prepare(
      'SELECT id, title FROM document WHERE length(plain_text) = length(?) AND plain_text = ? LIMIT 1',
    )
    .get(plainText, plainText) as { id: string; title: string } | undefined;
  const sameName = sameText
    ? undefined
    : (db.prepare('SELECT id, title FROM document WHERE source_name = ? LIMIT 1').get(fileName) as
        { id: string; title: string } | undefined);
  const found = sameText ?? sameName;
  const participants = db.prepare('SELECT id, name FROM participant ORDER BY name').all() as {
    id: string;
    name: string;
  }[];
  const byName = new Map(
    participants.map((participant) => [foldText(participant.name), participant]),
  );
  return {
    duplicate: found
      ? { documentId: found.id, title: found.title, match: sameText ? 'sameText' : 'sameFileName' }
      : null,
    participantMatches: speakers.flatMap((label) => {
      const participant = byName.get(foldText(label));
      return participant ? [{ label, participantId: participant.id, name: participant.name }] : [];
    }),
  };
}
