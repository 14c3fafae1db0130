import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv } from '../helpers/env';
import { auditRows, customer, office, today, type Office } from './fixture';

/** The foundation's A-class rule still holds: a grant never opens an A-class customer to a user without 项目专职. */
describe('access requests and A-class customers', () => {
  let env: TestEnv;
  let o: Office;

  beforeAll(async () => {
    env = await freshBackend();
    o = await office(env);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('another department without project staff neither finds nor requests an A-class customer', async () => {
    const a = await customer(env, o, { abcClass: 'A', name: '温州华联重点客户集团' });
    expect(await env.call(o.keeper.caller, 'access.lookup', { text: '华联重点' })).toEqual([]);
    expect(
      (await env.call(o.keeperStaff.caller, 'access.lookup', { text: '华联重点' })).map((h) => h.id),
    ).toEqual([a.id]);

    const counts = await env.rowCounts();
    // The same answer as for a customer that does not exist: the request neither confirms it nor leaves a trace.
    expect(await env.fail(o.keeper.caller, 'access.request', { customerId: a.id, reason: '核对' })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.customerUnavailable',
      details: { issues: [{ path: 'customerId', key: 'access.errors.customerUnavailable' }] },
    });
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('a project-staff requester gets an A-class grant only from a project-staff supervisor, and each view is logged', async () => {
    const a = await customer(env, o, { abcClass: 'A' });
    const request = await env.call(o.keeperStaff.caller, 'access.request', {
      customerId: a.id,
      reason: '重点客户年度礼品',
    });

    // A supervisor without project staff does not see the request, and cannot decide it.
    const listed = await env.call(o.plainSupervisor.caller, 'access.query', { startRow: 0, endRow: 100 });
    expect(listed.rows.map((r) => r.id)).not.toContain(request.id);
    const counts = await env.rowCounts();
    expect(await env.fail(o.plainSupervisor.caller, 'access.approve', { id: request.id, days: 7 })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.requestNotFound',
    });
    expect(
      await env.fail(o.plainSupervisor.caller, 'access.reject', { id: request.id, reason: '不批' }),
    ).toEqual({ code: 'NOT_FOUND', message: 'access.errors.requestNotFound' });
    expect(await env.rowCounts()).toEqual(counts);

    await env.call(o.supervisor.caller, 'access.approve', { id: request.id, days: 7 });
    const before = (await auditRows(env, 'access.viewCustomer')).length;
    await expect(
      env.call(o.keeperStaff.caller, 'access.viewCustomer', { customerId: a.id }),
    ).resolves.toMatchObject({ customer: { abcClass: 'A' } });
    const views = await auditRows(env, 'access.viewCustomer');
    expect(views.slice(before)).toEqual([
      expect.objectContaining({
        action: 'view',
        entity: 'customer',
        entityId: String(a.id),
        userName: o.keeperStaff.username,
      }),
    ]);

    // Losing the flag closes the archive at once, whatever the grant says.
    await env.call(env.admin.caller, 'users.update', { id: o.keeperStaff.id, projectStaff: false });
    expect(await env.fail(o.keeperStaff.caller, 'access.viewCustomer', { customerId: a.id })).toEqual({
      code: 'FORBIDDEN',
      message: 'access.errors.aClassProjectStaffOnly',
    });
    expect(
      (
        await env.fail(o.keeperStaff.caller, 'access.viewHistory', {
          customerId: a.id,
          startRow: 0,
          endRow: 5,
        })
      ).message,
    ).toBe('access.errors.aClassProjectStaffOnly');
    // … and the request disappears from the requester's own list like every A-class record.
    expect(
      (await env.call(o.keeperStaff.caller, 'access.mine', { startRow: 0, endRow: 50 })).rows.map(
        (r) => r.id,
      ),
    ).not.toContain(request.id);
    await env.call(env.admin.caller, 'users.update', { id: o.keeperStaff.id, projectStaff: true });
  });

  it('refuses to approve an A-class request once the requester no longer holds project staff', async () => {
    const a = await customer(env, o, { abcClass: 'A' });
    const request = await env.call(o.keeperStaff.caller, 'access.request', {
      customerId: a.id,
      reason: '核对',
    });
    await env.call(env.admin.caller, 'users.update', { id: o.keeperStaff.id, projectStaff: false });
    const snapshot = await env.snapshot();
    expect(await env.fail(o.supervisor.caller, 'access.approve', { id: request.id, days: 7 })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.aClassProjectStaffOnly',
    });
    expect(await env.snapshot()).toBe(snapshot);
    // Rejecting stays possible, so the request does not linger.
    await expect(
      env.call(o.supervisor.caller, 'access.reject', { id: request.id, reason: '申请人无项目专职权限' }),
    ).resolves.toMatchObject({ status: 'rejected' });
    await env.call(env.admin.caller, 'users.update', { id: o.keeperStaff.id, projectStaff: true });
  });

  it('a grant for a customer that later becomes A-class stops working for a user without project staff', async () => {
    const b = await customer(env, o, { abcClass: 'B' });
    const request = await env.call(o.keeper.caller, 'access.request', { customerId: b.id, reason: '核对' });
    await env.call(o.supervisor.caller, 'access.approve', { id: request.id, days: 7 });
    await expect(
      env.call(o.keeper.caller, 'access.viewCustomer', { customerId: b.id }),
    ).resolves.toBeDefined();

    const current = (await env.call(o.clerk.caller, 'customers.get', { id: b.id })).customer;
    await env.call(o.clerk.caller, 'customers.update', {
      id: b.id,
      version: current.version,
      changes: { abcClass: 'A' },
      receivedOn: today(env),
    });
    expect(await env.fail(o.keeper.caller, 'access.viewCustomer', { customerId: b.id })).toEqual({
      code: 'FORBIDDEN',
      message: 'access.errors.aClassProjectStaffOnly',
    });
    expect(
      (await env.call(o.keeper.caller, 'access.mine', { startRow: 0, endRow: 50 })).rows.map((r) => r.id),
    ).not.toContain(request.id);
    // The dashboard counts follow the same rule.
    const today_ = await env.call(o.keeper.caller, 'dashboard.today', {});
    expect(today_.find((i) => i.id === 'access.activeGrants')).toBeUndefined();
  });
});
