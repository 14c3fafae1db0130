import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { WorkingCalendar, type CalendarEntry } from '@shared/workingDays';

/**
 * The office's working-day calendar as the table holds it now. The table is small (a few dozen rows a year),
 * so every deadline computation loads it whole; inside a write transaction pass ctx.tx so the rule sees the
 * transaction's own view.
 */
export async function loadWorkingCalendar(db: Reader | Tx): Promise<WorkingCalendar> {
  const rows = await db.all<CalendarEntry>('SELECT date, kind FROM calendar_days ORDER BY date');
  return new WorkingCalendar(rows);
}
