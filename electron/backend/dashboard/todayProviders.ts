import { localDate, startOfLocalDay } from '@shared/dates';
import { registerTodayProvider } from './today';
import { visibleCustomers } from '../customers/visibility';
import { calendarTodayItems } from '../calendar/today';
import { accessTodayItems } from '../access/today';
import { complaintsToday } from '../complaints/today';
import { contractsToday } from '../contracts/today';
import { overdueContactsToday } from '../visits/todayProvider';
import { deliveryToday } from '../delivery/today';
import { schedulesToday } from '../schedules/today';
import { codeListReviewToday } from '../codeLists/review';

/**
 * Every area's "today" provider, in the order the dashboard lists them. Add an area's provider here (import its
 * module for the side effect, or register inline).
 */
registerTodayProvider(async (ctx) => {
  if (!ctx.session.permissions.has('customers.read')) return [];
  const visible = visibleCustomers(ctx.session);
  const since = startOfLocalDay(localDate(new Date(ctx.clock.now().getTime() - 30 * 86_400_000)));
  const row = await ctx.db.get<{ n: number }>(
    `SELECT count(*) AS n FROM customer_changes h JOIN customers c ON c.id = h.customer_id
     WHERE h.late = 1 AND h.changed_at >= ? AND ${visible.sql}`,
    [since, ...visible.params],
  );
  return [{ id: 'customers.lateUpdates', text: 'dashboard.lateUpdateItem', params: {}, count: row?.n ?? 0, level: 'warning', route: '/customers' }];
});

registerTodayProvider(calendarTodayItems);
registerTodayProvider(accessTodayItems);
registerTodayProvider(complaintsToday);
registerTodayProvider(contractsToday);
registerTodayProvider(overdueContactsToday);
registerTodayProvider(deliveryToday);
registerTodayProvider(schedulesToday);
registerTodayProvider(codeListReviewToday);
