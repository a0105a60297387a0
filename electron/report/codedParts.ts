import type { TFunction } from 'i18next';
import type { CodeNode } from '../../shared/documents';
import type { Quotation } from '../../shared/quotations';
import { citedText } from '../../shared/quotations';
import type { ReportBlock, ReportCell, ReportPart } from '../../shared/report';
import type { Typology } from '../../shared/typology';
import { childrenByParent } from '../exchange/refi/codeTree';
import { buildMatrix } from '../store/matrix';
import type { TableDraft } from './attributeTables';

/**
 * A quotation as the write-up cites it, in the language's quotation marks:
 * quotation marks inside it become the inner ones («… “…” …», "… ‘…’ …").
 */
export function citedWords(quotation: Quotation, t: TFunction): string {
  const [open = '“', close = '”'] = Array.from(t('report.innerQuotes'));
  const text = citedText(quotation)
    .replace(/"([^"]*)"/gu, `${open}$1${close}`)
    .replace(/[«“]\s?/gu, open)
    .replace(/\s?[»”]/gu, close);
  return t('report.quoted', { text });
}

/** The code and every code under it, in the codebook's order, with their depth under it. */
export function subtree(
  codes: readonly CodeNode[],
  rootId: string | null,
): { code: CodeNode; depth: number }[] {
  const children = childrenByParent(codes);
  const found: { code: CodeNode; depth: number }[] = [];
  const walk = (code: CodeNode, depth: number) => {
    found.push({ code, depth });
    for (const child of children.get(code.id) ?? []) walk(child, depth + 1);
  };
  const root = rootId ? codes.find((code) => code.id === rootId) : undefined;
  if (root) walk(root, 0);
  else if (!rootId) for (const top of children.get(null) ?? []) walk(top, 0);
  return found;
}

/** Whether a short form of the table no longer matches its passage: the passage is then cited whole. */
function anyStale(typology: Typology): boolean {
  return typology.rows.some((row) => row.quotations.some((quotation) => !quotation.shortFormHeld));
}

/** The typology as the article's table: a row per code, with its cases, passages and quotations. */
export function typologyTable(
  typology: Typology,
  number: Intl.NumberFormat,
  t: TFunction,
): TableDraft {
  const caseOf = new Map(typology.cases.map((found) => [found.id, found]));
  const abbreviated = typology.cases.some((found) => found.label !== found.name);
  return {
    head: [
      t('typology.columns.code'),
      t('typology.columns.definition'),
      t('typology.columns.cases'),
      t('typology.columns.passages'),
      t('typology.columns.quotations'),
    ],
    rows: typology.rows.map((row) => [
      { text: row.own ? t('typology.ownRow', { code: row.name }) : row.name, strong: true },
      { text: row.definition },
      {
        text:
          t('typology.caseShare', {
            count: typology.cases.length,
            found: number.format(row.caseIds.length),
          }) +
          (row.caseIds.length
            ? ` (${row.caseIds.map((id) => caseOf.get(id)?.label ?? '').join(', ')})`
            : ''),
        title: row.caseIds.map((id) => caseOf.get(id)?.name ?? '').join(', '),
      },
      { text: number.format(row.passages) },
      {
        text: row.quotations
          .map((quotation) => `${citedWords(quotation, t)} (${quotation.reference})`)
          .join('\n'),
      },
    ]),
    notes: [
      t('report.notes.typology'),
      ...(typology.withoutDocuments.length
        ? [
            t('report.notes.withoutDocuments', {
              count: typology.withoutDocuments.length,
              cases: typology.withoutDocuments.map((id) => caseOf.get(id)?.name ?? '').join(', '),
            }),
          ]
        : []),
      ...(anyStale(typology) ? [t('report.notes.shortFormsStale')] : []),
      ...(abbreviated
        ? [
            t('report.notes.caseLabels', {
              labels: typology.cases
                .map((found) => t('report.caseLabel', { label: found.label, name: found.name }))
                .join(t('report.separator')),
            }),
          ]
        : []),
    ],
  };
}

/** Each code of the typology in each case: a tick, or its number of passages. */
export function presenceTable(
  typology: Typology,
  counts: boolean,
  number: Intl.NumberFormat,
  t: TFunction,
): TableDraft {
  return {
    head: [t('typology.columns.code'), ...typology.cases.map((found) => found.label)],
    rows: typology.rows.map((row) => [
      { text: row.own ? t('typology.ownRow', { code: row.name }) : row.name, strong: true },
      ...typology.cases.map((found): ReportCell => {
        const passages = typology.presence[row.codeId]?.[found.id] ?? 0;
        return { text: counts ? number.format(passages) : passages ? '✓' : '' };
      }),
    ]),
    notes: [t(counts ? 'report.notes.presenceCounts' : 'report.notes.presenceTicks')],
  };
}

/** The codebook with its definitions, each code indented under its parent. */
export function codebookTable(
  codes: readonly CodeNode[],
  rootId: string | null,
  t: TFunction,
): TableDraft {
  return {
    head: [t('typology.columns.code'), t('typology.columns.definition')],
    rows: subtree(codes, rootId).map(({ code, depth }) => [
      { text: code.name, indent: depth, strong: depth === 0 },
      { text: code.description },
    ]),
    notes: [],
  };
}

/** The framework matrix: rows by case, participant or document; columns the model at one level. */
export function matrixTable(
  db: Parameters<typeof buildMatrix>[0],
  block: Extract<ReportBlock, { kind: 'matrix' }>,
  number: Intl.NumberFormat,
  t: TFunction,
): TableDraft {
  const matrix = buildMatrix(db, block.rowKind, block.level);
  const cell = new Map(matrix.cells.map((found) => [`${found.rowId} ${found.codeId}`, found]));
  return {
    head: [t(`report.rowKinds.${block.rowKind}`), ...matrix.columns.map((column) => column.name)],
    rows: matrix.rows.map((row) => [
      { text: row.name, strong: true },
      ...matrix.columns.map((column) => {
        const found = cell.get(`${row.id} ${column.id}`);
        return {
          text:
            block.cells === 'summaries'
              ? (found?.summary ?? '')
              : number.format(found?.passages ?? 0),
        };
      }),
    ]),
    notes: [t(block.cells === 'summaries' ? 'report.notes.summaries' : 'report.notes.matrix')],
  };
}

/** The key quotations under a code (every one when none is chosen), grouped by their code. */
export function staleShortForms(quotations: readonly Quotation[]): boolean {
  return quotations.some((quotation) => !quotation.shortFormHeld);
}

export function quotationGroups(
  quotations: readonly Quotation[],
  codes: readonly CodeNode[],
  rootId: string | null,
  t: TFunction,
): Extract<ReportPart, { kind: 'quotations' }>['groups'] {
  return subtree(codes, rootId).flatMap(({ code }) => {
    const own = quotations.filter((quotation) => quotation.codeId === code.id);
    return own.length
      ? [
          {
            code: code.name,
            quotations: own.map((quotation) => ({
              text: citedWords(quotation, t),
              reference: quotation.reference,
            })),
          },
        ]
      : [];
  });
}
