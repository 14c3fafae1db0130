import { localDate } from '@shared/dates';
import type { TodayItem } from '@shared/schemas/today';
import type { TodayProvider } from '../dashboard/today';
import { visibleCustomers } from '../customers/visibility';
import { handlingSql } from './dueState';

/**
 * The dashboard's complaint lines: complaints still being handled whose due date is today, and those past it.
 * Each links to the register filtered the same way.
 */
export const complaintsToday: TodayProvider = async (ctx) => {
  if (!ctx.session.permissions.has('customers.read')) return [];
  const today = localDate(ctx.clock.now());
  const visible = visibleCustomers(ctx.session);
  const row = await ctx.db.get<{ overdue: number; dueToday: number }>(
    `SELECT coalesce(sum(k.due_on < ?), 0) AS overdue, coalesce(sum(k.due_on = ?), 0) AS dueToday
     FROM complaints k JOIN customers c ON c.id = k.customer_id
     WHERE ${handlingSql()} AND k.due_on <= ? AND ${visible.sql}`,
    [today, today, today, ...visible.params],
  );
  const items: TodayItem[] = [
    {
      id: 'complaints.overdue',
      text: 'complaints.today.overdue',
      params: {},
      count: row?.overdue ?? 0,
      level: 'danger',
      route: '/complaints?due=overdue',
    },
    {
      id: 'complaints.dueToday',
      text: 'complaints.today.dueToday',
      params: {},
      count: row?.dueToday ?? 0,
      level: 'warning',
      route: '/complaints?due=dueToday',
    },
  ];
  return items;
};
