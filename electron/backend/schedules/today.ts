import type { TodayProvider } from '../dashboard/today';

/**
 * The dashboard's 定时导出 lines, for the admin who can act on them (delivery.manage): enabled schedules whose
 * last run failed or failed in part (the line goes once a run succeeds), and the spec's default schedules still
 * waiting for an admin to pick their target.
 */
export const schedulesToday: TodayProvider = async (ctx) => {
  if (!ctx.session.permissions.has('delivery.manage')) return [];
  const row = await ctx.db.get<{ failed: number; waiting: number }>(
    `SELECT coalesce(sum(enabled = 1 AND last_result IN ('failed', 'partial')), 0) AS failed,
            coalesce(sum(preset IS NOT NULL AND target_id IS NULL), 0) AS waiting
     FROM export_schedules`,
  );
  return [
    {
      id: 'schedules.failed',
      text: 'schedules.today.failed',
      params: {},
      count: row?.failed ?? 0,
      level: 'danger',
      route: '/exports/schedules',
    },
    {
      id: 'schedules.waiting',
      text: 'schedules.today.waiting',
      params: {},
      count: row?.waiting ?? 0,
      level: 'warning',
      route: '/exports/schedules',
    },
  ];
};
