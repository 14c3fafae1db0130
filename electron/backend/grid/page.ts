import type { GridColumns } from '@shared/grid';
import type { Reader } from '../db/connection';
import type { GridSpec, SqlFragment } from './spec';
import { orderFor, whereFor, type GridView } from './sql';

export interface PageRequest extends GridView {
  startRow: number;
  endRow: number;
}

/**
 * One slice of a view, as a "late row lookup": the inner query picks the slice's keys reading only what it
 * filters and sorts on (an index often answers it alone, and OFFSET then skips index entries rather than whole
 * rows with their joins), the outer query reads just those rows, in the same order. Same rows, same order as
 * the plain `SELECT … WHERE … ORDER BY … LIMIT … OFFSET …`: the ORDER BY ends with the key, so it is total.
 * The inner query uses `countFrom` unless a filtered or sorted column needs the joined tables.
 */
function sliceSql<C extends GridColumns, R>(spec: GridSpec<C, R>, view: GridView, extra: SqlFragment[]) {
  const where = whereFor(spec, view, extra);
  const order = orderFor(spec, view);
  const sort = view.sortModel.length ? view.sortModel : spec.defaultSort;
  const sortNeedsJoin = sort.some((s) => spec.columns[s.colId as keyof C]?.joined === true);
  const keysFrom = where.needsJoin || sortNeedsJoin ? spec.from : spec.countFrom;
  return {
    where,
    sql: `SELECT ${spec.select} FROM ${spec.from} WHERE ${spec.id} IN (SELECT ${spec.id} FROM ${keysFrom} ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`,
    params: (limit: number, offset: number) => [...where.params, limit, offset],
  };
}

/** One page of a server-side grid plus the row count of the whole filtered view. */
export async function gridPage<C extends GridColumns, R>(
  db: Reader,
  spec: GridSpec<C, R>,
  request: PageRequest,
  extra: SqlFragment[] = [],
): Promise<{ rows: R[]; rowCount: number }> {
  const slice = sliceSql(spec, request, extra);
  const where = slice.where;
  const [rows, count] = await Promise.all([
    db.all<Record<string, unknown>>(
      slice.sql,
      slice.params(request.endRow - request.startRow, request.startRow),
    ),
    db.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${where.needsJoin ? spec.from : spec.countFrom} ${where.sql}`,
      where.params,
    ),
  ]);
  return { rows: rows.map(spec.mapRow), rowCount: count?.n ?? 0 };
}

/** The row count of the whole filtered view (an export's total, for its progress). */
export async function gridCount<C extends GridColumns, R>(db: Reader, spec: GridSpec<C, R>, view: GridView, extra: SqlFragment[] = []): Promise<number> {
  const where = whereFor(spec, view, extra);
  const count = await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${where.needsJoin ? spec.from : spec.countFrom} ${where.sql}`, where.params);
  return count?.n ?? 0;
}

/** Walks the whole filtered, sorted view in chunks (for exports) without holding it all in memory. */
export async function* gridRows<C extends GridColumns, R>(
  db: Reader,
  spec: GridSpec<C, R>,
  view: GridView,
  extra: SqlFragment[] = [],
  chunk = 2000,
): AsyncGenerator<R[]> {
  const slice = sliceSql(spec, view, extra);
  for (let offset = 0; ; offset += chunk) {
    const rows = await db.all<Record<string, unknown>>(slice.sql, slice.params(chunk, offset));
    if (rows.length) yield rows.map(spec.mapRow);
    if (rows.length < chunk) return;
  }
}
