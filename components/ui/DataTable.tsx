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
import { compareRussian } from '@/lib/format/ru';

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

const numberFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
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

function renderCell(spec: ColumnSpec, row: Row) {
  const value = row[spec.key];
  if (value === null || value === undefined || value === '') return <span className="text-slate-500">—</span>;
  if (spec.kind === 'number' && typeof value === 'number') return numberFormat.format(value);
  if (spec.kind === 'date' && typeof value === 'string') return new Date(value).toLocaleDateString('ru-RU');
  if (spec.kind === 'link' && spec.hrefKey && typeof row[spec.hrefKey] === 'string') {
    return <Link href={row[spec.hrefKey] as string}>{String(value)}</Link>;
  }
  const badge = spec.badges?.[String(value)];
  if (badge) return <span className={`rounded px-2 py-0.5 text-xs font-medium ${badge}`}>{String(value)}</span>;
  return String(value);
}

/** The one table of the portal: sorting, search, filters by value and pagination over TanStack Table. */
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
    const dataColumns = [...new Set([...columns.map((c) => c.key), ...filters.map((f) => f.key)])].map((key): ColumnDef<Row> => {
      const spec = columns.find((c) => c.key === key);
      const separator = filters.find((f) => f.key === key)?.separator;
      return {
        id: key,
        accessorFn: (row: Row) => row[key],
        header: spec?.header ?? key,
        cell: (ctx) => (spec ? renderCell(spec, ctx.row.original) : null),
        sortingFn: spec?.kind === 'number' ? 'basic' : ruSort,
        filterFn: separator ? listFilter(separator) : equalsFilter,
        enableHiding: true,
      };
    });
    return selectable ? [selectColumn(selectable), ...dataColumns] : dataColumns;
  }, [columns, filters, selectable]);
  // TanStack Table returns fresh functions each render; React Compiler skips this component, which is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: {
      sorting,
      globalFilter,
      columnFilters,
      rowSelection,
      columnVisibility: Object.fromEntries(filters.filter((f) => !columns.some((c) => c.key === f.key)).map((f) => [f.key, false])),
    },
    onSortingChange: setSorting,
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

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm" htmlFor={`${id}-search`}>
          {searchLabel}
          <input
            id={`${id}-search`}
            type="search"
            value={globalFilter}
            onChange={(e) => setGlobalFilter(e.target.value)}
            className="mt-1 w-64 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        {filters.map((filter) => (
          <label key={filter.key} className="flex flex-col text-sm" htmlFor={`${id}-${filter.key}`}>
            {filter.label}
            <select
              id={`${id}-${filter.key}`}
              className="mt-1 rounded border border-slate-400 px-2 py-1"
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
          Найдено: {numberFormat.format(total)}
        </p>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100 text-left">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  if (!header.column.getCanSort()) {
                    return (
                      <th key={header.id} scope="col" className="w-8 px-3 py-2">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    );
                  }
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-semibold"
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
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {total === 0 && (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-4 text-slate-600">
                  {emptyText}
                </td>
              </tr>
            )}
          </tbody>
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
