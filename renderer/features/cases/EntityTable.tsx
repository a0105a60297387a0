import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { formatNumber } from '../../components/formatNumber';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import type { CSSProperties } from 'react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttributeDefinition, AttributeValue, EntityKind } from '../../../shared/cases';
import { compareValues } from '../../../shared/attributeValues';
import { ColumnResizer } from './ColumnResizer';
import { useColumnSizes } from './useColumnSizes';
import { ValueEditor } from './ValueEditor';

export interface EntityRow {
  id: string;
  name: string;
  caseId?: string | null;
  values: Record<string, AttributeValue>;
  counts: { label: string; value: number }[];
}

/**
 * One row per case, participant or document, one column per attribute:
 * sorted by a header click, filtered by the search box, edited in place.
 */
export function EntityTable({
  entityKind,
  rows,
  attributes,
  cases,
  onRename,
  onSetCase,
  onSetValue,
  onEditAttribute,
  onDelete,
}: {
  entityKind: EntityKind;
  rows: EntityRow[];
  attributes: AttributeDefinition[];
  cases: { id: string; name: string }[];
  /** Resolves to whether the name was taken: a refused one goes back to the stored name. */
  onRename: ((row: EntityRow, name: string) => Promise<boolean>) | null;
  onSetCase: ((row: EntityRow, caseId: string | null) => void) | null;
  onSetValue: (
    row: EntityRow,
    attribute: AttributeDefinition,
    value: AttributeValue | null,
  ) => Promise<boolean>;
  onEditAttribute: (attribute: AttributeDefinition) => void;
  onDelete: ((row: EntityRow) => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  // The column definitions must stay the same objects across refreshes: a cell renderer that
  // changes identity remounts its editor and loses what is being typed. What changes is read
  // through this ref instead.
  const live = useRef({ onRename, onSetCase, onSetValue, onEditAttribute, onDelete, cases });
  live.current = { onRename, onSetCase, onSetValue, onEditAttribute, onDelete, cases };
  const attributeKey = JSON.stringify(attributes);
  const caseKey = JSON.stringify(cases.map((row) => [row.id, row.name]));
  const countLabels = rows[0]?.counts.map((count) => count.label) ?? [];
  const countKey = countLabels.join('|');
  const hasRename = onRename !== null;
  const hasCase = onSetCase !== null;
  const hasDelete = onDelete !== null;
  // Default widths follow the content: the name, what identifies the row, whole within reason,
  // and an attribute wide enough for its header and its longest value or choice.
  const defaultSizes = useMemo(() => {
    const characters = (text: string) => Array.from(text).length;
    const longestName = Math.max(8, ...rows.map((row) => characters(row.name)));
    const sizes: Record<string, number> = {
      name: Math.min(320, Math.max(120, 24 + longestName * 8)),
      case: 140,
      actions: 90,
    };
    for (const attribute of attributes) {
      const header = `${attribute.name}${attribute.unit ? ` (${attribute.unit})` : ''}`;
      const values = [
        ...(attribute.type === 'choice' ? attribute.choices : []),
        ...rows.map((row) => String(row.values[attribute.id] ?? '')),
      ];
      const longest = Math.max(
        characters(header) + 3,
        ...values.map((value) => characters(value) + 4),
      );
      sizes[attribute.id] = Math.min(360, Math.max(100, 24 + longest * 8.5));
    }
    (rows[0]?.counts ?? []).forEach((count, index) => {
      sizes[`count-${index}`] = Math.max(90, 24 + characters(count.label) * 8);
    });
    return sizes;
  }, [rows, attributes]);
  const columnSizes = useColumnSizes(entityKind, defaultSizes);

  const columns = useMemo<ColumnDef<EntityRow>[]>(() => {
    const definitions = JSON.parse(attributeKey) as AttributeDefinition[];
    const caseNames = new Map(JSON.parse(caseKey) as [string, string][]);
    const list: ColumnDef<EntityRow>[] = [
      {
        id: 'name',
        header: t(`cases.nameOf.${entityKind}`),
        accessorFn: (row) => row.name,
        cell: ({ row }) =>
          hasRename ? (
            <NameCell
              name={row.original.name}
              label={t('cases.nameOfRow', { name: row.original.name })}
              onSave={(name) =>
                live.current.onRename?.(row.original, name) ?? Promise.resolve(true)
              }
            />
          ) : (
            <span>{row.original.name}</span>
          ),
      },
    ];
    if (hasCase) {
      list.push({
        id: 'case',
        header: t('cases.case'),
        accessorFn: (row) => (row.caseId ? (caseNames.get(row.caseId) ?? '') : ''),
        cell: ({ row }) => (
          <select
            aria-label={t('cases.caseOf', { name: row.original.name })}
            value={row.original.caseId ?? ''}
            onChange={(event) => live.current.onSetCase?.(row.original, event.target.value || null)}
          >
            <option value="">—</option>
            {[...caseNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        ),
      });
    }
    for (const attribute of definitions) {
      list.push({
        id: attribute.id,
        header: () => (
          <button
            type="button"
            className="link attribute-header"
            onClick={() => live.current.onEditAttribute(attribute)}
            title={t('cases.editAttribute', { name: attribute.name })}
          >
            {attribute.name}
            {attribute.unit ? ` (${attribute.unit})` : ''}
          </button>
        ),
        accessorFn: (row) => row.values[attribute.id] ?? null,
        sortingFn: (left, right) => {
          const a = left.original.values[attribute.id];
          const b = right.original.values[attribute.id];
          if (a === undefined) return b === undefined ? 0 : 1;
          if (b === undefined) return -1;
          return compareValues(a, b);
        },
        cell: ({ row }) => (
          <ValueEditor
            attribute={attribute}
            value={row.original.values[attribute.id]}
            label={`${attribute.name} — ${row.original.name}`}
            onSave={(value) => live.current.onSetValue(row.original, attribute, value)}
          />
        ),
      });
    }
    (countKey ? countKey.split('|') : []).forEach((label, index) => {
      list.push({
        id: `count-${index}`,
        header: label,
        accessorFn: (row) => row.counts[index]?.value ?? 0,
        cell: ({ getValue }) => (
          <span className="count">{formatNumber(Number(getValue()), i18n.language)}</span>
        ),
      });
    });
    if (hasDelete) {
      list.push({
        id: 'actions',
        header: '',
        enableSorting: false,
        enableResizing: false,
        cell: ({ row }) => (
          <button
            type="button"
            className="link danger"
            aria-label={t('cases.deleteRow', { name: row.original.name })}
            onClick={() => live.current.onDelete?.(row.original)}
          >
            {t('cases.delete')}
          </button>
        ),
      });
    }
    return list;
  }, [
    attributeKey,
    caseKey,
    countKey,
    entityKind,
    hasCase,
    hasDelete,
    hasRename,
    t,
    i18n.language,
  ]);

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: filter, columnSizing: columnSizes.sizes },
    onSortingChange: setSorting,
    onColumnSizingChange: columnSizes.change,
    columnResizeMode: 'onChange',
    defaultColumn: { size: 170, minSize: 60, maxSize: 800 },
    // Ascending on the first click, whatever the column holds.
    sortDescFirst: false,
    onGlobalFilterChange: setFilter,
    globalFilterFn: (row, _column, value: string) => {
      const needle = value.toLowerCase();
      return [row.original.name, ...Object.values(row.original.values).map(String)].some((text) =>
        text.toLowerCase().includes(needle),
      );
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (row) => row.id,
  });

  // The name (and a participant's case) stay in view when the table scrolls sideways, and so
  // do a row's actions: a wide table of attributes hid both.
  const nameWidth = table.getColumn('name')?.getSize() ?? defaultSizes.name!;
  const stickyClass = (columnId: string) =>
    columnId === 'name'
      ? hasCase
        ? 'sticky-start'
        : 'sticky-start sticky-last'
      : columnId === 'case'
        ? 'sticky-start sticky-last'
        : columnId === 'actions'
          ? 'sticky-end'
          : undefined;
  const stickyOffset = (columnId: string): CSSProperties =>
    columnId === 'name' ? { left: 0 } : columnId === 'case' ? { left: nameWidth } : {};
  const definitionsById = new Map(attributes.map((attribute) => [attribute.id, attribute]));

  return (
    <div className="entity-table-wrap">
      <input
        type="search"
        className="table-filter"
        aria-label={t('cases.filterRows')}
        placeholder={t('cases.filterRows')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="entity-table-scroll">
        <table
          className="entity-table"
          data-entity-kind={entityKind}
          style={{ width: table.getTotalSize() }}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    className={stickyClass(header.column.id)}
                    style={{ width: header.getSize(), ...stickyOffset(header.column.id) }}
                    aria-sort={
                      header.column.getIsSorted() === 'asc'
                        ? 'ascending'
                        : header.column.getIsSorted() === 'desc'
                          ? 'descending'
                          : undefined
                    }
                  >
                    <span className="header-content">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {header.column.getCanSort() && (
                        <button
                          type="button"
                          className="sort"
                          aria-label={t('cases.sortBy')}
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {header.column.getIsSorted() === 'asc'
                            ? '▲'
                            : header.column.getIsSorted() === 'desc'
                              ? '▼'
                              : '↕'}
                        </button>
                      )}
                    </span>
                    {header.column.getCanResize() && (
                      <ColumnResizer
                        label={t('cases.resizeColumn', {
                          name:
                            typeof header.column.columnDef.header === 'string'
                              ? header.column.columnDef.header
                              : (definitionsById.get(header.column.id)?.name ?? ''),
                        })}
                        resizing={header.column.getIsResizing()}
                        onPointerDown={header.getResizeHandler()}
                        onReset={() => columnSizes.reset(header.column.id)}
                        onStep={(delta) =>
                          table.setColumnSizing((current) => ({
                            ...current,
                            [header.column.id]: Math.min(
                              800,
                              Math.max(60, header.getSize() + delta),
                            ),
                          }))
                        }
                      />
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-row-name={row.original.name}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={stickyClass(cell.column.id)}
                    style={stickyOffset(cell.column.id)}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function NameCell({
  name,
  label,
  onSave,
}: {
  name: string;
  label: string;
  onSave: (name: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(name);
  return (
    <input
      aria-label={label}
      className="name-cell"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        if (draft.trim() && draft.trim() !== name)
          // Refused (a name already taken): the cell shows the stored name again, not the refused one.
          void onSave(draft.trim()).then((saved) => {
            if (!saved) setDraft(name);
          });
        else setDraft(name);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
      }}
    />
  );
}
