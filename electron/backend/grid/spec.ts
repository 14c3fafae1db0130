import type { GridColumns } from '@shared/grid';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

export interface ColumnSql {
  /** The SQL expression the column filters and sorts on. */
  sql: string;
  /** For date columns: calendar dates (`YYYY-MM-DD`) or instants (ISO UTC text). */
  dateKind?: 'date' | 'instant';
  /** What the column sorts by when that differs from what it filters on (a name sorts by its pinyin key). */
  sortSql?: string;
  /** For set columns: turns a value the UI sends into the stored value (e.g. "true" → 1). */
  setValue?: (value: string) => unknown;
  /** For number columns the UI shows in another unit: money is typed in yuan and stored in fen (100). */
  numberScale?: number;
  /** The column needs the joined tables of `from` (not only `countFrom`). */
  joined?: boolean;
}

/**
 * One server-side grid: where its rows come from and how each whitelisted column maps to SQL.
 * Only the expressions written here ever reach SQL; the renderer names columns, never SQL.
 */
export interface GridSpec<C extends GridColumns, Row> {
  columns: { [K in keyof C]: ColumnSql };
  /** FROM with every join the page's select list needs. */
  from: string;
  /**
   * FROM for counting, and for picking a page's keys, when no joined column is filtered or sorted (cheaper).
   * It must select the same rows as `from` (the joins only add columns), and quick-search and extra fragments
   * may only use its tables.
   */
  countFrom: string;
  select: string;
  /** Primary key expression; every ORDER BY ends with it so paging is deterministic. */
  id: string;
  defaultSort: { colId: keyof C & string; sort: 'asc' | 'desc' }[];
  quickSearch?: (text: string) => SqlFragment;
  mapRow: (raw: Record<string, unknown>) => Row;
}
