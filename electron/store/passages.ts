import type { Passage, PassageOverview, PassageQuery } from '../../shared/documents';
import type { Db } from './database';
import type { PageStart, TurnStart } from './documentText';
import { pageAt, speakerAt, turnBounds, turnsReader } from './documentText';
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
    readonly pages: PageStart[],
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
 * The SQL conditions a query puts on codings themselves: codes (with their
 * sub-codes unless exact), documents, coders. Column names are prefixed by `alias`.
 */
function codingConditions(
  db: Db,
  query: PassageQuery,
  alias: string,
  withCodes = true,
): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    conditions.push(`${alias}${column} IN (${values.map(() => '?').join(', ')})`);
    parameters.push(...values);
  };
  if (withCodes && query.codeIds?.length)
    inList('code_id', [
      ...new Set(query.codeIds.flatMap((id) => (query.exactCodes ? [id] : subtreeIds(db, id)))),
    ]);
  if (query.documentIds?.length) inList('document_id', query.documentIds);
  if (query.coders?.length) inList('coder', query.coders);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', parameters };
}

/** Codings matching `where`, document by document in the documents' order, each by start. */
function* codingsInDocumentOrder(
  db: Db,
  where: string,
  parameters: unknown[],
): Generator<CodingRow> {
  const documents = db.prepare('SELECT id FROM document ORDER BY position').raw().all() as [
    string,
  ][];
  const filter = where ? `${where} AND` : 'WHERE';
  const inDocument = db.prepare(
    `SELECT c.* FROM coding c ${filter} c.document_id = ? ORDER BY c.start, c."end"`,
  );
  for (const [documentId] of documents)
    yield* inDocument.all(...parameters, documentId) as CodingRow[];
}

/**
 * Coded passages matching the query, in document order. Selecting a code
 * includes its sub-codes; "all" keeps passages that every selected code
 * (or one of its sub-codes) overlaps.
 */
export function listPassages(
  db: Db,
  query: PassageQuery,
  /** Without the words around each passage and the other codes on it: what a dataset needs. */
  detail: 'full' | 'bare' = 'full',
): Passage[] {
  return [...passagesIn(db, query, detail)];
}

