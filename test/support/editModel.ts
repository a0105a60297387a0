/**
 * A reference model of what editing, coding and undo must do to a document,
 * and the same actions run against the real handlers on a real project file.
 * The model is plain strings and ranges; the real side goes through the API
 * as the editor does (ProseMirror steps made against the version the project
 * returned, undo steps applied back to the editor's own document).
 */
import { speakersOf } from '../../electron/store/documents';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Step, Transform } from '@tiptap/pm/transform';
import fc from 'fast-check';
import { join } from 'node:path';
import type { AppCore } from '../../electron/api/core';
import { createAppCore } from '../../electron/api/core';
import type { Db } from '../../electron/store/database';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/api';
import type { ApiError } from '../../shared/errors';
import { documentFromJson, documentSchema } from '../../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../../shared/text/textIndex';

/** A coded passage or an answer: whose (code or question) and where, in code points. */
export interface Range {
  owner: string;
  start: number;
  end: number;
}

export interface Snapshot {
  text: string[];
  codings: Range[];
  answers: Range[];
  /** Codes deleted or merged away. */
  deleted: string[];
}

interface UndoEntry {
  before: Snapshot;
  typing: boolean;
  at: number;
}

export interface Model extends Snapshot {
  undo: UndoEntry[];
  redo: Snapshot[];
  now: number;
}

export interface Real {
  core: AppCore;
  db: Db;
  documentId: string;
  /** The editor's own copy of the document: edits are made on it, undo steps applied to it. */
  doc: ProseMirrorNode;
  version: number;
  codes: string[];
  questions: string[];
  clock: { now: number };
  call<Name extends MethodName>(
    method: Name,
    input: MethodInput<Name>,
  ): Promise<MethodOutput<Name>>;
  fail(method: MethodName, input: unknown): Promise<ApiError>;
}

const JOIN_WITHIN_MS = 1000;

function copy(model: Snapshot): Snapshot {
  return {
    text: [...model.text],
    codings: model.codings.map((range) => ({ ...range })),
    answers: model.answers.map((range) => ({ ...range })),
    deleted: [...model.deleted],
  };
}

function restore(model: Model, snapshot: Snapshot): void {
  model.text = [...snapshot.text];
  model.codings = snapshot.codings.map((range) => ({ ...range }));
  model.answers = snapshot.answers.map((range) => ({ ...range }));
  model.deleted = [...snapshot.deleted];
}

/** Records an undo entry the way the project's history does, joining continued typing. */
function record(model: Model, before: Snapshot, typing: boolean, continues: boolean): void {
  const top = model.undo.at(-1);
  const joins =
    typing &&
    continues &&
    top?.typing === true &&
    model.now - top.at < JOIN_WITHIN_MS &&
    model.redo.length === 0;
  if (joins) top.at = model.now;
  else model.undo.push({ before, typing, at: model.now });
  model.redo = [];
}

/**
 * Where a range's ends go when [a, b) is replaced by n code points: text typed
 * at either edge stays outside, text typed inside joins it (ProseMirror's
 * mapping with the start leaning right and the end leaning left).
 */
export function mapStart(position: number, a: number, b: number, n: number): number {
  if (position < a) return position;
  if (position === a) return a === b ? a + n : a;
  if (position <= b) return a + n;
  return position - (b - a) + n;
}

export function mapEnd(position: number, a: number, b: number, n: number): number {
  if (position < a) return position;
  if (position < b || position === a) return a;
  return position - (b - a) + n;
}

function mapRanges(ranges: Range[], a: number, b: number, n: number): Range[] {
  const kept: Range[] = [];
  const seen = new Set<string>();
  for (const range of ranges) {
    const start = mapStart(range.start, a, b, n);
    const end = mapEnd(range.end, a, b, n);
    const key = `${range.owner}:${start}:${end}`;
    // Text gone, or two ranges of one owner squeezed onto the same words: one goes.
    if (end <= start || seen.has(key)) continue;
    seen.add(key);
    kept.push({ owner: range.owner, start, end });
  }
  return kept;
}

const sameRange = (left: Range, right: Range) =>
  left.owner === right.owner && left.start === right.start && left.end === right.end;

function byPosition(left: Range, right: Range): number {
  return left.start - right.start || left.end - right.end || left.owner.localeCompare(right.owner);
}

