import type { AttributeDefinition } from '../../../shared/cases';
import type { CodeNode } from '../../../shared/documents';
import type { ReportBlock, ReportBlockKind } from '../../../shared/report';
import { participantCaseColumn } from '../../../shared/report';

/** A block of a kind as it starts: every attribute, the first code with sub-codes, the whole codebook. */
export function newBlock(
  kind: ReportBlockKind,
  context: {
    codes: readonly CodeNode[];
    attributes: readonly AttributeDefinition[];
    heading: string;
  },
): ReportBlock | null {
  const id = crypto.randomUUID();
  const attributesOf = (entityKind: 'case' | 'participant') =>
    context.attributes
      .filter((attribute) => attribute.entityKind === entityKind)
      .map((attribute) => attribute.id);
  const parent = context.codes.find((code) =>
    context.codes.some((other) => other.parentId === code.id && code.parentId !== null),
  );
  switch (kind) {
    case 'heading':
      return { id, kind, text: context.heading };
    case 'caseTable':
      return { id, kind, columns: attributesOf('case'), casesAsColumns: false, caption: '' };
    case 'participantTable':
      return {
        id,
        kind,
        columns: [participantCaseColumn, ...attributesOf('participant')],
        caption: '',
      };
    case 'guideTable':
      return { id, kind, guideId: null, caption: '' };
    case 'typology': {
      const codeId = parent?.id ?? context.codes[0]?.id;
      return codeId ? { id, kind, codeId, presence: 'ticks', caption: '' } : null;
    }
    case 'quotations':
    case 'codebook':
      return { id, kind, codeId: null, caption: '' };
    case 'matrix':
      return { id, kind, rowKind: 'case', level: 'variable', cells: 'passages', caption: '' };
    case 'chart':
      return { id, kind, caption: '' };
  }
}
