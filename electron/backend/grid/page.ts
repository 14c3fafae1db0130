import type { GridColumns } from '@shared/grid';
import type { Reader } from '../db/connection';
import type { GridSpec, SqlFragment } from './spec';
import { orderFor, whereFor, type GridView } from './sql';

export interface PageRequest extends GridView {
  startRow: number;
  endRow: number;
}

/** One page of a server-side grid plus the row count of the whole filtered view. */
export async function gridPage<C extends GridColumns, R>(
  db: Reader,
  spec: GridSpec<C, R>,
  request: PageRequest,
  extra: SqlFragment[] = [],
): Promise<{ rows: R[]; rowCount: number }> {
  const where = whereFor(spec, request, extra);
  const order = orderFor(spec, request);
  const [rows, count] = await Promise.all([
    db.all<Record<string, unknown>>(`SELECT ${spec.select} FROM ${spec.from} ${where.sql} ${order} LIMIT ? OFFSET ?`, [
      ...where.params,
      request.endRow - request.startRow,
      request.startRow,
    ]),
    db.get<{ n: number }>(`SELECT count(*) AS n FROM ${where.needsJoin ? spec.from : spec.countFrom} ${where.sql}`, where.params),
  ]);
  return { rows: rows.map(spec.mapRow), rowCount: count?.n ?? 0 };
}

/** Walks the whole filtered, sorted view in chunks (for exports) without holding it all in memory. */
export async function* gridRows<C extends GridColumns, R>(
  db: Reader,
  spec: GridSpec<C, R>,
  view: GridView,
  extra: SqlFragment[] = [],
  chunk = 2000,
): AsyncGenerator<R[]> {
  const where = whereFor(spec, view, extra);
  const order = orderFor(spec, view);
  for (let offset = 0; ; offset += chunk) {
    const rows = await db.all<Record<string, unknown>>(
      `SELECT ${spec.select} FROM ${spec.from} ${where.sql} ${order} LIMIT ? OFFSET ?`,
      [...where.params, chunk, offset],
    );
    if (rows.length) yield rows.map(spec.mapRow);
    if (rows.length < chunk) return;
  }
}