/** Characters a researcher types, pastes or imports: accents both composed and combining, ligatures, emoji, ZWJ, CR. */
export const characters = [
  'a',
  'z',
  ' ',
  'é',
  'e\u0301',
  'ﬁ',
  'œ',
  'Æ',
  '😀',
  '👩‍💻',
  '\r',
  '\t',
  '’',
];

export const textArbitrary = (minLength: number, maxLength: number) =>
  fc
    .array(fc.constantFrom(...characters), { minLength, maxLength })
    .map((pieces) => pieces.join(''));

function cut(length: number, at: number, span: number): { a: number; b: number } {
  const a = Math.min(length, Math.floor(at * (length + 1)));
  const b = Math.min(length, a + Math.floor(span * (length - a + 1)));
  return { a, b };
}

/** Steps replacing code points [a, b) of the editor's document by `text` ('\n' splits the turn). */
function replacementSteps(doc: ProseMirrorNode, a: number, b: number, text: string) {
  const index = buildTextIndex(doc);
  const from = offsetToPosition(index, a);
  const to = offsetToPosition(index, b);
  const transform = new Transform(doc);
  if (text === '\n') transform.split(from);
  else if (text === '') transform.delete(from, to);
  else transform.replaceWith(from, to, documentSchema.text(text));
  return transform;
}

// Commands. Each run() acts on the model and on the real project, then checks both agree.

abstract class Command implements fc.AsyncCommand<Model, Real> {
  check(_model: Readonly<Model>): boolean {
    return true;
  }
  abstract act(model: Model, real: Real): Promise<void>;
  async run(model: Model, real: Real): Promise<void> {
    model.now += 10;
    real.clock.now = model.now;
    await this.act(model, real);
    await verify(model, real);
  }
  abstract toString(): string;
}

export class Edit extends Command {
  constructor(
    readonly kind: 'insert' | 'delete' | 'replace' | 'split',
    readonly at: number,
    readonly span: number,
    readonly text: string,
    readonly continueTyping: boolean,
  ) {
    super();
  }

  async act(model: Model, real: Real): Promise<void> {
    const { a, b } = cut(model.text.length, this.at, this.kind === 'insert' ? 0 : this.span);
    const end = this.kind === 'insert' || this.kind === 'split' ? a : b;
    const inserted = this.kind === 'delete' ? '' : this.kind === 'split' ? '\n' : this.text || 'x';
    if (end === a && inserted === '') return;
    const before = copy(model);
    const transform = replacementSteps(real.doc, a, end, inserted);
    const { version } = await real.call('documents.applySteps', {
      id: real.documentId,
      version: real.version,
      steps: transform.steps.map((step) => step.toJSON() as { stepType: string }),
      continueTyping: this.continueTyping,
    });
    real.doc = transform.doc;
    real.version = version;
    const added = [...inserted];
    model.text.splice(a, end - a, ...added);
    model.codings = mapRanges(model.codings, a, end, added.length);
    model.answers = mapRanges(model.answers, a, end, added.length);
    record(model, before, true, this.continueTyping);
  }

  toString(): string {
    return `Edit(${this.kind}, ${this.at}, ${this.span}, ${JSON.stringify(this.text)}, ${this.continueTyping})`;
  }
}

export class Code extends Command {
  constructor(
    readonly at: number,
    readonly span: number,
    readonly owner: number,
  ) {
    super();
  }

  async act(model: Model, real: Real): Promise<void> {
    const { a, b } = cut(model.text.length, this.at, this.span);
    if (b <= a) return;
    const range = { owner: real.codes[this.owner % real.codes.length]!, start: a, end: b };
    if (model.deleted.includes(range.owner)) {
      const error = await real.fail('codings.create', {
        documentId: real.documentId,
        start: a,
        end: b,
        version: real.version,
        codeIds: [range.owner],
      });
      if (error.code !== 'not_found') throw new Error(`Unexpected ${error.code}`);
      return;
    }
    await real.call('codings.create', {
      documentId: real.documentId,
      start: a,
      end: b,
      version: real.version,
      codeIds: [range.owner],
    });
    // The same code on exactly the same words is left as it is: nothing to undo.
    if (model.codings.some((existing) => sameRange(existing, range))) return;
    const before = copy(model);
    model.codings.push(range);
    record(model, before, false, false);
  }

