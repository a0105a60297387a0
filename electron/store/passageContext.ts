import { compareValues, foldText, parseAttributeValue } from '../../shared/attributeValues';
import type { AttributeCondition, AttributeDefinition, AttributeValue } from '../../shared/cases';
import { listAttributes, valuesByEntity } from './attributes';
import type { Db } from './database';
import { isInterviewerLabel } from './interviewerLabels';

interface DocumentPeople {
  participants: { id: string; name: string; caseId: string | null }[];
  caseIds: string[];
  /** Whether some turn's speaker is named as a linked participant (then the other speakers are someone else); null until asked. */
  speakersNamed: boolean | null;
}

function contextStatements(db: Db) {
  return {
    participants: db.prepare(
      `SELECT p.id, p.name, p.case_id AS caseId FROM document_participant l JOIN participant p ON p.id = l.participant_id
       WHERE l.document_id = ? ORDER BY p.name`,
    ),
    cases: db.prepare('SELECT case_id AS id FROM document_case WHERE document_id = ?').pluck(),
    speakers: db
      .prepare(
        "SELECT DISTINCT json_extract(value, '$.speaker') FROM document, json_each(document.turns) WHERE document.id = ?",
      )
      .pluck(),
  };
}

/**
 * Who and what a passage is about: its participants, their cases and the
 * document's own cases, with their attribute values. The participants are the
 * linked participant named as the turn's speaker; nobody when the turn is the
 * interviewer's (a usual interviewer label, or a speaker who is no participant
 * where the others are named as participants); every linked participant when
 * the text has no speakers or none is named as a participant.
 */
export class PassageContext {
  private readonly people = new Map<string, DocumentPeople>();
  // Per document, per speaker (null: none or it does not matter): no key string built per passage.
  private readonly resolved = new Map<
    string,
    Map<string | null, { participantIds: string[]; caseIds: string[] }>
  >();
  private readonly attributes: Map<string, AttributeDefinition>;
  private readonly values = {
    case: new Map<string, Record<string, AttributeValue>>(),
    participant: new Map<string, Record<string, AttributeValue>>(),
    document: new Map<string, Record<string, AttributeValue>>(),
  };

  constructor(db: Db) {
    this.statements = contextStatements(db);
    this.attributes = new Map(listAttributes(db).map((attribute) => [attribute.id, attribute]));
    this.values.case = valuesByEntity(db, 'case');
    this.values.participant = valuesByEntity(db, 'participant');
    this.values.document = valuesByEntity(db, 'document');
  }

  // Prepared once for the thousands of passages a view resolves.
  private readonly statements: ReturnType<typeof contextStatements>;

  private documentPeople(documentId: string): DocumentPeople {
    let found = this.people.get(documentId);
    if (!found) {
      const participants = this.statements.participants.all(documentId) as {
        id: string;
        name: string;
        caseId: string | null;
      }[];
      const caseIds = this.statements.cases.all(documentId) as string[];
      found = { participants, caseIds, speakersNamed: null };
      this.people.set(documentId, found);
    }
    return found;
  }

  /**
   * Whether some turn's speaker is named as a linked participant: asked only for a speaker
   * who is neither a participant nor the interviewer, which most documents never have.
   */
  private speakersNamed(documentId: string, people: DocumentPeople): boolean {
    if (people.speakersNamed === null) {
      const named = new Set(people.participants.map((participant) => foldText(participant.name)));
      people.speakersNamed = (this.statements.speakers.all(documentId) as (string | null)[]).some(
        (speaker) => speaker !== null && named.has(foldText(speaker)),
      );
    }
    return people.speakersNamed;
  }

  /** Whether the speaker can change who a passage of this document is about (a participant linked). */
  speakerMatters(documentId: string): boolean {
    return this.documentPeople(documentId).participants.length > 0;
  }

  resolve(
    documentId: string,
    speaker: string | null,
  ): { participantIds: string[]; caseIds: string[] } {
    // Thousands of passages share a few (document, speaker) pairs.
    let bySpeaker = this.resolved.get(documentId);
    if (!bySpeaker) this.resolved.set(documentId, (bySpeaker = new Map()));
    const key = this.speakerMatters(documentId) ? speaker : null;
    let found = bySpeaker.get(key);
    if (!found) {
      found = this.resolveUncached(documentId, key);
      bySpeaker.set(key, found);
    }
    // Shared between passages of the same document and speaker: callers only read them.
    return found;
  }

  private resolveUncached(
    documentId: string,
    speaker: string | null,
  ): { participantIds: string[]; caseIds: string[] } {
    const people = this.documentPeople(documentId);
    const named = speaker
      ? people.participants.filter(
          (participant) => foldText(participant.name) === foldText(speaker),
        )
      : [];
    const someoneElse =
      speaker !== null &&
      named.length === 0 &&
      (isInterviewerLabel(speaker) || this.speakersNamed(documentId, people));
    const participants = named.length > 0 ? named : someoneElse ? [] : people.participants;
    // The interviewer's words still belong to the interview's cases.
    const caseIds = new Set(people.caseIds);
    for (const participant of someoneElse ? people.participants : participants)
      if (participant.caseId) caseIds.add(participant.caseId);
    return {
      participantIds: participants.map((participant) => participant.id),
      caseIds: [...caseIds],
    };
  }

  // What `resolve` returned stands for one document and speaker: whether the conditions hold
  // for it is the same for each of its passages, so it is asked once per query's conditions.
  private readonly matched = new WeakMap<readonly AttributeCondition[], WeakMap<object, boolean>>();

  /** Whether every condition holds for one of the passage's entities of the attribute's kind. */
  matches(
    conditions: readonly AttributeCondition[],
    documentId: string,
    resolved: { participantIds: string[]; caseIds: string[] },
  ): boolean {
    let forConditions = this.matched.get(conditions);
    if (!forConditions) this.matched.set(conditions, (forConditions = new WeakMap()));
    let answer = forConditions.get(resolved);
    if (answer === undefined) {
      answer = this.matchesUncached(conditions, documentId, resolved);
      forConditions.set(resolved, answer);
    }
    return answer;
  }

  private matchesUncached(
    conditions: readonly AttributeCondition[],
    documentId: string,
    resolved: { participantIds: string[]; caseIds: string[] },
  ): boolean {
    return conditions.every((condition) => {
      const attribute = this.attributes.get(condition.attributeId);
      if (!attribute) return false;
      const entities =
        attribute.entityKind === 'case'
          ? resolved.caseIds
          : attribute.entityKind === 'participant'
            ? resolved.participantIds
            : [documentId];
      const wanted = parseAttributeValue(attribute.type, condition.value, attribute.choices);
      if (!wanted.ok || wanted.value === null) return false;
      const target = wanted.value;
      return entities.some((entityId) => {
        const value = this.values[attribute.entityKind].get(entityId)?.[attribute.id];
        if (value === undefined) return false;
        return holds(condition.operator, value, target);
      });
    });
  }
}

function holds(
  operator: AttributeCondition['operator'],
  value: AttributeValue,
  target: AttributeValue,
): boolean {
  if (operator === 'contains') return foldText(String(value)).includes(foldText(String(target)));
  const order =
    typeof value === 'string' && typeof target === 'string'
      ? foldText(value).localeCompare(foldText(target))
      : compareValues(value, target);
  switch (operator) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
  }
}
