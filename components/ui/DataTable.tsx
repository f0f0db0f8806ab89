'use client';

import {
  type ColumnDef,
  type FilterFn,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type RowSelectionState,
  type SortingFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { compareRussian, formatDate, formatNumber } from '@/lib/format/ru';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** Serializable column description, so server pages can describe tables without passing functions. */
export interface ColumnSpec {
  key: string;
  header: string;
  kind?: 'text' | 'number' | 'link' | 'date';
  /** For `link`: the row key holding the URL. */
  hrefKey?: string;
  /** Values that get a coloured badge: value → Tailwind classes. */
  badges?: Record<string, string>;
  /** For `number`: the measure's one precision (decimals always shown); whole numbers when absent. */
  fractionDigits?: number;
  /** For `number` columns mixing measures (indicators of different units): the row key holding that row's precision. */
  digitsKey?: string;
}

export interface FilterSpec {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  /** The cell holds several values joined by this separator; the row matches when any of them equals the choice. */
  separator?: string;
}

/** Row selection (checkbox column): rows are identified by `idKey` and named for screen readers by `labelKey`. */
export interface SelectableSpec {
  idKey: string;
  labelKey: string;
}

const SELECT_COLUMN = '__select';

const ruSort: SortingFn<Row> = (a, b, columnId) => compareRussian(String(a.getValue(columnId) ?? ''), String(b.getValue(columnId) ?? ''));

const equalsFilter: FilterFn<Row> = (row, columnId, value: string) => !value || String(row.getValue(columnId) ?? '') === value;

function listFilter(separator: string): FilterFn<Row> {
  return (row, columnId, value: string) => !value || String(row.getValue(columnId) ?? '').split(separator).includes(value);
}

function selectColumn({ labelKey }: SelectableSpec): ColumnDef<Row> {
  return {
    id: SELECT_COLUMN,
    enableSorting: false,
    enableGlobalFilter: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Выбрать все строки на странице"
        checked={table.getIsAllPageRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Выбрать: ${String(row.original[labelKey] ?? '')}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}

/** One precision per column: the spec's, else one decimal when any value has a fraction, else whole numbers. */
function columnDigits(spec: ColumnSpec, rows: Row[]): number {
  if (spec.fractionDigits !== undefined) return spec.fractionDigits;
  return rows.some((row) => typeof row[spec.key] === 'number' && !Number.isInteger(row[spec.key])) ? 1 : 0;
}

function renderCell(spec: ColumnSpec, row: Row, digits: number) {
  const value = row[spec.key];
  if (value === null || value === undefined || value === '') return <span className="text-slate-500">—</span>;
  if (spec.kind === 'number' && typeof value === 'number') {
    const own = spec.digitsKey ? row[spec.digitsKey] : undefined;
    return formatNumber(value, typeof own === 'number' ? own : digits);
  }
  if (spec.kind === 'date' && typeof value === 'string') return formatDate(value);
  if (spec.kind === 'link' && spec.hrefKey && typeof row[spec.hrefKey] === 'string') {
    return <Link href={row[spec.hrefKey] as string}>{String(value)}</Link>;
  }
  const badge = spec.badges?.[String(value)];
  if (badge) return <span className={`rounded px-2 py-0.5 text-xs font-medium ${badge}`}>{String(value)}</span>;
  return String(value);
}

/** Consecutive rows with the same `groupBy` value: one `<tbody>` under one heading. */
function consecutiveGroups<T>(rows: T[], groupOf: (row: T) => string): { key: string; rows: T[] }[] {
  const groups: { key: string; rows: T[] }[] = [];
  for (const row of rows) {
    const key = groupOf(row);
    const last = groups.at(-1);
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ key, rows: [row] });
  }
  return groups;
}

/**
 * The one table of the portal: sorting, search, filters by value and pagination over TanStack Table. It fits its
 * screen: filters have capped widths, the header stays in view while the rows scroll (inside the table's own
 * box), rows may be grouped under headings (`groupBy`: the column is not repeated in every row and sorting keeps
 * the groups in their given order), and on a phone each row is a card of «label: value» lines.
 */
export function DataTable({
  columns,
  rows,
  caption,
  filters = [],
  searchLabel = 'Поиск',
  emptyText = 'Нет записей.',
  pageSize = 25,
  selectable,
  onSelectionChange,
  initialFilters,
  groupBy,
}: {
  columns: ColumnSpec[];
  rows: Row[];
  caption: string;
  filters?: FilterSpec[];
  searchLabel?: string;
  emptyText?: string;
  pageSize?: number;
  /** Adds a checkbox column; the selected ids go to `onSelectionChange` (client components only). */
  selectable?: SelectableSpec;
  onSelectionChange?: (ids: string[]) => void;
  /** Filter choices to start with (filter key → option value), e.g. from the page's URL: a link can open a filtered list. */
  initialFilters?: Record<string, string>;
  /** Row key whose value heads a group of rows (a road map's sections); groups keep the order of `rows`. */
  groupBy?: string;
}) {
  const id = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [globalFilter, setGlobalFilter] = useState('');
  const [columnFilters, setColumnFilters] = useState<{ id: string; value: unknown }[]>(() =>
    Object.entries(initialFilters ?? {})
      .filter(([key, value]) => value && filters.some((f) => f.key === key && f.options.some((o) => o.value === value)))
      .map(([key, value]) => ({ id: key, value })),
  );
  const defs = useMemo<ColumnDef<Row>[]>(() => {
    const groupOrder = new Map<string, number>();
    if (groupBy) for (const row of rows) if (!groupOrder.has(String(row[groupBy] ?? ''))) groupOrder.set(String(row[groupBy] ?? ''), groupOrder.size);
    const keys = [...new Set([...columns.map((c) => c.key), ...filters.map((f) => f.key), ...(groupBy ? [groupBy] : [])])];
    const groupSort: SortingFn<Row> = (a, b, key) => (groupOrder.get(String(a.original[key] ?? '')) ?? 0) - (groupOrder.get(String(b.original[key] ?? '')) ?? 0);
    const dataColumns = keys.map((key): ColumnDef<Row> => {
      const spec = columns.find((c) => c.key === key);
      const separator = filters.find((f) => f.key === key)?.separator;
      const digits = spec ? columnDigits(spec, rows) : 0;
      return {
        id: key,
        accessorFn: (row: Row) => row[key],
        header: spec?.header ?? key,
        cell: (ctx) => (spec ? renderCell(spec, ctx.row.original, digits) : null),
        sortingFn: key === groupBy ? groupSort : spec?.kind === 'number' ? 'basic' : ruSort,
        filterFn: separator ? listFilter(separator) : equalsFilter,
        enableHiding: true,
      };
    });
    return selectable ? [selectColumn(selectable), ...dataColumns] : dataColumns;
  }, [columns, filters, selectable, groupBy, rows]);
  // Filter-only keys and the group key (shown as the group's heading) are columns without a cell of their own.
  const hidden = [...filters.map((f) => f.key).filter((key) => !columns.some((c) => c.key === key)), ...(groupBy ? [groupBy] : [])];
  // Grouped rows sort inside their group: the group column leads the sort order and keeps the given order.
  // Memoised: a new array each render would recompute the sorted rows, whose page-index reset re-renders — a loop.
  const effectiveSorting = useMemo<SortingState>(() => (groupBy ? [{ id: groupBy, desc: false }, ...sorting] : sorting), [groupBy, sorting]);
  // TanStack Table returns fresh functions each render; React Compiler skips this component, which is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: {
      sorting: effectiveSorting,
      globalFilter,
      columnFilters,
      rowSelection,
      columnVisibility: Object.fromEntries(hidden.map((key) => [key, false])),
    },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(effectiveSorting) : updater;
      setSorting(next.filter((s) => s.id !== groupBy));
    },
    onGlobalFilterChange: setGlobalFilter,
    onColumnFiltersChange: setColumnFilters,
    enableRowSelection: Boolean(selectable),
    getRowId: selectable ? (row, index) => String(row[selectable.idKey] ?? index) : undefined,
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      setRowSelection(next);
      onSelectionChange?.(Object.keys(next).filter((key) => next[key]));
    },
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const total = table.getFilteredRowModel().rows.length;
  const { pageIndex } = table.getState().pagination;
  const visibleColumns = table.getVisibleLeafColumns().length;
  const pageRows = table.getRowModel().rows;
  const groups = groupBy ? consecutiveGroups(pageRows, (row) => String(row.original[groupBy] ?? '')) : pageRows.length > 0 ? [{ key: '', rows: pageRows }] : [];
  const headerText = (columnId: string) => (columnId === SELECT_COLUMN ? 'Выбрать' : (columns.find((c) => c.key === columnId)?.header ?? columnId));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex max-w-full flex-col text-sm" htmlFor={`${id}-search`}>
          {searchLabel}
          <input
            id={`${id}-search`}
            type="search"
            value={globalFilter}
            onChange={(e) => setGlobalFilter(e.target.value)}
            className="mt-1 w-64 max-w-full rounded border border-slate-400 px-2 py-1"
          />
        </label>
        {filters.map((filter) => (
          <label key={filter.key} className="flex max-w-full flex-col text-sm" htmlFor={`${id}-${filter.key}`}>
            {filter.label}
            <select
              id={`${id}-${filter.key}`}
              className="mt-1 w-56 max-w-full truncate rounded border border-slate-400 px-2 py-1"
              value={(table.getColumn(filter.key)?.getFilterValue() as string) ?? ''}
              onChange={(e) => table.getColumn(filter.key)?.setFilterValue(e.target.value || undefined)}
            >
              <option value="">Все</option>
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <p className="text-sm text-slate-700" aria-live="polite">
          Найдено: {formatNumber(total)}
        </p>
      </div>
      <div className="max-w-full overflow-x-auto rounded border border-slate-200 bg-white sm:max-h-[75vh] sm:overflow-y-auto" data-table-box>
        <table className="min-w-full text-sm max-sm:block">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100 text-left max-sm:sr-only">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  if (!header.column.getCanSort()) {
                    return (
                      <th key={header.id} scope="col" className="sticky top-0 z-10 w-8 bg-slate-100 px-3 py-2">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    );
                  }
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="sticky top-0 z-10 bg-slate-100 px-3 py-2 font-semibold"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="flex items-center gap-1 text-left" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          {groups.map((group, index) => (
            <tbody key={`${index}-${group.key}`} className="max-sm:block">
              {groupBy && (
                <tr className="border-t border-slate-300 bg-brand-50 max-sm:block">
                  <th scope="rowgroup" colSpan={visibleColumns} className="px-3 py-2 text-left font-semibold text-slate-900 max-sm:block">
                    {group.key || '—'}
                  </th>
                </tr>
              )}
              {group.rows.map((row) => (
                <tr key={row.id} className="data-table-row">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="data-table-cell">
                      <span className="data-table-label">{headerText(cell.column.id)}</span>
                      <span>{flexRender(cell.column.columnDef.cell, cell.getContext())}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
          {total === 0 && (
            <tbody className="max-sm:block">
              <tr className="max-sm:block">
                <td colSpan={visibleColumns} className="px-3 py-4 text-slate-600 max-sm:block">
                  {emptyText}
                </td>
              </tr>
            </tbody>
          )}
        </table>
      </div>
      {table.getPageCount() > 1 && (
        <nav aria-label="Страницы таблицы" className="flex items-center gap-3 text-sm">
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-50" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Назад
          </button>
          <span>
            Страница {pageIndex + 1} из {table.getPageCount()}
          </span>
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-50" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Вперёд
          </button>
        </nav>
      )}
    </div>
  );
}