  toString(): string {
    return `Code(${this.at}, ${this.span}, ${this.owner})`;
  }
}

async function realId(real: Real, table: 'coding' | 'answer', range: Range): Promise<string> {
  const owner = table === 'coding' ? 'code_id' : 'item_id';
  const row = real.db
    .prepare(
      `SELECT id FROM ${table} WHERE document_id = ? AND ${owner} = ? AND start = ? AND "end" = ?`,
    )
    .get(real.documentId, range.owner, range.start, range.end) as { id: string } | undefined;
  if (!row) throw new Error(`No ${table} at ${JSON.stringify(range)}`);
  return Promise.resolve(row.id);
}

/** The `pick`-th range in text order (wrapping): commands choose ranges by position, not by id. */
function picked(ranges: readonly Range[], pick: number): Range {
  const sorted = [...ranges].sort(byPosition);
  return sorted[pick % sorted.length]!;
}

/** Removes a coded passage (an uncoding) or an answer. */
export class RemoveRange extends Command {
  constructor(
    readonly table: 'coding' | 'answer',
    readonly pick: number,
  ) {
    super();
  }
  override check(model: Readonly<Model>): boolean {
    return this.rangesOf(model).length > 0;
  }
  private rangesOf(model: Readonly<Model>): readonly Range[] {
    return this.table === 'coding' ? model.codings : model.answers;
  }
  async act(model: Model, real: Real): Promise<void> {
    const range = picked(this.rangesOf(model), this.pick);
    const id = await realId(real, this.table, range);
    await real.call(this.table === 'coding' ? 'codings.delete' : 'answers.delete', { id });
    const before = copy(model);
    const kept = this.rangesOf(model).filter((existing) => !sameRange(existing, range));
    if (this.table === 'coding') model.codings = kept;
    else model.answers = kept;
    record(model, before, false, false);
  }
  toString(): string {
    return `RemoveRange(${this.table}, ${this.pick})`;
  }
}

export class MoveBoundary extends Command {
  constructor(
    readonly pick: number,
    readonly edge: 'start' | 'end',
    readonly by: number,
  ) {
    super();
  }
  override check(model: Readonly<Model>): boolean {
    return model.codings.length > 0;
  }
  async act(model: Model, real: Real): Promise<void> {
    const range = picked(model.codings, this.pick);
    const moved = { ...range };
    moved[this.edge] = Math.max(0, Math.min(model.text.length, range[this.edge] + this.by));
    if (moved.end <= moved.start || moved[this.edge] === range[this.edge]) return;
    const id = await realId(real, 'coding', range);
    const input = { id, [this.edge]: moved[this.edge], version: real.version };
    if (model.codings.some((existing) => sameRange(existing, moved))) {
      const error = await real.fail('codings.update', input);
      if (error.code !== 'invalid_operation') throw new Error(`Unexpected ${error.code}`);
      return;
    }
    await real.call('codings.update', input);
    const before = copy(model);
    model.codings = model.codings.map((existing) =>
      sameRange(existing, range) ? moved : existing,
    );
    record(model, before, false, false);
  }
  toString(): string {
    return `MoveBoundary(${this.pick}, ${this.edge}, ${this.by})`;
  }
}

export class Answer extends Command {
  constructor(
    readonly at: number,
    readonly span: number,
    readonly question: number,
  ) {
    super();
  }
  async act(model: Model, real: Real): Promise<void> {
    const { a, b } = cut(model.text.length, this.at, this.span);
    if (b <= a) return;
    const range = {
      owner: real.questions[this.question % real.questions.length]!,
      start: a,
      end: b,
    };
    await real.call('answers.create', {
      documentId: real.documentId,
      itemId: range.owner,
      start: a,
      end: b,
      version: real.version,
    });
    if (model.answers.some((existing) => sameRange(existing, range))) return;
    const before = copy(model);
    model.answers.push(range);
    record(model, before, false, false);
  }
  toString(): string {
    return `Answer(${this.at}, ${this.span}, ${this.question})`;
  }
}

let memoCount = 0;

