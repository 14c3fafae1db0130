import { localDate, startOfLocalDay } from '@shared/dates';
import { ABC_CLASSES } from '@shared/schemas/customer';
import type { DashboardSummary } from '@shared/schemas/dashboard';
import { handlers } from '../registry';
import { visibleCustomers } from '../customers/visibility';
import { todayItems } from './today';
import './todayProviders';

type RecentRow = Omit<DashboardSummary['recentChanges'][number], 'late'> & { late: number };

/** Figures for the dashboard; every count goes through the same visibility rule as the grid. */
export const dashboardHandlers = handlers({
  'dashboard.summary': async (_input, ctx) => {
    if (!ctx.session.permissions.has('customers.read')) {
      return {
        customers: {
          total: 0,
          archived: 0,
          byClass: ABC_CLASSES.map((abcClass) => ({ abcClass, count: 0 })),
          keyCustomers: 0,
          newThisMonth: 0,
        },
        lateUpdates: 0,
        recentChanges: [],
      };
    }
    const visible = visibleCustomers(ctx.session);
    const now = ctx.clock.now();
    const monthStart = `${localDate(now).slice(0, 8)}01`;
    const since = startOfLocalDay(localDate(new Date(now.getTime() - 30 * 86_400_000)));
    const [counts, byClass, late, recent] = await Promise.all([
      ctx.db.get<{ total: number; archived: number; keyCustomers: number; newThisMonth: number }>(
        `SELECT sum(c.status = 'active') AS total, sum(c.status = 'archived') AS archived,
           sum(c.status = 'active' AND c.is_key = 1) AS keyCustomers,
           sum(c.status = 'active' AND c.registered_on >= ?) AS newThisMonth
         FROM customers c WHERE ${visible.sql}`,
        [monthStart, ...visible.params],
      ),
      ctx.db.all<{ abcClass: 'A' | 'B' | 'C'; count: number }>(
        `SELECT c.abc_class AS abcClass, count(*) AS count FROM customers c WHERE c.status = 'active' AND ${visible.sql} GROUP BY c.abc_class`,
        visible.params,
      ),
      ctx.db.get<{ n: number }>(
        `SELECT count(*) AS n FROM customer_changes h JOIN customers c ON c.id = h.customer_id
         WHERE h.late = 1 AND h.changed_at >= ? AND ${visible.sql}`,
        [since, ...visible.params],
      ),
      ctx.db.all<RecentRow>(
        `SELECT h.id, h.customer_id AS customerId, c.name AS customerName, h.field, h.entity, h.new_value AS newValue,
           h.user_name AS userName, h.changed_at AS changedAt, h.late
         FROM customer_changes h JOIN customers c ON c.id = h.customer_id
         WHERE ${visible.sql} ORDER BY h.changed_at DESC, h.id DESC LIMIT 10`,
        visible.params,
      ),
    ]);
    return {
      customers: {
        total: counts?.total ?? 0,
        archived: counts?.archived ?? 0,
        keyCustomers: counts?.keyCustomers ?? 0,
        newThisMonth: counts?.newThisMonth ?? 0,
        byClass: ABC_CLASSES.map((abcClass) => ({
          abcClass,
          count: byClass.find((r) => r.abcClass === abcClass)?.count ?? 0,
        })),
      },
      lateUpdates: late?.n ?? 0,
      recentChanges: recent.map((r) => ({ ...r, late: r.late === 1 })),
    };
  },

  'dashboard.today': async (_input, ctx) => todayItems(ctx),
});
