import { z } from 'zod';
import { matrixLevels, matrixRowKinds } from './analysis';
import type { Language } from './domain';

const id = z.uuid('Not a valid identifier.');
/** A caption of the researcher's; empty means the report's own wording. */
const caption = z.string().max(500).default('');

/** A participant table's column: one of their attributes, or the case they belong to. */
export const participantCaseColumn = 'case';

/**
 * One block of the study report, as the researcher arranged it. Blocks name
 * codes, attributes and guides by id: one deleted since is said in the
 * report, never guessed.
 */
export const reportBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id, kind: z.literal('heading'), text: z.string().trim().min(1).max(500) }),
  z.strictObject({
    id,
    kind: z.literal('caseTable'),
    columns: z.array(id).max(200),
    /** Cases as columns and attributes as rows, as an article sets six cases side by side. */
    casesAsColumns: z.boolean().default(false),
    caption,
  }),
  z.strictObject({
    id,
    kind: z.literal('participantTable'),
    columns: z.array(z.union([id, z.literal(participantCaseColumn)])).max(200),
    caption,
  }),
  z.strictObject({ id, kind: z.literal('guideTable'), guideId: id.nullable(), caption }),
  z.strictObject({
    id,
    kind: z.literal('typology'),
    codeId: id,
    /** The presence of each code in each case after it: none, ticks, or numbers of passages. */
    presence: z.enum(['none', 'ticks', 'counts']).default('ticks'),
    caption,
  }),
  z.strictObject({ id, kind: z.literal('quotations'), codeId: id.nullable(), caption }),
  z.strictObject({ id, kind: z.literal('codebook'), codeId: id.nullable(), caption }),
  z.strictObject({
    id,
    kind: z.literal('matrix'),
    rowKind: z.enum(matrixRowKinds).default('case'),
    level: z.enum(matrixLevels).default('variable'),
    cells: z.enum(['passages', 'summaries']).default('passages'),
    caption,
  }),
  z.strictObject({ id, kind: z.literal('chart'), caption }),
]);

export type ReportBlock = z.infer<typeof reportBlockSchema>;
export type ReportBlockKind = ReportBlock['kind'];
export const reportBlockKinds = reportBlockSchema.options.map(
  (option) => option.shape.kind.value,
) as ReportBlockKind[];

export const reportLayoutSchema = z.array(reportBlockSchema).max(200);

export interface ReportLayout {
  blocks: ReportBlock[];
  /** False while the researcher has not arranged one: the blocks are the usual report. */
  arranged: boolean;
}

/** A table's cell: its text (lines split by \n), what hovering says, its span and indent. */
export interface ReportCell {
  text: string;
  title?: string;
  columnSpan?: number;
  /** Depth of a code under its axis, drawn as an indent. */
  indent?: number;
  strong?: boolean;
}

/** The report as its blocks are drawn: the same parts for the preview, the print and Word. */
export type ReportPart =
  | { kind: 'heading'; blockId: string; text: string }
  | {
      kind: 'table';
      blockId: string;
      /** "Table 2": numbered in the report's order. */
      label: string;
      number: number;
      caption: string;
      head: string[];
      rows: ReportCell[][];
      /** Said under the table: how it was counted, what it leaves out. */
      notes: string[];
    }
  | {
      kind: 'quotations';
      blockId: string;
      caption: string;
      groups: { code: string; quotations: { text: string; reference: string }[] }[];
      notes: string[];
    }
  | {
      kind: 'figure';
      blockId: string;
      label: string;
      number: number;
      caption: string;
      svg: string;
      width: number;
      height: number;
      notes: string[];
    }
  /** A block that cannot be drawn (its code was deleted, no case is rated): why, in words. */
  | { kind: 'notice'; blockId: string; text: string };

export interface ReportContent {
  title: string;
  language: Language;
  parts: ReportPart[];
}
