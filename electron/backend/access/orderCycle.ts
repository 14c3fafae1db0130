import { localDate } from '@shared/dates';
import { AppError } from '@shared/errors';
import type { CustomerRecord } from '@shared/schemas/customer';
import type { OrderCycleRow } from '@shared/schemas/access';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import { gridPage } from '../grid/page';
import { isLate, recordChanges } from '../customers/history';
import { visibleCustomer } from '../customers/records';
import { visibleCustomers } from '../customers/visibility';
import { loadOrderCycleRow, orderCycleGrid } from './grids';

/**
 * 订货周期 changes need a supervisor's approval (customers.md, Customer → order cycle; the approver is recorded).
 * A user holding customers.approveOrderCycle changes it directly; anyone else's change is filed as a request
 * that waits, while the rest of the same edit is saved at once.
 *
 * A second request for the same customer supersedes the one still waiting rather than being refused: the clerk
 * records what the customer said most recently, the same day (the archive's 2-day rule), and the supervisor
 * should decide on that, not on outdated information. The superseded request stays listed as 已被取代.
 */

async function supersedeWaiting(ctx: WriteContext, customerId: number): Promise<number[]> {
  const waiting = await ctx.tx.all<{ id: number }>(
    `SELECT id FROM order_cycle_requests WHERE customer_id = ? AND status = 'pending'`,
    [customerId],
  );
  if (waiting.length) {
    await ctx.tx.run(
      `UPDATE order_cycle_requests SET status = 'superseded', decided_by = ?, decided_by_name = ?, decided_at = ?
       WHERE customer_id = ? AND status = 'pending'`,
      [ctx.session.userId, ctx.session.displayName, ctx.clock.now().toISOString(), customerId],
    );
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'orderCycleRequest' }));
  }
  return waiting.map((w) => w.id);
}

/**
 * Decides, inside customers.update, what happens to an order-cycle change: true when the user may apply it now
 * (any waiting request is then moot and superseded); false when it was filed as a request for a supervisor.
 */
export async function routeOrderCycleChange(
  ctx: WriteContext,
  current: CustomerRecord,
  newValue: string | null,
  receivedOn: string,
): Promise<boolean> {
  const superseded = await supersedeWaiting(ctx, current.id);
  if (ctx.session.permissions.has('customers.approveOrderCycle')) {
    if (superseded.length) {
      await ctx.audit({
        action: 'supersede',
        entity: 'orderCycleRequest',
        entityId: superseded.join(','),
        summary: { customer: `${current.code} ${current.name}`, after: newValue },
      });
    }
    return true;
  }
  const now = ctx.clock.now();
  const { lastID: id } = await ctx.tx.run(
    `INSERT INTO order_cycle_requests (customer_id, old_value, new_value, requester_id, requester_name, received_on, late, requested_at, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
    [
      current.id,
      current.orderCycle,
      newValue,
      ctx.session.userId,
      ctx.session.displayName,
      receivedOn,
      (await isLate(ctx.tx, receivedOn, localDate(now))) ? 1 : 0,
      now.toISOString(),
    ],
  );
  await ctx.audit({
    action: 'requestOrderCycle',
    entity: 'orderCycleRequest',
    entityId: id,
    summary: {
      customer: `${current.code} ${current.name}`,
      before: current.orderCycle,
      after: newValue,
      superseded,
    },
  });
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'orderCycleRequest' }));
  return false;
}

interface StoredOrderCycleRequest {
  id: number;
  customerId: number;
  newValue: string | null;
  requesterId: number;
  requesterName: string;
  receivedOn: string;
  late: number;
  status: string;
}

async function waitingRequest(
  ctx: WriteContext,
  id: number,
): Promise<{ request: StoredOrderCycleRequest; customer: CustomerRecord }> {
  const request = await ctx.tx.get<StoredOrderCycleRequest>(
    `SELECT id, customer_id AS customerId, new_value AS newValue, requester_id AS requesterId, requester_name AS requesterName,
       received_on AS receivedOn, late, status FROM order_cycle_requests WHERE id = ?`,
    [id],
  );
  if (!request) throw new AppError('NOT_FOUND', 'access.errors.requestNotFound');
  // The customer follows the A-class rule: an A-class customer's request is "not found" for others.
  const customer = await visibleCustomer(ctx.session, ctx.tx, request.customerId).catch(() => {
    throw new AppError('NOT_FOUND', 'access.errors.requestNotFound');
  });
  if (request.status !== 'pending') throw new AppError('CONFLICT', 'access.errors.alreadyDecided');
  if (request.requesterId === ctx.session.userId) throw new AppError('CONFLICT', 'access.errors.ownRequest');
  return { request, customer };
}

async function decided(ctx: WriteContext, id: number): Promise<OrderCycleRow> {
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'orderCycleRequest' }));
  return (await loadOrderCycleRow(ctx.tx, 'o.id = ?', [id]))!;
}

export const orderCycleHandlers = handlers({
  'orderCycle.query': async (input, ctx) =>
    gridPage(ctx.db, orderCycleGrid, input, [visibleCustomers(ctx.session)]),

  'orderCycle.pending': async (input, ctx) => {
    await visibleCustomer(ctx.session, ctx.db, input.customerId);
    return (
      (await loadOrderCycleRow(ctx.db, `o.customer_id = ? AND o.status = 'pending'`, [input.customerId])) ??
      null
    );
  },

  'orderCycle.approve': async (input, ctx) => {
    const { request, customer } = await waitingRequest(ctx, input.id);
    if (customer.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived');
    const now = ctx.clock.now().toISOString();
    const approver = ctx.session.displayName;
    await ctx.tx.run(
      `UPDATE customers SET order_cycle = ?, order_cycle_approved_by = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [request.newValue, approver, now, customer.id],
    );
    // The history names the clerk who entered the change and the supervisor who approved it; the received
    // date and the late flag are the clerk's, fixed when the change was entered.
    await recordChanges(
      ctx,
      customer.id,
      request.receivedOn,
      [
        {
          entity: 'customer',
          entityId: customer.id,
          entityLabel: customer.name,
          field: 'orderCycle',
          oldValue: customer.orderCycle,
          newValue: request.newValue,
          approvedBy: approver,
        },
      ],
      { userId: request.requesterId, userName: request.requesterName, late: request.late === 1 },
    );
    await ctx.tx.run(
      `UPDATE order_cycle_requests SET status = 'approved', decided_by = ?, decided_by_name = ?, decided_at = ? WHERE id = ?`,
      [ctx.session.userId, approver, now, request.id],
    );
    await ctx.audit({
      action: 'approve',
      entity: 'orderCycleRequest',
      entityId: request.id,
      summary: {
        customer: `${customer.code} ${customer.name}`,
        before: customer.orderCycle,
        after: request.newValue,
        requester: request.requesterName,
      },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return decided(ctx, request.id);
  },

  'orderCycle.reject': async (input, ctx) => {
    const { request, customer } = await waitingRequest(ctx, input.id);
    await ctx.tx.run(
      `UPDATE order_cycle_requests SET status = 'rejected', decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ? WHERE id = ?`,
      [ctx.session.userId, ctx.session.displayName, ctx.clock.now().toISOString(), input.reason, request.id],
    );
    await ctx.audit({
      action: 'reject',
      entity: 'orderCycleRequest',
      entityId: request.id,
      summary: {
        customer: `${customer.code} ${customer.name}`,
        after: request.newValue,
        requester: request.requesterName,
        reason: input.reason,
      },
    });
    return decided(ctx, request.id);
  },
});