/** The passages of `listPassages`, one at a time: a dataset writes each as it comes. */
export function* passagesIn(
  db: Db,
  query: PassageQuery,
  detail: 'full' | 'bare' = 'full',
): Generator<Passage> {
  const bare = detail === 'bare';
  // Sub-codes count with their parent, except for an exact query (the codes that meet on the same words).
  const below = (id: string) => (query.exactCodes ? [id] : subtreeIds(db, id));
  const selectedGroups = (query.codeIds ?? []).map((id) => new Set(below(id)));
  // With "all of these codes", every coding is a candidate: the codes are checked per passage.
  const { where, parameters } = codingConditions(
    db,
    query,
    'c.',
    (query.codeMatch ?? 'any') === 'any',
  );
  // Sorted here rather than by SQLite: joining documents to order by their position
  // made the query four times slower on 50,000 codings.
  const positions = new Map(
    (
      db.prepare('SELECT id, position FROM document').all() as { id: string; position: number }[]
    ).map((row) => [row.id, row.position]),
  );
  // Grouped by document, then each group sorted: a comparator looking up two documents'
  // positions for each of the 800,000 comparisons of 50,000 codings took most of the sort.
  const inDocumentOrder = (all: CodingRow[]): CodingRow[] => {
    const groups = new Map<string, CodingRow[]>();
    for (const row of all) {
      let group = groups.get(row.document_id);
      if (!group) groups.set(row.document_id, (group = []));
      group.push(row);
    }
    return [...groups.keys()]
      .sort((a, b) => positions.get(a)! - positions.get(b)!)
      .flatMap((id) => groups.get(id)!.sort((a, b) => a.start - b.start || a.end - b.end));
  };
  // With a limit, documents are read in their order, each one's codings by start through
  // the (document, start) index, until the page is full: the first page of 50,000 codings
  // reads a few documents, not every row.
  const rows: Iterable<CodingRow> =
    query.limit !== undefined
      ? codingsInDocumentOrder(db, where, parameters)
      : inDocumentOrder(
          db.prepare(`SELECT c.* FROM coding c ${where}`).all(...parameters) as CodingRow[],
        );

  const documents = new Map<string, DocumentText>();
  const readDocument = db.prepare(
    'SELECT title, plain_text, turns, pages FROM document WHERE id = ?',
  );
  const documentText = (id: string) => {
    let found = documents.get(id);
    if (!found) {
      const row = readDocument.get(id) as {
        title: string;
        plain_text: string;
        turns: string;
        pages: string;
      };
      found = new DocumentText(
        row.title,
        row.plain_text,
        JSON.parse(row.turns) as TurnStart[],
        JSON.parse(row.pages) as PageStart[],
      );
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
  let found = 0;
  for (const row of rows) {
    if (query.limit !== undefined && found >= query.limit) break;
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
    const allCodes = (query.codeMatch ?? 'any') === 'all' && selectedGroups.length > 0;
    const others =
      bare && !allCodes ? [] : overlapping(row.document_id, row.code_id, row.start, row.end);
    if (allCodes) {
      const present = new Set([row.code_id, ...others]);
      const ownGroup = selectedGroups.some((group) => group.has(row.code_id));
      if (!ownGroup || !selectedGroups.every((group) => [...group].some((id) => present.has(id))))
        continue;
    }
    found += 1;
    const around = bare ? null : turnBounds(document.turns, row.start, row.end);
    yield {
      coding: toCoding(row),
      documentTitle: document.title,
      text,
      before: around ? document.slice(Math.max(around.from, row.start - CONTEXT), row.start) : '',
      after: around
        ? document.slice(row.end, Math.max(row.end, Math.min(around.to, row.end + CONTEXT)))
        : '',
      speaker,
      page: pageAt(document.pages, row.start),
      otherCodeIds: bare ? [] : [...new Set(others)].filter((id) => id !== row.code_id),
      ...resolved,
    };
  }
}

/**
 * Counts per node of the codebook for a query: what the Passages view shows
 * before any passage is read. Without per-passage filters (speaker, people,
 * cases, attributes, text, "all of these codes") SQLite counts; otherwise
 * the matching passages are listed and counted.
 */
export function passageOverview(db: Db, query: PassageQuery): PassageOverview {
  const perPassage =
    (query.speakers?.length ?? 0) > 0 ||
    (query.participantIds?.length ?? 0) > 0 ||
    (query.caseIds?.length ?? 0) > 0 ||
    (query.conditions?.length ?? 0) > 0 ||
    Boolean(query.text) ||
    ((query.codeMatch ?? 'any') === 'all' && (query.codeIds?.length ?? 0) > 0);
  let pairs: [string, string, number][];
  // Filters on who speaks or on attributes are checked per coding without reading its text.
  const needsText =
    Boolean(query.text) ||
    ((query.codeMatch ?? 'any') === 'all' && (query.codeIds?.length ?? 0) > 0);
  if (perPassage && !needsText) {
    pairs = countByPeople(db, query);
  } else if (perPassage) {
    const counts = new Map<string, number>();
    for (const passage of listPassages(db, { ...query, limit: undefined })) {
      const key = `${passage.coding.codeId}\u0000${passage.coding.documentId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    pairs = [...counts].map(([key, count]) => {
      const [codeId, documentId] = key.split('\u0000') as [string, string];
      return [codeId, documentId, count];
    });
  } else {
    const { where, parameters } = codingConditions(db, query, '');
    pairs = db
      .prepare(
        `SELECT code_id, document_id, COUNT(*) FROM coding ${where} GROUP BY document_id, code_id`,
      )
      .raw()
      .all(...parameters) as [string, string, number][];
  }
  const parents = new Map(
    (db.prepare('SELECT id, parent_id FROM code').raw().all() as [string, string | null][]).map(
      ([id, parent]) => [id, parent],
    ),
  );
  // Pairs come grouped by document: a node counts a document when it differs from the last one it saw.
  pairs.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const nodes = new Map<
    string,
    { own: number; passages: number; documents: number; last: string }
  >();
  const node = (id: string) => {
    let found = nodes.get(id);
    if (!found) nodes.set(id, (found = { own: 0, passages: 0, documents: 0, last: '' }));
    return found;
  };
  let total = 0;
  for (const [codeId, documentId, count] of pairs) {
    total += count;
    node(codeId).own += count;
    for (let current: string | null | undefined = codeId; current; current = parents.get(current)) {
      const entry = node(current);
      entry.passages += count;
      if (entry.last !== documentId) {
        entry.last = documentId;
        entry.documents += 1;
      }
    }
  }
  return {
    total,
    codes: [...nodes].map(([codeId, entry]) => ({
      codeId,
      own: entry.own,
      passages: entry.passages,
      documents: entry.documents,
    })),
  };
}

/** `passageOverview` for filters on speakers, participants, cases and attributes: no text is read. */
function countByPeople(db: Db, query: PassageQuery): [string, string, number][] {
  const { where, parameters } = codingConditions(db, query, '');
  const rows = db
    .prepare(`SELECT code_id, document_id, start FROM coding ${where}`)
    .raw()
    .all(...parameters) as [string, string, number][];
  const context = new PassageContext(db);
  const turnsOf = turnsReader(db);
  const speakers = query.speakers?.length ? new Set(query.speakers) : null;
  const wantedParticipants = query.participantIds?.length ? new Set(query.participantIds) : null;
  const wantedCases = query.caseIds?.length ? new Set(query.caseIds) : null;
  // Per document, then per code: no key string built per coding.
  const counts = new Map<string, Map<string, [string, string, number]>>();
  for (const [codeId, documentId, start] of rows) {
    const speaker =
      speakers || context.speakerMatters(documentId) ? speakerAt(turnsOf(documentId), start) : null;
    if (speakers && (speaker === null || !speakers.has(speaker))) continue;
    const resolved = context.resolve(documentId, speaker);
    if (wantedParticipants && !resolved.participantIds.some((id) => wantedParticipants.has(id)))
      continue;
    if (wantedCases && !resolved.caseIds.some((id) => wantedCases.has(id))) continue;
    if (query.conditions?.length && !context.matches(query.conditions, documentId, resolved))
      continue;
    let byCode = counts.get(documentId);
    if (!byCode) counts.set(documentId, (byCode = new Map()));
    const entry = byCode.get(codeId);
    if (entry) entry[2] += 1;
    else byCode.set(codeId, [codeId, documentId, 1]);
  }
  return [...counts.values()].flatMap((byCode) => [...byCode.values()]);
}
