import type { TodayProvider } from '../dashboard/today';

/**
 * The dashboard's outbox lines: files that failed to reach their target (retrying) and files still waiting.
 * The admin (delivery.manage) sees the office's; everyone else their own exports.
 */
export const deliveryToday: TodayProvider = async (ctx) => {
  const all = ctx.session.permissions.has('delivery.manage');
  const row = await ctx.db.get<{ failed: number; waiting: number }>(
    `SELECT coalesce(sum(last_error IS NOT NULL), 0) AS failed, coalesce(sum(last_error IS NULL), 0) AS waiting
     FROM delivery_jobs WHERE status = 'pending' AND (? OR user_id = ?)`,
    [all ? 1 : 0, ctx.session.userId],
  );
  return [
    { id: 'delivery.failed', text: 'delivery.today.failed', params: {}, count: row?.failed ?? 0, level: 'danger', route: '/exports/jobs' },
    { id: 'delivery.waiting', text: 'delivery.today.waiting', params: {}, count: row?.waiting ?? 0, level: 'info', route: '/exports/jobs' },
  ];
};
