import type { Passage, PassageQuery } from '../../shared/documents';
import { codePointLength } from '../../shared/text/codePoints';
import type { Db } from './database';
import type { TurnStart } from './documentText';
import { speakerAt } from './documentText';
import { subtreeIds } from './codes';
import type { CodingRow } from './codings';
import { toCoding } from './codings';
import { PassageContext } from './passageContext';

const CONTEXT = 80;

/** Code-point ↔ UTF-16 lookups for one document, built once per query. */
class DocumentText {
  private readonly units: Uint32Array | null;

  constructor(
    readonly title: string,
    readonly text: string,
    readonly turns: TurnStart[],
  ) {
    // Most transcripts have no astral characters: offsets are then the same in both units.
    if (codePointLength(text) === text.length) {
      this.units = null;
    } else {
      const offsets: number[] = [];
      for (let unit = 0; unit < text.length; unit += 1) {
        offsets.push(unit);
        const code = text.charCodeAt(unit);
        if (code >= 0xd800 && code <= 0xdbff) unit += 1;
      }
      offsets.push(text.length);
      this.units = Uint32Array.from(offsets);
    }
  }

  private unit(offset: number): number {
    if (!this.units) return Math.min(offset, this.text.length);
    return this.units[Math.min(offset, this.units.length - 1)]!;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.unit(start), this.unit(end));
  }
}

function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Coded passages matching the query, in document order. Selecting a code
 * includes its sub-codes; "all" keeps passages that every selected code
 * (or one of its sub-codes) overlaps.
 */
export function listPassages(db: Db, query: PassageQuery): Passage[] {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  // Sub-codes count with their parent, except for an exact query (the codes that meet on the same words).
  const below = (id: string) => (query.exactCodes ? [id] : subtreeIds(db, id));
  const expand = (ids: readonly string[]) => [...new Set(ids.flatMap(below))];
  const selectedGroups = (query.codeIds ?? []).map((id) => new Set(below(id)));
  if (query.codeIds && query.codeIds.length > 0 && (query.codeMatch ?? 'any') === 'any') {
    const ids = expand(query.codeIds);
    conditions.push(`c.code_id IN (${ids.map(() => '?').join(', ')})`);
    parameters.push(...ids);
  }
  if (query.documentIds && query.documentIds.length > 0) {
    conditions.push(`c.document_id IN (${query.documentIds.map(() => '?').join(', ')})`);
    parameters.push(...query.documentIds);
  }
  if (query.coders && query.coders.length > 0) {
    conditions.push(`c.coder IN (${query.coders.map(() => '?').join(', ')})`);
    parameters.push(...query.coders);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT c.* FROM coding c JOIN document d ON d.id = c.document_id ${where} ORDER BY d.position, c.start, c."end"`,
    )
    .all(...parameters) as CodingRow[];

  const documents = new Map<string, DocumentText>();
  const documentText = (id: string) => {
    let found = documents.get(id);
    if (!found) {
      const row = db
        .prepare('SELECT title, plain_text, turns FROM document WHERE id = ?')
        .get(id) as {
        title: string;
        plain_text: string;
        turns: string;
      };
      found = new DocumentText(row.title, row.plain_text, JSON.parse(row.turns) as TurnStart[]);
      documents.set(id, found);
    }
    return found;
  };
  const overlapping = db.prepare(
    'SELECT id, code_id FROM coding WHERE document_id = ? AND start < ? AND "end" > ?',
  );
  const needle = query.text ? foldForSearch(query.text) : '';
  const speakers = query.speakers && query.speakers.length > 0 ? new Set(query.speakers) : null;

  const context = new PassageContext(db);
  const wantedParticipants = query.participantIds?.length ? new Set(query.participantIds) : null;
  const wantedCases = query.caseIds?.length ? new Set(query.caseIds) : null;
  const passages: Passage[] = [];
  for (const row of rows) {
    const document = documentText(row.document_id);
    const text = document.slice(row.start, row.end);
    if (needle && !foldForSearch(text).includes(needle)) continue;
    const speaker = speakerAt(document.turns, row.start);
    if (speakers && (speaker === null || !speakers.has(speaker))) continue;
    const resolved = context.resolve(row.document_id, speaker);
    if (wantedParticipants && !resolved.participantIds.some((id) => wantedParticipants.has(id)))
      continue;
    if (wantedCases && !resolved.caseIds.some((id) => wantedCases.has(id))) continue;
    if (query.conditions?.length && !context.matches(query.conditions, row.document_id, resolved))
      continue;
    const others = (
      overlapping.all(row.document_id, row.end, row.start) as { id: string; code_id: string }[]
    ).filter((other) => other.id !== row.id);
    if ((query.codeMatch ?? 'any') === 'all' && selectedGroups.length > 0) {
      const present = new Set([row.code_id, ...others.map((other) => other.code_id)]);
      const ownGroup = selectedGroups.some((group) => group.has(row.code_id));
      if (!ownGroup || !selectedGroups.every((group) => [...group].some((id) => present.has(id))))
        continue;
    }
    passages.push({
      coding: toCoding(row),
      documentTitle: document.title,
      text,
      before: document.slice(Math.max(0, row.start - CONTEXT), row.start),
      after: document.slice(row.end, row.end + CONTEXT),
      speaker,
      otherCodeIds: [...new Set(others.map((other) => other.code_id))].filter(
        (id) => id !== row.code_id,
      ),
      ...resolved,
    });
  }
  return passages;
}