/** A memo on a coded passage: only the row changes, and undo gives the old memo back. */
export class Memo extends Command {
  constructor(readonly pick: number) {
    super();
  }
  override check(model: Readonly<Model>): boolean {
    return model.codings.length > 0;
  }
  async act(model: Model, real: Real): Promise<void> {
    const range = picked(model.codings, this.pick);
    memoCount += 1;
    await real.call('codings.update', {
      id: await realId(real, 'coding', range),
      memo: `Note ${memoCount} 😀`,
    });
    record(model, copy(model), false, false);
  }
  toString(): string {
    return `Memo(${this.pick})`;
  }
}

/** A memo on the document itself: its row changes between text edits. */
export class DocumentMemo extends Command {
  async act(model: Model, real: Real): Promise<void> {
    memoCount += 1;
    await real.call('documents.update', { id: real.documentId, memo: `Mémo ${memoCount}` });
    record(model, copy(model), false, false);
  }
  toString(): string {
    return 'DocumentMemo';
  }
}

/** Deletes a code and its codings. */
export class DeleteCode extends Command {
  constructor(readonly pick: number) {
    super();
  }
  async act(model: Model, real: Real): Promise<void> {
    const owner = real.codes[this.pick % real.codes.length]!;
    if (model.deleted.includes(owner)) return;
    await real.call('codes.delete', { id: owner });
    const before = copy(model);
    model.codings = model.codings.filter((range) => range.owner !== owner);
    model.deleted.push(owner);
    record(model, before, false, false);
  }
  toString(): string {
    return `DeleteCode(${this.pick})`;
  }
}

/** Merges one code into another: a passage coded with both keeps one coding. */
export class MergeCodes extends Command {
  constructor(
    readonly source: number,
    readonly target: number,
  ) {
    super();
  }
  async act(model: Model, real: Real): Promise<void> {
    const source = real.codes[this.source % real.codes.length]!;
    const target = real.codes[this.target % real.codes.length]!;
    if (source === target || model.deleted.includes(source) || model.deleted.includes(target))
      return;
    await real.call('codes.merge', { sourceId: source, targetId: target });
    const before = copy(model);
    const merged: Range[] = [];
    for (const range of model.codings) {
      const moved = range.owner === source ? { ...range, owner: target } : range;
      if (!merged.some((existing) => sameRange(existing, moved))) merged.push(moved);
    }
    model.codings = merged;
    model.deleted.push(source);
    record(model, before, false, false);
  }
  toString(): string {
    return `MergeCodes(${this.source}, ${this.target})`;
  }
}

/** Applies the steps an undo or redo returns to the editor's own document, as the editor does. */
function applyHistory(real: Real, result: MethodOutput<'history.undo'>): void {
  for (const change of result.textChanges) {
    if (change.documentId !== real.documentId) continue;
    const transform = new Transform(real.doc);
    for (const json of change.steps) transform.step(Step.fromJSON(documentSchema, json));
    real.doc = transform.doc;
    real.version = change.version;
  }
}

export class Undo extends Command {
  override check(model: Readonly<Model>): boolean {
    return model.undo.length > 0;
  }
  async act(model: Model, real: Real): Promise<void> {
    applyHistory(real, await real.call('history.undo', {}));
    const entry = model.undo.pop()!;
    model.redo.push(copy(model));
    restore(model, entry.before);
  }
  toString(): string {
    return 'Undo';
  }
}

export class Redo extends Command {
  override check(model: Readonly<Model>): boolean {
    return model.redo.length > 0;
  }
  async act(model: Model, real: Real): Promise<void> {
    applyHistory(real, await real.call('history.redo', {}));
    const after = model.redo.pop()!;
    // A redone entry never joins later typing.
    model.undo.push({ before: copy(model), typing: false, at: 0 });
    restore(model, after);
  }
  toString(): string {
    return 'Redo';
  }
}

/** A coding sent with offsets of an older version: refused, nothing written. */
export class StaleCoding extends Command {
  constructor(
    readonly at: number,
    readonly span: number,
  ) {
    super();
  }
  override check(): boolean {
    return true;
  }
  async act(model: Model, real: Real): Promise<void> {
    const { a, b } = cut(model.text.length, this.at, this.span);
    if (b <= a || real.version === 0) return;
    const error = await real.fail('codings.create', {
      documentId: real.documentId,
      start: a,
      end: b,
      version: real.version - 1,
      codeIds: [real.codes[0]!],
    });
    if (error.code !== 'stale_document')
      throw new Error(`Expected stale_document, got ${error.code}`);
  }
  toString(): string {
    return `StaleCoding(${this.at}, ${this.span})`;
  }
}

