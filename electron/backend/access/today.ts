import type { TodayItem } from '@shared/schemas/today';
import type { ReadContext } from '../handlers';
import { visibleCustomers } from '../customers/visibility';
import { accessStatusSql } from './grids';

/**
 * "Today" lines of this area: what waits for a supervisor's decision (access requests, order-cycle changes)
 * and, for a requester, the grants still running. Each line only for users who can act on it.
 */
export async function accessTodayItems(ctx: ReadContext): Promise<TodayItem[]> {
  const items: TodayItem[] = [];
  const visible = visibleCustomers(ctx.session);
  const count = async (sql: string, params: unknown[]) =>
    (await ctx.db.get<{ n: number }>(sql, [...params, ...visible.params]))?.n ?? 0;
  if (ctx.session.permissions.has('customers.approveAccess')) {
    const n = await count(
      `SELECT count(*) AS n FROM access_requests a JOIN customers c ON c.id = a.customer_id WHERE a.status = 'pending' AND ${visible.sql}`,
      [],
    );
    items.push({
      id: 'access.pendingRequests',
      text: 'access.today.pendingRequests',
      params: {},
      count: n,
      level: 'warning',
      route: '/access/approvals',
    });
  }
  if (ctx.session.permissions.has('customers.approveOrderCycle')) {
    const n = await count(
      `SELECT count(*) AS n FROM order_cycle_requests o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'pending' AND ${visible.sql}`,
      [],
    );
    items.push({
      id: 'access.pendingOrderCycles',
      text: 'access.today.pendingOrderCycles',
      params: {},
      count: n,
      level: 'warning',
      route: '/access/approvals?tab=orderCycle',
    });
  }
  if (
    ctx.session.permissions.has('customers.requestAccess') &&
    !ctx.session.permissions.has('customers.read')
  ) {
    const n = await count(
      `SELECT count(*) AS n FROM access_requests a JOIN customers c ON c.id = a.customer_id
       WHERE a.requester_id = ? AND ${accessStatusSql(ctx.clock.now().toISOString())} = 'active' AND ${visible.sql}`,
      [ctx.session.userId],
    );
    items.push({
      id: 'access.activeGrants',
      text: 'access.today.activeGrants',
      params: {},
      count: n,
      level: 'info',
      route: '/access/requests',
    });
  }
  return items;
}
