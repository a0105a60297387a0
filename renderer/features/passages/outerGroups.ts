import type {
  AttributeDefinition,
  AttributeValue,
  CaseRecord,
  ParticipantRecord,
} from '../../../shared/cases';
import type { DocumentSummary, Passage } from '../../../shared/documents';
import type { AnswerPassage, GuideDetail } from '../../../shared/guides';

/** How passages are grouped around the axis tree: not at all, by case, by participant, or by an attribute's value. */
export type GroupBy = 'axis' | 'case' | 'participant' | 'question' | `attribute:${string}`;

export interface OuterGroup {
  key: string;
  label: string | null;
  passages: Passage[];
}

export interface GroupingData {
  cases: CaseRecord[];
  participants: ParticipantRecord[];
  documents: DocumentSummary[];
  attributes: AttributeDefinition[];
  /** For grouping by question: the guide and its answers. */
  guide?: GuideDetail | null;
  answers?: AnswerPassage[];
  /** An attribute's value as a heading, in the interface's language ("oui", "14 mars 2024"). */
  format: (value: AttributeValue, attribute: AttributeDefinition) => string;
}

/**
 * Splits passages into outer groups; the axis tree is drawn inside each. A
 * passage of a focus group belongs to each of its participants' groups. Passages
 * with no case, participant or value fall in a last group with no label.
 */
export function outerGroups(
  passages: readonly Passage[],
  groupBy: GroupBy,
  data: GroupingData,
): OuterGroup[] {
  if (groupBy === 'axis') return [{ key: 'all', label: null, passages: [...passages] }];
  const groups = new Map<string, OuterGroup>();
  const none: Passage[] = [];
  const add = (key: string, label: string, passage: Passage) => {
    const group = groups.get(key) ?? { key, label, passages: [] };
    group.passages.push(passage);
    groups.set(key, group);
  };
  const caseNames = new Map(data.cases.map((row) => [row.id, row.name]));
  const participantNames = new Map(data.participants.map((row) => [row.id, row.name]));
  const attribute = groupBy.startsWith('attribute:')
    ? data.attributes.find((candidate) => `attribute:${candidate.id}` === groupBy)
    : undefined;
  const valuesOf = (passage: Passage): AttributeValue[] => {
    if (!attribute) return [];
    if (attribute.entityKind === 'case')
      return passage.caseIds
        .map((id) => data.cases.find((row) => row.id === id)?.values[attribute.id])
        .filter((value) => value !== undefined);
    if (attribute.entityKind === 'participant') {
      return passage.participantIds
        .map((id) => data.participants.find((row) => row.id === id)?.values[attribute.id])
        .filter((value) => value !== undefined);
    }
    const value = data.documents.find((row) => row.id === passage.coding.documentId)?.values[
      attribute.id
    ];
    return value === undefined ? [] : [value];
  };
  const questions = (data.guide?.items ?? []).filter((item) => item.kind !== 'section');
  // A prompt's answers count for its question.
  const questionOf = (itemId: string) => {
    const item = questions.find((candidate) => candidate.id === itemId);
    return item?.kind === 'prompt'
      ? questions.find((candidate) => candidate.id === item.parentId)
      : item;
  };
  for (const passage of passages) {
    let keys: [string, string][];
    if (groupBy === 'question') {
      // A coded passage belongs to the questions whose answers it overlaps.
      const overlapping = (data.answers ?? []).filter(
        (answer) =>
          answer.answer.documentId === passage.coding.documentId &&
          answer.answer.start < passage.coding.end &&
          answer.answer.end > passage.coding.start,
      );
      const found = new Map<string, string>();
      for (const answer of overlapping) {
        const question = questionOf(answer.answer.itemId);
        if (question) found.set(question.id, `${question.number}. ${question.text}`);
      }
      keys = [...found];
    } else if (groupBy === 'case')
      keys = passage.caseIds.map((id) => [id, caseNames.get(id) ?? id]);
    else if (groupBy === 'participant')
      keys = passage.participantIds.map((id) => [id, participantNames.get(id) ?? id]);
    else {
      // Keyed by the stored value (sorted as it), labelled as the interface's language writes it.
      const values = new Map(valuesOf(passage).map((value) => [String(value), value]));
      keys = [...values].map(([key, value]) => [key, data.format(value, attribute!)]);
    }
    if (keys.length === 0) none.push(passage);
    for (const [key, label] of keys) add(key, label, passage);
  }
  const order = (group: OuterGroup) => {
    if (groupBy === 'question') return questions.findIndex((item) => item.id === group.key);
    if (groupBy === 'case') return data.cases.findIndex((row) => row.id === group.key);
    if (groupBy === 'participant')
      return data.participants.findIndex((row) => row.id === group.key);
    if (attribute?.type === 'choice')
      return attribute.choices.findIndex((choice) => choice === group.key);
    if (attribute?.type === 'number') return Number(group.key);
    return 0;
  };
  const sorted = [...groups.values()].sort(
    (a, b) =>
      order(a) - order(b) ||
      (attribute?.type === 'date'
        ? a.key.localeCompare(b.key)
        : (a.label ?? '').localeCompare(b.label ?? '', undefined, { numeric: true })),
  );
  return none.length > 0 ? [...sorted, { key: 'none', label: null, passages: none }] : sorted;
}
