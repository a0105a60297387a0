import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import type { Quotation, QuoteReferenceStyle } from '../../shared/quotations';
import { quoteReference } from '../../shared/quotations';
import { missingPiece, tidyShortForm } from '../../shared/shortForm';
import { sliceCodePoints } from '../../shared/text/codePoints';
import { listCases, listParticipants } from './cases';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { getDocumentText } from './documents';
import { listPassages } from './passages';

/**
 * A short form as kept, refused when it holds words its passage does not:
 * a cut leaves words out, it never puts others in the speaker's mouth.
 */
function checkedShortForm(db: Db, codingId: string, shortForm: string): string {
  const tidy = tidyShortForm(shortForm);
  if (!tidy) return '';
  const coding = db
    .prepare('SELECT document_id, start, "end" FROM coding WHERE id = ?')
    .get(codingId) as { document_id: string; start: number; end: number } | undefined;
  if (!coding) return tidy;
  const passage = sliceCodePoints(
    getDocumentText(db, coding.document_id).text,
    coding.start,
    coding.end,
  );
  const missing = missingPiece(tidy, passage);
  if (missing !== null)
    throw new AxialError(
      'invalid_input',
      `The short form has words the passage does not: "${missing}". Cut the passage with […] without changing its words.`,
      { reason: 'shortFormNotInPassage', words: missing },
    );
  return tidy;
}

interface QuotationRow {
  id: string;
  coding_id: string;
  code_id: string;
  document_id: string;
  short_form: string;
  position: number;
}

export function quoteReferenceStyle(db: Db): QuoteReferenceStyle {
  return db
    .prepare("SELECT quote_reference FROM report_setting WHERE id = 'report'")
    .pluck()
    .get() as QuoteReferenceStyle;
}

/**
 * The quotations in the researcher's order, each with its passage's words
 * as they are now and its reference: those whose coding was removed are not
 * listed (their row waits for an undo of the removal).
 */
export function listQuotations(db: Db): Quotation[] {
  const rows = db
    .prepare(
      `SELECT q.id, q.coding_id, c.code_id, c.document_id, q.short_form, q.position
       FROM quotation q JOIN coding c ON c.id = q.coding_id ORDER BY q.position, q.created_at`,
    )
    .all() as QuotationRow[];
  if (!rows.length) return [];
  // The passages as Passages shows them: their words, speaker, participants and cases.
  const passages = new Map(
    listPassages(db, {
      documentIds: [...new Set(rows.map((row) => row.document_id))],
      codeIds: [...new Set(rows.map((row) => row.code_id))],
      exactCodes: true,
    }).map((passage) => [passage.coding.id, passage]),
  );
  const participantName = new Map(listParticipants(db).map((person) => [person.id, person.name]));
  const caseName = new Map(listCases(db).map((found) => [found.id, found.name]));
  const style = quoteReferenceStyle(db);
  const turnsOf = new Map<string, { start: number; speaker: string }[]>();
  /**
   * The speakers whose turns the quotation's words run over past its first:
   * none when its short form keeps to the first turn's words.
   */
  const laterSpeakers = (
    documentId: string,
    passage: { start: number; end: number; text: string; speaker: string | null },
    shortForm: string,
  ): string[] => {
    let turns = turnsOf.get(documentId);
    if (!turns) turnsOf.set(documentId, (turns = getDocumentText(db, documentId).turns));
    // The same speaker's next paragraph is still their words.
    const later = turns.filter(
      (turn) =>
        turn.start > passage.start && turn.start < passage.end && turn.speaker !== passage.speaker,
    );
    if (!later.length) return [];
    const firstTurn = sliceCodePoints(passage.text, 0, later[0]!.start - passage.start);
    if (shortForm && missingPiece(shortForm, firstTurn) === null) return [];
    return later.map((turn) => turn.speaker);
  };
  return rows.flatMap((row, index) => {
    const passage = passages.get(row.coding_id);
    if (!passage) return [];
    const participantNames = passage.participantIds.map((id) => participantName.get(id) ?? '');
    const caseNames = passage.caseIds.map((id) => caseName.get(id) ?? '');
    return [
      {
        id: row.id,
        codingId: row.coding_id,
        codeId: row.code_id,
        documentId: row.document_id,
        documentTitle: passage.documentTitle,
        start: passage.coding.start,
        end: passage.coding.end,
        text: passage.text,
        shortForm: row.short_form,
        shortFormHeld: !row.short_form || missingPiece(row.short_form, passage.text) === null,
        speaker: passage.speaker,
        otherSpeakers: laterSpeakers(
          row.document_id,
          {
            start: passage.coding.start,
            end: passage.coding.end,
            text: passage.text,
            speaker: passage.speaker,
          },
          row.short_form,
        ),
        participantNames: participantNames.filter(Boolean),
        caseNames: caseNames.filter(Boolean),
        reference: quoteReference(style, {
          participantNames: participantNames.filter(Boolean),
          caseNames: caseNames.filter(Boolean),
          documentTitle: passage.documentTitle,
          page: passage.page,
        }),
        position: index,
      },
    ];
  });
}

/** Marks a coded passage as a quotation, last in the order; marking it again changes nothing. */
export function markQuotation(
  db: Db,
  changes: ChangeSet,
  codingId: string,
  shortForm = '',
): string {
  if (!db.prepare('SELECT 1 FROM coding WHERE id = ?').get(codingId))
    throw new AxialError(
      'not_found',
      'This coded passage no longer exists: it was removed or its words deleted.',
    );
  const held = db.prepare('SELECT id FROM quotation WHERE coding_id = ?').pluck().get(codingId) as
    string | undefined;
  if (held) return held;
  const id = randomUUID();
  const timestamp = now();
  const position = db.prepare('SELECT COALESCE(MAX(position) + 1, 0) FROM quotation').pluck().get();
  insertRow(db, changes, 'quotation', {
    id,
    coding_id: codingId,
    short_form: checkedShortForm(db, codingId, shortForm),
    position: Number(position),
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

function requireQuotation(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM quotation WHERE id = ?').get(id))
    throw new AxialError('not_found', 'This quotation is no longer marked.');
}

export function setShortForm(db: Db, changes: ChangeSet, id: string, shortForm: string): void {
  requireQuotation(db, id);
  const codingId = db
    .prepare('SELECT coding_id FROM quotation WHERE id = ?')
    .pluck()
    .get(id) as string;
  updateRow(db, changes, 'quotation', id, {
    short_form: checkedShortForm(db, codingId, shortForm),
    modified_at: now(),
  });
}

export function unmarkQuotation(db: Db, changes: ChangeSet, id: string): void {
  requireQuotation(db, id);
  deleteRow(db, changes, 'quotation', id);
}

/** Puts a quotation at `index` of the order (of those listed), the others keeping theirs. */
export function moveQuotation(db: Db, changes: ChangeSet, id: string, index: number): void {
  requireQuotation(db, id);
  const order = listQuotations(db).map((quotation) => quotation.id);
  const from = order.indexOf(id);
  if (from === -1) throw new AxialError('not_found', 'This quotation is no longer marked.');
  order.splice(from, 1);
  order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
  order.forEach((quotationId, position) =>
    updateRow(db, changes, 'quotation', quotationId, { position }),
  );
}

export function setQuoteReferenceStyle(
  db: Db,
  changes: ChangeSet,
  style: QuoteReferenceStyle,
): void {
  updateRow(db, changes, 'report_setting', 'report', { quote_reference: style });
}
