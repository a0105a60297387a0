import type { Passage, PassageQuery } from '../../shared/documents';
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
  /** Code-point offsets of the characters outside the Basic Multilingual Plane (emoji), in order. */
  private readonly astral: Int32Array;

  constructor(
    readonly title: string,
    readonly text: string,
    readonly turns: TurnStart[],
  ) {
    // Emoji are rare: listing them (found by the regular-expression engine) is far
    // cheaper than a table of every character of a 30,000-character transcript.
    const found: number[] = [];
    for (const match of text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g))
      found.push(match.index - found.length);
    this.astral = Int32Array.from(found);
  }

  /** The UTF-16 index of a code-point offset: the offset plus one per emoji before it. */
  private unit(offset: number): number {
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.astral[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return Math.min(offset + low, this.text.length);
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
  // Sorted here rather than by SQLite: joining documents to order by their position
  // made the query four times slower on 50,000 codings.
  const positions = new Map(
    (
      db.prepare('SELECT id, position FROM document').all() as { id: string; position: number }[]
    ).map((row) => [row.id, row.position]),
  );
  const rows = (
    db.prepare(`SELECT c.* FROM coding c ${where}`).all(...parameters) as CodingRow[]
  ).sort(
    (a, b) =>
      positions.get(a.document_id)! - positions.get(b.document_id)! ||
      a.start - b.start ||
      a.end - b.end,
  );

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
  // Every coding of a document, by start, read once: overlaps are found in memory.
  const codingsOf = db
    .prepare('SELECT code_id, start, "end" FROM coding WHERE document_id = ? ORDER BY start')
    .raw();
  const documentCodings = new Map<string, { list: [string, number, number][]; longest: number }>();
  /** Codes of the other codings that overlap [start, end): a coding is its code and range. */
  const overlapping = (documentId: string, codeId: string, start: number, end: number) => {
    let entry = documentCodings.get(documentId);
    if (!entry) {
      const list = codingsOf.all(documentId) as [string, number, number][];
      let longest = 0;
      for (const [, otherStart, otherEnd] of list)
        longest = Math.max(longest, otherEnd - otherStart);
      entry = { list, longest };
      documentCodings.set(documentId, entry);
    }
    const { list, longest } = entry;
    // The codings starting before `end`, back to the earliest that could still reach `start`.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]![1] < end) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let index = low - 1; index >= 0; index -= 1) {
      const [otherCode, otherStart, otherEnd] = list[index]!;
      if (otherStart + longest <= start) break;
      if (otherEnd > start && !(otherCode === codeId && otherStart === start && otherEnd === end))
        found.push(otherCode);
    }
    return found;
  };
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
    const others = overlapping(row.document_id, row.code_id, row.start, row.end);
    if ((query.codeMatch ?? 'any') === 'all' && selectedGroups.length > 0) {
      const present = new Set([row.code_id, ...others]);
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
      otherCodeIds: [...new Set(others)].filter((id) => id !== row.code_id),
      ...resolved,
    });
  }
  return passages;
}