/** A pause longer than the typing group's: the next typing is undone on its own. */
export class Pause extends Command {
  async act(model: Model): Promise<void> {
    model.now += 2 * JOIN_WITHIN_MS;
    return Promise.resolve();
  }
  toString(): string {
    return 'Pause';
  }
}

// Positions as fractions of the current text, in thousandths: plain doubles cluster at 0.
const fraction = fc.integer({ min: 0, max: 999 }).map((value) => value / 1000);

export const commandArbitraries = [
  fc
    .tuple(
      fc.constantFrom('insert', 'delete', 'replace', 'split' as const),
      fraction,
      fraction,
      textArbitrary(1, 4),
      fc.boolean(),
    )
    .map(([kind, at, span, text, continues]) => new Edit(kind, at, span, text, continues)),
  fc
    .tuple(fc.constantFrom('insert', 'delete' as const), fraction, fc.boolean())
    .map(([kind, at, continues]) => new Edit(kind, at, 0.02, 'a', continues)),
  fc.tuple(fraction, fraction, fc.nat(2)).map(([at, span, owner]) => new Code(at, span, owner)),
  fc.nat(50).map((pick) => new RemoveRange('coding', pick)),
  fc
    .tuple(fc.nat(50), fc.constantFrom('start', 'end' as const), fc.integer({ min: -3, max: 3 }))
    .map(([pick, edge, by]) => new MoveBoundary(pick, edge, by)),
  fc
    .tuple(fraction, fraction, fc.nat(1))
    .map(([at, span, question]) => new Answer(at, span, question)),
  fc.nat(50).map((pick) => new RemoveRange('answer', pick)),
  fc.constant(new Undo()),
  fc.constant(new Undo()),
  fc.constant(new Redo()),
  fc.tuple(fraction, fraction).map(([at, span]) => new StaleCoding(at, span)),
  fc.constant(new Pause()),
  fc.nat(50).map((pick) => new Memo(pick)),
  fc.constant(new DocumentMemo()),
  fc.nat(2).map((pick) => new DeleteCode(pick)),
  fc.tuple(fc.nat(2), fc.nat(2)).map(([source, target]) => new MergeCodes(source, target)),
];

// The real project, and the checks that it agrees with the model.

function rangesOf(real: Real, table: 'coding' | 'answer'): Range[] {
  const owner = table === 'coding' ? 'code_id' : 'item_id';
  return (
    real.db
      .prepare(`SELECT ${owner} AS owner, start, "end" FROM ${table} WHERE document_id = ?`)
      .all(real.documentId) as Range[]
  ).sort(byPosition);
}

function storedText(real: Real): string {
  return (
    real.db.prepare('SELECT plain_text FROM document WHERE id = ?').get(real.documentId) as {
      plain_text: string;
    }
  ).plain_text;
}

/** The search index holds exactly the document's non-blank blocks at their offsets. */
function indexedBlocks(real: Real): { start: number; text: string }[] {
  return real.db
    .prepare(
      `SELECT b.start, t.text FROM text_block b JOIN text_index t ON t.rowid = b.id
       WHERE b.document_id = ? ORDER BY b.start`,
    )
    .all(real.documentId) as { start: number; text: string }[];
}

function expectedBlocks(text: string): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  let start = 0;
  for (const block of text.split('\n')) {
    if (block.trim()) blocks.push({ start, text: block });
    start += [...block].length + 1;
  }
  return blocks;
}

function same(label: string, actual: unknown, expected: unknown): void {
  const left = JSON.stringify(actual);
  const right = JSON.stringify(expected);
  if (left !== right) throw new Error(`${label} differs:\n  real:  ${left}\n  model: ${right}`);
}

