import { createHash } from 'node:crypto';
import type { UnplacedCoding } from '../../shared/merge';
import { sliceCodePoints } from '../../shared/text/codePoints';
import type { MergeContext, Row } from './mergeContext';
import { nameKey } from './mergeContext';
import type { TextMapping } from './textMapping';
import { textMapping } from './textMapping';

/** The unplaced codings listed by name; the rest counted. */
const LISTED = 200;
const EXCERPT = 160;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** What the codings phase needs of a document both projects now hold. */
interface PlacedDocument {
  mineId: string;
  title: string;
  /** Their positions to this project's: identity when the texts are the same. */
  mapping: TextMapping;
  theirText: string;
  /** This project's text of it, read when needed. */
  mineText: () => string;
  isNew: boolean;
}

export interface CodingTally {
  alreadyHere: number;
  approximate: number;
  approximateList: UnplacedCoding[];
  unplacedCount: number;
  unplaced: UnplacedCoding[];
  coders: Set<string>;
}

const identity: TextMapping = {
  identical: true,
  mapRange: (start, end) => ({ start, end, exact: true }),
};

const documentFields = [
  ['title', 'title'],
  ['date', 'date'],
  ['place', 'place'],
  ['description', 'description'],
  ['memo', 'memo'],
] as const;

/** A document's text columns, as the editor writes them together. */
const textColumns = ['content', 'plain_text', 'length', 'turns', 'speakers', 'pages'] as const;

/** The region where two texts differ, to show: from the first difference, a little of each. */
function differingExcerpts(mine: string, theirs: string): [string, string] {
  const left = [...mine];
  const right = [...theirs];
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start += 1;
  let end = 0;
  while (
    end < left.length - start &&
    end < right.length - start &&
    left[left.length - 1 - end] === right[right.length - 1 - end]
  )
    end += 1;
  let from = Math.max(0, start - 40);
  // From a word's start, not inside one.
  while (from > 0 && from < start && !/\s/u.test(left[from - 1]!)) from += 1;
  const cut = (points: string[]) => {
    const to = Math.min(points.length - end + 40, from + EXCERPT);
    return `${from > 0 ? '… ' : ''}${points.slice(from, to).join('')}${to < points.length ? ' …' : ''}`;
  };
  return [cut(left), cut(right)];
}

/**
 * Their documents into this project: matched by id, else by the same text,
 * else by the same title (the only one here), else added (with their links to cases and people). A document both hold
 * whose text differs is a conflict: this project's text is kept and their
 * codings are carried onto it through a diff, or (their text taken) this
 * project's codings and answers are carried onto theirs.
 */
export function mergeDocuments(context: MergeContext): Map<string, PlacedDocument> {
  const placed = new Map<string, PlacedDocument>();
  const mineById = new Map(
    (
      context.db
        .prepare('SELECT id, title, date, place, description, memo, kind, guide_id FROM document')
        .all() as Row[]
    ).map((row) => [String(row.id), row]),
  );
  let mineByText: Map<string, string> | null = null;
  const byText = () => {
    if (!mineByText) {
      mineByText = new Map();
      for (const row of context.db
        .prepare('SELECT id, plain_text FROM document')
        .iterate() as Iterable<{
        id: string;
        plain_text: string;
      }>)
        mineByText.set(digest(row.plain_text), row.id);
    }
    return mineByText;
  };
  // Another program's export of the same interview: its text may differ (labels, line ends), its title rarely.
  const titles = new Map<string, string[]>();
  for (const [documentId, row] of mineById) {
    const key = nameKey(row.title);
    titles.set(key, [...(titles.get(key) ?? []), documentId]);
  }
  const matched = new Set<string>();
  const byTitle = (title: string) => {
    const candidates = titles.get(nameKey(title)) ?? [];
    const only = candidates.length === 1 ? candidates[0]! : undefined;
    return only && !matched.has(only) ? only : undefined;
  };
  const readMine = context.db.prepare(
    `SELECT ${textColumns.join(', ')} FROM document WHERE id = ?`,
  );
  const guides = context.db.prepare('SELECT 1 FROM guide WHERE id = ?');
  const readText = context.db.prepare('SELECT plain_text FROM document WHERE id = ?').pluck();
  const next = context.nextPosition('document');
  const theirs = context.source
    .prepare('SELECT * FROM document ORDER BY position')
    .iterate() as Iterable<Row>;
  for (const row of theirs) {
    const id = String(row.id);
    if (!mineById.has(id) && context.deletedHere('document', id)) continue;
    const theirText = String(row.plain_text);
    const matchedId = mineById.has(id)
      ? id
      : (byText().get(digest(theirText)) ?? byTitle(String(row.title)));
    if (!matchedId) {
      const newId = context.freeId('document', id);
      context.writes.insert('document', {
        ...row,
        id: newId,
        position: next(),
        version: 0,
        guide_id: row.guide_id && guides.get(row.guide_id) ? row.guide_id : null,
      });
      context.documents.set(id, newId);
      placed.set(id, {
        mineId: newId,
        title: String(row.title),
        mapping: identity,
        theirText,
        mineText: () => theirText,
        isNew: true,
      });
      context.added.documents += 1;
      continue;
    }
    const here = mineById.get(matchedId)!;
    matched.add(matchedId);
    context.documents.set(id, matchedId);
    context.compare('document', 'document', String(here.title), here, row, documentFields);
    const mineText = readMine.get(matchedId) as Row;
    let mapping = identity;
    if (String(mineText.plain_text) !== theirText) {
      mapping = documentTextConflict(context, matchedId, String(here.title), mineText, row);
    }
    placed.set(id, {
      mineId: matchedId,
      title: String(here.title),
      mapping,
      theirText,
      mineText: () => String(readText.get(matchedId)),
      isNew: false,
    });
  }
  mergeLinks(context);
  return placed;
}

