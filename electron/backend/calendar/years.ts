import type { IsoDate } from '@shared/dates';
import type { CalendarYears } from '@shared/schemas/calendar';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { yearStatus } from './rules';

/** Which calendar years have entries, with the count of each kind, and whether a year's list is missing. */
export async function calendarYears(db: Reader | Tx, today: IsoDate): Promise<CalendarYears> {
  const years = await db.all<{ year: number; holidays: number; workdays: number }>(
    `SELECT CAST(substr(date, 1, 4) AS INTEGER) AS year, sum(kind = 'holiday') AS holidays, sum(kind = 'workday') AS workdays
     FROM calendar_days GROUP BY substr(date, 1, 4) ORDER BY year`,
  );
  return {
    years,
    ...yearStatus(
      today,
      years.map((y) => y.year),
    ),
  };
}
