import { randomUUID } from 'node:crypto';
import { AxialError } from '../../shared/errors';
import { NAME_LIMIT } from '../../shared/limits';
import { foldForComparison } from '../../shared/text/fold';
import type { NewPseudonymEntry, PseudonymEntry, PseudonymKind } from '../../shared/pseudonyms';
import { now } from './clock';
import type { Db } from './database';
import type { ChangeSet } from './journal';
import { deleteRow, insertRow, updateRow } from './journal';
import { forgetExceptionsOf } from './pseudonymExceptions';

interface PseudonymRow {
  id: string;
  kind: PseudonymKind;
  real: string;
  variants: string;
  pseudonym: string;
  source_kind: 'participant' | 'case' | null;
  source_id: string | null;
}

function toEntry(row: PseudonymRow): PseudonymEntry {
  return {
    id: row.id,
    kind: row.kind,
    real: row.real,
    variants: JSON.parse(row.variants) as string[],
    pseudonym: row.pseudonym,
    source: row.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : null,
  };
}

export function listPseudonyms(db: Db): PseudonymEntry[] {
  return (
    db
      .prepare(
        'SELECT id, kind, real, variants, pseudonym, source_kind, source_id FROM pseudonym ORDER BY position, created_at',
      )
      .all() as PseudonymRow[]
  ).map(toEntry);
}

/** Trimmed, each variant once, the name itself not repeated among them. */
function cleaned(entry: NewPseudonymEntry): NewPseudonymEntry {
  const real = entry.real.trim();
  const pseudonym = entry.pseudonym.trim();
  if (!real || !pseudonym)
    throw new AxialError('invalid_input', 'Each name needs its real form and its pseudonym.');
  const seen = new Set([real.toLowerCase()]);
  const variants: string[] = [];
  for (const variant of entry.variants.map((text) => text.trim()))
    if (variant && !seen.has(variant.toLowerCase())) {
      seen.add(variant.toLowerCase());
      variants.push(variant);
    }
  for (const text of [real, pseudonym, ...variants])
    if (text.length > NAME_LIMIT)
      throw new AxialError(
        'invalid_input',
        `"${text.slice(0, 40)}…" is longer than ${NAME_LIMIT} characters: a name, not a passage.`,
      );
  return { ...entry, real, pseudonym, variants };
}

// "Saint-Étienne" and "saint etienne" are one name to the researcher.
const folded = (text: string) =>
  foldForComparison(text.trim())
    .replace(/[\s-]+/gu, ' ')
    .trim();

/** The entry (other than `self`) that already holds one of this entry's names, and which name. */
export function heldElsewhere(
  db: Db,
  entry: NewPseudonymEntry,
  self: string | null = null,
): { other: PseudonymEntry; clash: string } | null {
  const forms = new Set([entry.real, ...entry.variants].map(folded));
  for (const other of listPseudonyms(db)) {
    if (other.id === self) continue;
    const clash = [other.real, ...other.variants].find((text) => forms.has(folded(text)));
    if (clash) return { other, clash };
  }
  return null;
}

/**
 * A name another entry holds already would be replaced by whichever entry
 * comes first: refused, naming the entry that holds it.
 */
function refuseHeld(db: Db, entry: NewPseudonymEntry, self: string | null): void {
  const held = heldElsewhere(db, entry, self);
  if (held) {
    const { other, clash } = held;
    throw new AxialError(
      'invalid_input',
      `"${clash}" is already in the table, for "${other.real}" (replaced by "${other.pseudonym}"). Change that entry, or write this name differently.`,
      { reason: 'alreadyInTable', name: clash, real: other.real, pseudonym: other.pseudonym },
    );
  }
}

export function addPseudonym(db: Db, changes: ChangeSet, input: NewPseudonymEntry): string {
  const entry = cleaned(input);
  refuseHeld(db, entry, null);
  const id = randomUUID();
  const timestamp = now();
  const position = db.prepare('SELECT COALESCE(MAX(position) + 1, 0) FROM pseudonym').pluck().get();
  insertRow(db, changes, 'pseudonym', {
    id,
    kind: entry.kind,
    real: entry.real,
    variants: JSON.stringify(entry.variants),
    pseudonym: entry.pseudonym,
    source_kind: entry.source?.kind ?? null,
    source_id: entry.source?.id ?? null,
    position: Number(position),
    created_at: timestamp,
    modified_at: timestamp,
  });
  return id;
}

export function updatePseudonym(
  db: Db,
  changes: ChangeSet,
  id: string,
  input: NewPseudonymEntry,
): void {
  if (!db.prepare('SELECT 1 FROM pseudonym WHERE id = ?').get(id))
    throw new AxialError('not_found', 'This name is no longer in the table.');
  const entry = cleaned(input);
  refuseHeld(db, entry, id);
  updateRow(db, changes, 'pseudonym', id, {
    kind: entry.kind,
    real: entry.real,
    variants: JSON.stringify(entry.variants),
    pseudonym: entry.pseudonym,
    modified_at: now(),
  });
}

export function removePseudonym(db: Db, changes: ChangeSet, id: string): void {
  forgetExceptionsOf(db, changes, id);
  deleteRow(db, changes, 'pseudonym', id);
}

/**
 * Entries proposed from the project's own people and cases, for those the
 * table does not hold yet: a case becomes a letter ("Collectivité A"), a
 * participant a number, as the caller's language writes them; a
 * participant's surname is a variant, since it is said alone too.
 */
export function proposedFromPeople(
  db: Db,
  names: { case: (letter: string) => string; participant: (number: number) => string },
): NewPseudonymEntry[] {
  const held = new Set(
    db
      .prepare('SELECT source_id FROM pseudonym WHERE source_id IS NOT NULL')
      .pluck()
      .all() as string[],
  );
  const cases = db
    .prepare('SELECT id, name FROM study_case ORDER BY position, created_at')
    .all() as { id: string; name: string }[];
  const participants = db
    .prepare('SELECT id, name FROM participant ORDER BY position, created_at')
    .all() as { id: string; name: string }[];
  const letter = (index: number) =>
    index < 26
      ? String.fromCharCode(65 + index)
      : `${String.fromCharCode(65 + (index % 26))}${Math.floor(index / 26)}`;
  const proposals: NewPseudonymEntry[] = [];
  cases.forEach((row, index) => {
    if (held.has(row.id)) return;
    proposals.push({
      kind: 'organisation',
      real: row.name,
      variants: [],
      pseudonym: names.case(letter(index)),
      source: { kind: 'case', id: row.id },
    });
  });
  participants.forEach((row, index) => {
    if (held.has(row.id)) return;
    const words = row.name.trim().split(/\s+/);
    proposals.push({
      kind: 'person',
      real: row.name,
      // A first name and a surname are each written alone too.
      variants: words.length > 1 ? [words[words.length - 1]!] : [],
      pseudonym: names.participant(index + 1),
      source: { kind: 'participant', id: row.id },
    });
  });
  return proposals;
}
