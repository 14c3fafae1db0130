import type { calendarGridColumns } from '@shared/grids/calendar';
import type { CalendarDayRecord } from '@shared/schemas/calendar';
import type { GridSpec, SqlFragment } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';

const weekdaySql = `CAST(strftime('%w', cd.date) AS INTEGER)`;

export const calendarGrid: GridSpec<typeof calendarGridColumns, CalendarDayRecord> = {
  from: 'calendar_days cd LEFT JOIN users u ON u.id = cd.updated_by',
  countFrom: 'calendar_days cd',
  id: 'cd.date',
  select: `cd.date AS id, cd.date, cd.kind, cd.name, ${weekdaySql} AS weekday, cd.updated_at AS updatedAt, u.display_name AS updatedBy`,
  columns: {
    date: { sql: 'cd.date', dateKind: 'date' },
    weekday: { sql: weekdaySql, setValue: (v) => Number(v) },
    kind: { sql: 'cd.kind' },
    name: { sql: 'cd.name' },
    updatedAt: { sql: 'cd.updated_at', dateKind: 'instant' },
    updatedBy: { sql: 'u.display_name', joined: true },
  },
  defaultSort: [{ colId: 'date', sort: 'asc' }],
  quickSearch: (text) => ({
    sql: `(cd.name LIKE ? ESCAPE '\\' OR cd.date LIKE ? ESCAPE '\\')`,
    params: [`%${likeEscape(text)}%`, `%${likeEscape(text)}%`],
  }),
  mapRow: (raw) => raw as unknown as CalendarDayRecord,
};

/** The grid's year selector: only that calendar year's dates. */
export function yearFilter(year: number | null): SqlFragment[] {
  if (year === null) return [];
  return [{ sql: 'cd.date >= ? AND cd.date < ?', params: [`${year}-01-01`, `${year + 1}-01-01`] }];
}

export async function loadCalendarDay(db: Reader | Tx, date: string): Promise<CalendarDayRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(
    `SELECT ${calendarGrid.select} FROM ${calendarGrid.from} WHERE cd.date = ?`,
    [date],
  );
  return raw ? calendarGrid.mapRow(raw) : undefined;
}