/**
 * The same document, edited differently: listed with how many codings each way
 * would have no place. Their text taken, this project's codings and answers
 * move onto it (those with no place there are removed, and counted); kept,
 * theirs are carried onto this text.
 */
function documentTextConflict(
  context: MergeContext,
  mineId: string,
  title: string,
  mine: Row,
  theirs: Row,
): TextMapping {
  const mineText = String(mine.plain_text);
  const theirText = String(theirs.plain_text);
  const toMine = textMapping(theirText, mineText);
  const toTheirs = textMapping(mineText, theirText);
  const theirCodings = context.source
    .prepare('SELECT start, "end" FROM coding WHERE document_id = ?')
    .all(String(theirs.id)) as { start: number; end: number }[];
  const mineRanges = (table: 'coding' | 'answer') =>
    context.db
      .prepare(`SELECT id, start, "end" FROM ${table} WHERE document_id = ?`)
      .all(mineId) as {
      id: string;
      start: number;
      end: number;
    }[];
  const mineCodings = mineRanges('coding');
  const key = `document:${mineId}:text`;
  const [mineExcerpt, theirExcerpt] = differingExcerpts(mineText, theirText);
  context.conflicts.push({
    key,
    subject: 'document',
    field: 'text',
    name: title,
    mine: mineExcerpt,
    theirs: theirExcerpt,
    unplaced: {
      theirs: theirCodings.filter(({ start, end }) => toMine.mapRange(start, end) === null).length,
      mine: mineCodings.filter(({ start, end }) => toTheirs.mapRange(start, end) === null).length,
    },
  });
  if (context.choice(key) === 'mine') return toMine;
  context.taken += 1;
  context.writes.update('document', mineId, {
    ...Object.fromEntries(textColumns.map((column) => [column, theirs[column]])),
    modified_at: context.timestamp,
  });
  const evidence = context.db.prepare('SELECT id FROM rating_evidence WHERE coding_id = ?').pluck();
  for (const table of ['coding', 'answer'] as const)
    for (const range of table === 'coding' ? mineCodings : mineRanges('answer')) {
      const moved = toTheirs.mapRange(range.start, range.end);
      if (moved) {
        context.writes.update(table, range.id, { start: moved.start, end: moved.end });
        continue;
      }
      if (table === 'coding')
        for (const evidenceId of evidence.all(range.id) as string[])
          context.writes.remove('rating_evidence', evidenceId);
      context.writes.remove(table, range.id);
    }
  return identity;
}

/** Their documents' cases and people, where this project does not link them yet. */
function mergeLinks(context: MergeContext): void {
  for (const [table, column, map] of [
    ['document_case', 'case_id', context.cases],
    ['document_participant', 'participant_id', context.participants],
  ] as const) {
    const exists = context.db.prepare(
      `SELECT 1 FROM ${table} WHERE document_id = ? AND ${column} = ?`,
    );
    for (const row of context.source.prepare(`SELECT * FROM ${table}`).all() as Row[]) {
      const documentId = context.documents.get(String(row.document_id));
      const otherId = map.get(String(row[column]));
      if (!documentId || !otherId || exists.get(documentId, otherId)) continue;
      if (context.deletedHere(table, row.id)) continue;
      context.writes.insert(table, {
        id: context.freeId(table, row.id),
        document_id: documentId,
        [column]: otherId,
      });
    }
  }
}

