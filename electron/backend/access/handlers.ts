import { AppError } from '@shared/errors';
import { ACCESS_MAX_DAYS, type AccessRequestRow } from '@shared/schemas/access';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import { gridPage } from '../grid/page';
import { readSetting } from '../settings/store';
import { loadContacts, loadCustomer } from '../customers/records';
import { canSeeClass, visibleCustomers } from '../customers/visibility';
import { historyGrid } from '../customers/grids';
import { accessRequestGrid, loadAccessRow } from './grids';
import { expiryOf, grantedCustomer } from './grants';
import { lookupCustomers } from './lookup';

interface StoredRequest {
  id: number;
  customerId: number;
  requesterId: number;
  requesterName: string;
  status: 'pending' | 'approved' | 'rejected';
  abcClass: 'A' | 'B' | 'C';
  code: string;
  name: string;
}

/**
 * The request as the deciding supervisor may see it. Its customer follows the A-class rule like any other
 * record: a supervisor without project staff finds no request about an A-class customer.
 */
async function pendingRequest(ctx: WriteContext, id: number): Promise<StoredRequest> {
  const row = await ctx.tx.get<StoredRequest>(
    `SELECT a.id, a.customer_id AS customerId, a.requester_id AS requesterId, a.requester_name AS requesterName,
       a.status, c.abc_class AS abcClass, c.code, c.name
     FROM access_requests a JOIN customers c ON c.id = a.customer_id WHERE a.id = ?`,
    [id],
  );
  if (!row || !canSeeClass(ctx.session, row.abcClass))
    throw new AppError('NOT_FOUND', 'access.errors.requestNotFound');
  if (row.status !== 'pending') throw new AppError('CONFLICT', 'access.errors.alreadyDecided');
  // Nobody approves their own request (a user may hold both roles).
  if (row.requesterId === ctx.session.userId) throw new AppError('CONFLICT', 'access.errors.ownRequest');
  return row;
}

async function rowAfterWrite(ctx: WriteContext, id: number): Promise<AccessRequestRow> {
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'accessRequest' }));
  return (await loadAccessRow(ctx.tx, id, ctx.clock.now().toISOString()))!;
}

export const accessHandlers = handlers({
  'access.defaults': async (_input, ctx) => ({
    defaultDays: await readSetting(ctx.db, 'access.defaultDays'),
    maxDays: ACCESS_MAX_DAYS,
  }),

  'access.lookup': async (input, ctx) => lookupCustomers(ctx.db, ctx.session, input.text),

  'access.request': async (input, ctx) => {
    const customer = await loadCustomer(ctx.tx, input.customerId);
    // An A-class customer is "not found" for a user without project staff, here as everywhere: the message says
    // both possibilities so it neither confirms the customer exists nor leaves the user guessing.
    if (!customer || !canSeeClass(ctx.session, customer.abcClass)) {
      throw new AppError('NOT_FOUND', 'access.errors.customerUnavailable', {
        issues: [{ path: 'customerId', key: 'access.errors.customerUnavailable' }],
      });
    }
    const waiting = await ctx.tx.get(
      `SELECT 1 FROM access_requests WHERE requester_id = ? AND customer_id = ? AND status = 'pending'`,
      [ctx.session.userId, customer.id],
    );
    if (waiting)
      throw new AppError('CONFLICT', 'access.errors.alreadyPending', { params: { name: customer.name } });
    const now = ctx.clock.now().toISOString();
    const { lastID: id } = await ctx.tx.run(
      `INSERT INTO access_requests (customer_id, requester_id, requester_name, reason, days, status, requested_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
      [customer.id, ctx.session.userId, ctx.session.displayName, input.reason, input.days, now],
    );
    await ctx.audit({
      action: 'request',
      entity: 'accessRequest',
      entityId: id,
      summary: { customer: `${customer.code} ${customer.name}`, reason: input.reason, days: input.days },
    });
    return rowAfterWrite(ctx, id);
  },

  'access.mine': async (input, ctx) =>
    gridPage(ctx.db, accessRequestGrid(ctx.clock.now().toISOString()), input, [
      { sql: 'a.requester_id = ?', params: [ctx.session.userId] },
      visibleCustomers(ctx.session),
    ]),

  'access.query': async (input, ctx) =>
    gridPage(ctx.db, accessRequestGrid(ctx.clock.now().toISOString()), input, [
      visibleCustomers(ctx.session),
    ]),

  'access.approve': async (input, ctx) => {
    const request = await pendingRequest(ctx, input.id);
    if (request.abcClass === 'A') {
      // The A-class rule outlives the request: the requester must hold project staff at the moment of approval.
      const requester = await ctx.tx.get<{ projectStaff: number }>(
        'SELECT project_staff AS projectStaff FROM users WHERE id = ?',
        [request.requesterId],
      );
      if (requester?.projectStaff !== 1)
        throw new AppError('CONFLICT', 'access.errors.aClassProjectStaffOnly');
    }
    const now = ctx.clock.now();
    const expiresAt = expiryOf(now, input.days);
    await ctx.tx.run(
      `UPDATE access_requests SET status = 'approved', decided_by = ?, decided_by_name = ?, decided_at = ?, granted_days = ?, expires_at = ?
       WHERE id = ? AND status = 'pending'`,
      [ctx.session.userId, ctx.session.displayName, now.toISOString(), input.days, expiresAt, request.id],
    );
    await ctx.audit({
      action: 'approve',
      entity: 'accessRequest',
      entityId: request.id,
      summary: {
        customer: `${request.code} ${request.name}`,
        requester: request.requesterName,
        days: input.days,
        expiresAt,
      },
    });
    return rowAfterWrite(ctx, request.id);
  },

  'access.reject': async (input, ctx) => {
    const request = await pendingRequest(ctx, input.id);
    await ctx.tx.run(
      `UPDATE access_requests SET status = 'rejected', decided_by = ?, decided_by_name = ?, decided_at = ?, decision_note = ?
       WHERE id = ? AND status = 'pending'`,
      [ctx.session.userId, ctx.session.displayName, ctx.clock.now().toISOString(), input.reason, request.id],
    );
    await ctx.audit({
      action: 'reject',
      entity: 'accessRequest',
      entityId: request.id,
      summary: {
        customer: `${request.code} ${request.name}`,
        requester: request.requesterName,
        reason: input.reason,
      },
    });
    return rowAfterWrite(ctx, request.id);
  },

  'access.viewCustomer': async (input, ctx) => {
    const { customer, grant } = await grantedCustomer(ctx.session, ctx.db, input.customerId, ctx.clock.now());
    const contacts = await loadContacts(ctx.db, customer.id);
    // Every opening of an archive through a grant is logged (and so is every view of an A-class record).
    await ctx.write((w) =>
      w.audit({
        action: 'view',
        entity: 'customer',
        entityId: customer.id,
        summary: {
          code: customer.code,
          name: customer.name,
          accessRequest: grant.id,
          expiresAt: grant.expiresAt,
        },
      }),
    );
    return { customer, contacts, expiresAt: grant.expiresAt };
  },

  'access.viewHistory': async (input, ctx) => {
    await grantedCustomer(ctx.session, ctx.db, input.customerId, ctx.clock.now());
    return gridPage(ctx.db, historyGrid, input, [{ sql: 'h.customer_id = ?', params: [input.customerId] }]);
  },
});
