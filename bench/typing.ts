/**
 * Typing cost as a project grows: one flush of typed text (the editor's
 * steps, every coding of the document carried, text and search index stored)
 * in a project of 2,000 transcripts, against the same flush in a project
 * holding that transcript alone.
 */
import { Transform } from '@tiptap/pm/transform';
import { documentFromJson, documentSchema } from '../shared/editor/schema';
import { buildTextIndex, offsetToPosition } from '../shared/text/textIndex';
import type { Db } from '../electron/store/database';
import { benchCore, insertCodings, transcriptText } from './corpus';
import type { Call } from './corpus';
import type { Measurement } from './measure';
import { median, seeded } from './measure';

const TRANSCRIPTS = 2000;
const CHARACTERS = 30_000;
const CODINGS_EACH = 250;

/**
 * Flushes of one typed character each, at `offset` and on, in a row as the
 * editor sends them while the researcher types: the median.
 */
export async function typingFlushes(call: Call, documentId: string, offset: number, count: number) {
  const times: number[] = [];
  const detail = await call<{ content: unknown; version: number }>('documents.get', {
    id: documentId,
  });
  let { version } = detail;
  let doc = documentFromJson(detail.content);
  for (let round = 0; round <= count; round += 1) {
    const transform = new Transform(doc).insert(
      offsetToPosition(buildTextIndex(doc), offset + round),
      documentSchema.text('x'),
    );
    const started = performance.now();
    ({ version } = await call<{ version: number }>('documents.applySteps', {
      id: documentId,
      version,
      steps: transform.steps.map((step) => step.toJSON()),
      continueTyping: true,
    }));
    // The first flush parses the stored document; the editor's typing meets a warm one.
    if (round > 0) times.push(performance.now() - started);
    doc = transform.doc;
  }
  return median(times);
}

/**
 * The other 1,999 transcripts, copied from the first in SQL with their search
 * blocks and their codings: set-up, not measured.
 */
function fillProject(db: Db, templateId: string, random: () => number, codeIds: string[]): void {
  const blocks = db
    .prepare(
      'SELECT b.start, t.text FROM text_block b JOIN text_index t ON t.rowid = b.id WHERE b.document_id = ? ORDER BY b.start',
    )
    .all(templateId) as { start: number; text: string }[];
  const copy = db.prepare(
    `INSERT INTO document (id, kind, title, date, place, description, memo, content, plain_text, length, turns, speakers,
       version, source_name, position, created_at, modified_at, guide_id)
     SELECT @id, kind, title || ' ' || @number, date, place, description, memo, content, plain_text, length, turns,
       speakers, 1,
       source_name, @number, created_at, modified_at, guide_id FROM document WHERE id = @template`,
  );
  const place = db.prepare('INSERT INTO text_block (document_id, start) VALUES (?, ?)');
  const index = db.prepare('INSERT INTO text_index (rowid, text) VALUES (?, ?)');
  const { length } = db.prepare('SELECT length FROM document WHERE id = ?').get(templateId) as {
    length: number;
  };
  const documents: { id: string; length: number }[] = [];
  db.transaction(() => {
    for (let number = 1; number < TRANSCRIPTS; number += 1) {
      const id = crypto.randomUUID();
      copy.run({ id, number, template: templateId });
      for (const block of blocks) index.run(place.run(id, block.start).lastInsertRowid, block.text);
      documents.push({ id, length });
    }
  })();
  insertCodings(db, random, documents, codeIds, documents.length * CODINGS_EACH);
}

async function transcriptProject(title: string, text: string) {
  const bench = await benchCore(title);
  const axis = await bench.call<{ id: string }>('codes.create', { name: 'Axe' });
  const codeIds: string[] = [];
  for (let index = 0; index < 20; index += 1)
    codeIds.push(
      (await bench.call<{ id: string }>('codes.create', { parentId: axis.id, name: `C${index}` }))
        .id,
    );
  const document = await bench.call<{ id: string; length: number }>('documents.import', {
    fileName: 'Entretien 1.txt',
    data: Buffer.from(text),
  });
  const db = bench.core.context.session.require().db;
  insertCodings(db, seeded(11), [document], codeIds, CODINGS_EACH);
  return { ...bench, db, document, codeIds };
}

export async function benchTypingAtScale(runs: number): Promise<Measurement[]> {
  const text = transcriptText(seeded(5), 'DGS', CHARACTERS);
  const alone = await transcriptProject('Seul', text);
  const large = await transcriptProject('Grand', text);
  try {
    const setup = performance.now();
    fillProject(large.db, large.document.id, seeded(13), large.codeIds);
    console.log(
      `  ${TRANSCRIPTS} transcripts, ${TRANSCRIPTS * CODINGS_EACH} codings generated in ${Math.round((performance.now() - setup) / 1000)} s`,
    );
    const count = 10 * runs;
    // Typing near the start moves nearly every coding of the transcript.
    const inLarge = await typingFlushes(large.call, large.document.id, 100, count);
    const inAlone = await typingFlushes(alone.call, alone.document.id, 100, count);
    return [
      {
        group: `Typing in a project of ${TRANSCRIPTS} transcripts (${TRANSCRIPTS * CODINGS_EACH} codings)`,
        name: `Typing flush, one transcript of ${CHARACTERS / 1000},000 characters (baseline: it alone)`,
        unit: 'ms',
        value: inLarge,
        baseline: inAlone,
        budget: 30,
      },
    ];
  } finally {
    large.stop();
    alone.stop();
  }
}