export async function verify(model: Model, real: Real): Promise<void> {
  const text = model.text.join('');
  same('stored text', storedText(real), text);
  same("editor's text", buildTextIndex(real.doc).text, text);
  same('codings', rangesOf(real, 'coding'), [...model.codings].sort(byPosition));
  same('answers', rangesOf(real, 'answer'), [...model.answers].sort(byPosition));
  same('search index', indexedBlocks(real), expectedBlocks(text));
  const { version } = real.db
    .prepare('SELECT version FROM document WHERE id = ?')
    .get(real.documentId) as { version: number };
  same('version', version, real.version);
  // The speakers the documents list shows are those of the stored turns, whatever the edits did.
  const stored = real.db
    .prepare('SELECT turns, speakers FROM document WHERE id = ?')
    .get(real.documentId) as { turns: string; speakers: string };
  same(
    'speakers',
    JSON.parse(stored.speakers),
    speakersOf(JSON.parse(stored.turns) as { start: number; speaker: string }[]),
  );
  return Promise.resolve();
}

/** Every row the document's codings and answers hold, and its stored text: for exact restoration. */
export function projectImage(real: Real): unknown {
  return {
    document: real.db
      .prepare(
        'SELECT content, plain_text, length, turns, speakers, memo FROM document WHERE id = ?',
      )
      .get(real.documentId),
    codes: real.db.prepare('SELECT * FROM code ORDER BY id').all(),
    codings: real.db
      .prepare('SELECT * FROM coding WHERE document_id = ? ORDER BY id')
      .all(real.documentId),
    answers: real.db
      .prepare('SELECT * FROM answer WHERE document_id = ? ORDER BY id')
      .all(real.documentId),
  };
}

/** A fresh project with one imported document, three codes and a guide of two questions. */
export async function openReal(folder: string, name: string, initial: string): Promise<Real> {
  const clock = { now: 1_000_000 };
  const core = createAppCore(
    join(folder, 'user-data'),
    { kind: 'web', version: '0.0.0-test', defaultProjectFolder: folder },
    { clock: () => clock.now },
  );
  const call = async <Name extends MethodName>(method: Name, input: MethodInput<Name>) => {
    const result = await core.dispatch(method, input);
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<Name>;
  };
  const fail = async (method: MethodName, input: unknown) => {
    const result = await core.dispatch(method, input);
    if (result.ok) throw new Error(`${method} succeeded but should have failed`);
    return result.error;
  };
  await call('projects.create', { path: join(folder, `${name}.axial`), title: name });
  const document = await call('documents.import', {
    fileName: 'entretien.txt',
    data: Buffer.from(initial),
  });
  const detail = await call('documents.get', { id: document.id });
  const axis = await call('codes.create', { name: 'Axe' });
  const codes: string[] = [];
  for (const name of ['Un', 'Deux', 'Trois'])
    codes.push((await call('codes.create', { parentId: axis.id, name })).id);
  const guide = await call('guides.create', { title: 'Guide' });
  const questions: string[] = [];
  for (const text of ['Comment ?', 'Pourquoi ?']) {
    const items = (await call('guides.addItem', { guideId: guide.id, kind: 'question', text }))
      .items;
    questions.push(items.find((item) => item.text === text)!.id);
  }
  return {
    core,
    db: core.context.session.require().db,
    documentId: document.id,
    doc: documentFromJson(detail.content),
    version: detail.version,
    codes,
    questions,
    clock,
    call,
    fail,
  };
}

/** The model of a project right after `openReal`: its text as stored, nothing coded, nothing to undo. */
export function initialModel(real: Real): Model {
  return {
    text: [...storedText(real)],
    codings: [],
    answers: [],
    deleted: [],
    undo: [],
    redo: [],
    now: real.clock.now,
  };
}

/**
 * Runs the commands, then undoes everything back to the start (the project
 * must be exactly as it was) and redoes it all (exactly as it was before).
 */
export async function runScenario(
  real: Real,
  commands: Iterable<fc.AsyncCommand<Model, Real>>,
): Promise<void> {
  const model = initialModel(real);
  const start = projectImage(real);
  for (const command of commands) if (command.check(model)) await command.run(model, real);
  const end = projectImage(real);
  const depth = model.undo.length;
  for (let step = 0; step < depth; step += 1) await new Undo().run(model, real);
  same('project after undoing everything', projectImage(real), start);
  for (let step = 0; step < depth; step += 1) await new Redo().run(model, real);
  same('project after redoing everything', projectImage(real), end);
}

export type { Command };
