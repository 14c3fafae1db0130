import { COMPLAINT_TYPES, type ComplaintMonthRow, type ComplaintType } from '../schemas/complaint';

/** One count as the database groups it: complaints of one type received in one month ("2026-03"). */
export interface MonthTypeCount {
  month: string;
  type: ComplaintType;
  count: number;
}

/** The month after "YYYY-MM". */
export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included ("2025-11" … "2026-02"); empty when `from` is later. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = monthAfter(m)) months.push(m);
  return months;
}

/**
 * Complaints by type and month for the stacked bar chart: one row per month of the range, in order, months
 * without complaints included as zeros (a gap in the x-axis would hide a quiet month), with the month's total.
 * Counts outside the range are ignored.
 */
export function complaintsByMonth(
  counts: readonly MonthTypeCount[],
  from: string,
  to: string,
): ComplaintMonthRow[] {
  const rows = new Map<string, ComplaintMonthRow>(
    monthsBetween(from, to).map((month) => [
      month,
      { month, suggestion: 0, query: 0, grievance: 0, complaint: 0, total: 0 },
    ]),
  );
  for (const c of counts) {
    const row = rows.get(c.month);
    if (!row || !(COMPLAINT_TYPES as readonly string[]).includes(c.type)) continue;
    row[c.type] += c.count;
    row.total += c.count;
  }
  return [...rows.values()];
}