/** The same coding with other boundaries on the same text: listed, theirs taken if chosen. */
function rangeConflict(
  context: MergeContext,
  document: PlacedDocument,
  mine: Row,
  theirs: Row,
  name: string,
): void {
  const key = `coding:${String(mine.id)}:range`;
  const words = (row: Row) =>
    sliceCodePoints(document.theirText, Number(row.start), Number(row.end));
  context.conflicts.push({
    key,
    subject: 'coding',
    field: 'range',
    name,
    mine: words(mine),
    theirs: words(theirs),
  });
  if (context.choice(key) !== 'theirs') return;
  context.taken += 1;
  context.writes.update('coding', String(mine.id), {
    start: theirs.start,
    end: theirs.end,
    modified_at: context.timestamp,
  });
}

/**
 * Their codings onto the documents: one with an id this project holds keeps
 * its place here (its memo compared); another is carried through the text's
 * mapping and added, unless this project has the same code on the same words
 * by the same coder, or its words are gone (listed).
 */
export function mergeCodings(
  context: MergeContext,
  documents: ReadonlyMap<string, PlacedDocument>,
  codePath: (theirId: string) => string[],
): CodingTally {
  const tally: CodingTally = {
    alreadyHere: 0,
    approximate: 0,
    approximateList: [],
    unplacedCount: 0,
    unplaced: [],
    coders: new Set(),
  };
  const theirCodings = context.source.prepare(
    'SELECT * FROM coding WHERE document_id = ? ORDER BY start, "end"',
  );
  const mineCodings = context.db.prepare('SELECT * FROM coding WHERE document_id = ?');
  for (const [theirDocumentId, document] of documents) {
    const mine = document.isNew ? [] : (mineCodings.all(document.mineId) as Row[]);
    const mineById = new Map(mine.map((row) => [String(row.id), row]));
    const spanKey = (codeId: unknown, coder: unknown, start: unknown, end: unknown) =>
      `${String(codeId)}|${String(coder)}|${String(start)}|${String(end)}`;
    const held = new Set(mine.map((row) => spanKey(row.code_id, row.coder, row.start, row.end)));
    /** A coding as the report lists it: where, under which code, whose, and its words in `text`. */
    const listed = (row: Row, text: string, start: number, end: number): UnplacedCoding => ({
      documentTitle: document.title,
      codePath: codePath(String(row.code_id)),
      coder: String(row.coder),
      text: sliceCodePoints(text, start, Math.min(end, start + EXCERPT)),
    });
    for (const row of theirCodings.all(theirDocumentId) as Row[]) {
      const id = String(row.id);
      const codeId = context.codes.get(String(row.code_id));
      const here = mineById.get(id);
      // On a code deleted here, or itself deleted here since the copy: it stays deleted.
      if (!codeId) {
        context.keptDeleted += 1;
        continue;
      }
      if (!here && context.deletedHere('coding', id)) continue;
      const name = `${codePath(String(row.code_id)).join(' › ')} · ${document.title}`;
      if (here) {
        context.codings.set(id, id);
        context.compare('coding', 'coding', name, here, row, [['memo', 'memo']]);
        if (document.mapping.identical && (here.start !== row.start || here.end !== row.end))
          rangeConflict(context, document, here, row, name);
        continue;
      }
      const start = Number(row.start);
      const end = Number(row.end);
      const mapped = document.mapping.mapRange(start, end);
      if (!mapped) {
        tally.unplacedCount += 1;
        if (tally.unplaced.length < LISTED)
          tally.unplaced.push(listed(row, document.theirText, start, end));
        continue;
      }
      const key = spanKey(codeId, row.coder, mapped.start, mapped.end);
      if (held.has(key)) {
        tally.alreadyHere += 1;
        continue;
      }
      held.add(key);
      const newId = context.freeId('coding', id);
      context.writes.insert('coding', {
        ...row,
        id: newId,
        document_id: document.mineId,
        code_id: codeId,
        start: mapped.start,
        end: mapped.end,
      });
      context.codings.set(id, newId);
      tally.coders.add(String(row.coder));
      if (!mapped.exact) {
        tally.approximate += 1;
        if (tally.approximateList.length < LISTED)
          tally.approximateList.push(listed(row, document.mineText(), mapped.start, mapped.end));
      }
      context.added.codings += 1;
    }
  }
  return tally;
}
