import { ISO_DATE_RE, type IsoDate } from '@shared/dates';
import { HANDLING_STATUSES, type ComplaintStatus, type DueState } from '@shared/schemas/complaint';

/** Where a complaint stands against its due date on `today` (the same rule as the SQL below). */
export function dueStateOf(status: ComplaintStatus, dueOn: IsoDate, today: IsoDate): DueState {
  if (!(HANDLING_STATUSES as readonly string[]).includes(status)) return 'done';
  if (dueOn < today) return 'overdue';
  return dueOn === today ? 'dueToday' : 'pending';
}

const HANDLING_SQL = HANDLING_STATUSES.map((s) => `'${s}'`).join(', ');

/** `k.status` still within the handling deadline (received, verified, in handling). */
export const handlingSql = (alias = 'k') => `${alias}.status IN (${HANDLING_SQL})`;

/**
 * The due state as an SQL expression for grids and counts. `today` is the backend clock's local date; it is
 * written into the SQL text (not a parameter) because grid columns are plain expressions — so it is checked to be
 * a date first and nothing else can reach the statement.
 */
export function dueStateSql(today: IsoDate, alias = 'k'): string {
  if (!ISO_DATE_RE.test(today)) throw new Error(`not a date: ${today}`);
  return `(CASE WHEN ${handlingSql(alias)} THEN (CASE WHEN ${alias}.due_on < '${today}' THEN 'overdue' WHEN ${alias}.due_on = '${today}' THEN 'dueToday' ELSE 'pending' END) ELSE 'done' END)`;
}
