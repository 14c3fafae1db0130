import { complaintsByMonth, monthAfter, type MonthTypeCount } from '@shared/reports/complaintsByMonth';
import type { ComplaintMonthRow } from '@shared/schemas/complaint';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import { visibleCustomers } from '../customers/visibility';

/** Complaints received per month and type from `fromMonth` to `toMonth` (inclusive), as the chart draws them. */
export async function complaintsByMonthRows(
  db: Reader,
  session: Session,
  fromMonth: string,
  toMonth: string,
): Promise<ComplaintMonthRow[]> {
  const visible = visibleCustomers(session);
  const counts = await db.all<MonthTypeCount>(
    `SELECT substr(k.received_on, 1, 7) AS month, k.type AS type, count(*) AS count
     FROM complaints k JOIN customers c ON c.id = k.customer_id
     WHERE k.received_on >= ? AND k.received_on < ? AND ${visible.sql}
     GROUP BY month, k.type ORDER BY month, k.type`,
    [`${fromMonth}-01`, `${monthAfter(toMonth)}-01`, ...visible.params],
  );
  return complaintsByMonth(counts, fromMonth, toMonth);
}
