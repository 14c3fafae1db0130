import { localDate } from '@shared/dates';
import type { TodayProvider } from '../dashboard/today';
import { overdueCustomers } from './cadenceStore';

/**
 * "N 位客户逾期未联系": customers on file this user may see whose phone contact or visit is past due. Users are
 * not tied to a customer manager, so everyone with access sees the office's whole list; the grid filters by 客户经理.
 */
export const overdueContactsToday: TodayProvider = async (ctx) => {
  if (!ctx.session.permissions.has('customers.read')) return [];
  const where = overdueCustomers(ctx.session, localDate(ctx.clock.now()));
  const row = await ctx.db.get<{ n: number }>(
    `SELECT count(*) AS n FROM customer_cadence k WHERE ${where.map((w) => `(${w.sql})`).join(' AND ')}`,
    where.flatMap((w) => w.params),
  );
  return [{ id: 'visits.overdueContacts', text: 'visits.today.overdue', params: {}, count: row?.n ?? 0, level: 'warning', route: '/overdue-contacts' }];
};
