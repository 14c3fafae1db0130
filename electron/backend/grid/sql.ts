import { addDays, startOfLocalDay } from '@shared/dates';
import type { ColumnFilter, DateCondition, GridColumns, NumberCondition, SetCondition, TextCondition } from '@shared/grid';
import type { ColumnSql, GridSpec, SqlFragment } from './spec';

export interface GridView {
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: Record<string, ColumnFilter | undefined>;
  quickSearch: string;
}

/** Escapes LIKE wildcards so a user's "50%" searches for "50%". */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function textSql(col: string, c: TextCondition): SqlFragment {
  const v = c.filter ?? '';
  switch (c.type) {
    case 'contains':
      return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${likeEscape(v)}%`] };
    case 'notContains':
      return { sql: `(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')`, params: [`%${likeEscape(v)}%`] };
    case 'equals':
      return { sql: `${col} = ?`, params: [v] };
    case 'notEqual':
      return { sql: `(${col} IS NULL OR ${col} <> ?)`, params: [v] };
    case 'startsWith':
      return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`${likeEscape(v)}%`] };
    case 'endsWith':
      return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${likeEscape(v)}`] };
    case 'blank':
      return { sql: `(${col} IS NULL OR ${col} = '')`, params: [] };
    case 'notBlank':
      return { sql: `(${col} IS NOT NULL AND ${col} <> '')`, params: [] };
  }
}

function numberSql(col: string, c: NumberCondition, scale = 1): SqlFragment {
  const scaled = (v: number | null | undefined) => (v == null ? null : Math.round(v * scale));
  const a = scaled(c.filter);
  const b = scaled(c.filterTo);
  const cmp = (op: string): SqlFragment => (a === null ? { sql: '1', params: [] } : { sql: `${col} ${op} ?`, params: [a] });
  switch (c.type) {
    case 'equals':
      return cmp('=');
    case 'notEqual':
      return a === null ? { sql: '1', params: [] } : { sql: `(${col} IS NULL OR ${col} <> ?)`, params: [a] };
    case 'lessThan':
      return cmp('<');
    case 'lessThanOrEqual':
      return cmp('<=');
    case 'greaterThan':
      return cmp('>');
    case 'greaterThanOrEqual':
      return cmp('>=');
    case 'inRange':
      if (a === null || b === null) return cmp('>=');
      return { sql: `${col} BETWEEN ? AND ?`, params: [Math.min(a, b), Math.max(a, b)] };
    case 'blank':
      return { sql: `${col} IS NULL`, params: [] };
    case 'notBlank':
      return { sql: `${col} IS NOT NULL`, params: [] };
  }
}

/** Date conditions; ranges are inclusive of both ends, as an office user reads "from … to …". */
function dateSql(column: ColumnSql, c: DateCondition): SqlFragment {
  const col = column.sql;
  const from = c.dateFrom ?? null;
  const to = c.dateTo ?? null;
  if (c.type === 'blank') return { sql: `${col} IS NULL`, params: [] };
  if (c.type === 'notBlank') return { sql: `${col} IS NOT NULL`, params: [] };
  if (from === null) return { sql: '1', params: [] };
  // Instants are compared with the UTC bounds of the local calendar days.
  const lo = (d: string) => (column.dateKind === 'instant' ? startOfLocalDay(d) : d);
  const hiExclusive = (d: string) => (column.dateKind === 'instant' ? startOfLocalDay(addDays(d, 1)) : addDays(d, 1));
  switch (c.type) {
    case 'equals':
      return { sql: `(${col} >= ? AND ${col} < ?)`, params: [lo(from), hiExclusive(from)] };
    case 'notEqual':
      return { sql: `(${col} IS NULL OR ${col} < ? OR ${col} >= ?)`, params: [lo(from), hiExclusive(from)] };
    case 'lessThan':
      return { sql: `${col} < ?`, params: [lo(from)] };
    case 'greaterThan':
      return { sql: `${col} >= ?`, params: [hiExclusive(from)] };
    case 'inRange': {
      const end = to ?? from;
      const [a, b] = from <= end ? [from, end] : [end, from];
      return { sql: `(${col} >= ? AND ${col} < ?)`, params: [lo(a), hiExclusive(b)] };
    }
  }
}

function setSql(column: ColumnSql, c: SetCondition): SqlFragment {
  if (c.values.length === 0) return { sql: '0', params: [] };
  const values = c.values.map((v) => (column.setValue ? column.setValue(v) : v));
  return { sql: `${column.sql} IN (${values.map(() => '?').join(', ')})`, params: values };
}

function conditionSql(column: ColumnSql, condition: ColumnFilter): SqlFragment {
  if ('conditions' in condition) {
    const parts = condition.conditions.map((c) => conditionSql(column, c as ColumnFilter));
    return {
      sql: `(${parts.map((p) => p.sql).join(condition.operator === 'OR' ? ' OR ' : ' AND ')})`,
      params: parts.flatMap((p) => p.params),
    };
  }
  switch (condition.filterType) {
    case 'text':
      return textSql(column.sql, condition);
    case 'number':
      return numberSql(column.sql, condition, column.numberScale);
    case 'date':
      return dateSql(column, condition);
    case 'set':
      return setSql(column, condition);
  }
}

/** WHERE for a view: column filters, quick search and the caller's extra conditions (visibility, parent id). */
export function whereFor<C extends GridColumns, R>(
  spec: GridSpec<C, R>,
  view: GridView,
  extra: SqlFragment[] = [],
): SqlFragment & { needsJoin: boolean } {
  const parts: SqlFragment[] = [...extra];
  let needsJoin = false;
  for (const [colId, filter] of Object.entries(view.filterModel)) {
    if (!filter) continue;
    const column = spec.columns[colId as keyof C];
    if (!column) continue; // the schema already refused unknown ids; this keeps the builder safe on its own
    if (column.joined) needsJoin = true;
    parts.push(conditionSql(column, filter));
  }
  if (view.quickSearch && spec.quickSearch) parts.push(spec.quickSearch(view.quickSearch));
  return {
    sql: parts.length ? `WHERE ${parts.map((p) => `(${p.sql})`).join(' AND ')}` : '',
    params: parts.flatMap((p) => p.params),
    needsJoin,
  };
}

export function orderFor<C extends GridColumns, R>(spec: GridSpec<C, R>, view: GridView): string {
  const sort = view.sortModel.length ? view.sortModel : spec.defaultSort;
  const terms = sort
    .filter((s) => spec.columns[s.colId as keyof C])
    .map((s) => {
      const column = spec.columns[s.colId as keyof C];
      return `${column.sortSql ?? column.sql} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`;
    });
  // Ties go by the key in insertion order: the fields of one save read in the order they were recorded.
  terms.push(spec.id);
  return `ORDER BY ${terms.join(', ')}`;
}
