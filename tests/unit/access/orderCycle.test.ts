import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { freshBackend, type TestEnv } from '../helpers/env';
import { auditRows, customer, DAY, loginAgain, office, today, type Office } from './fixture';

/** customers.md, Customer → order cycle (订货周期): "changing it needs supervisor approval (record approver)". */
describe('order-cycle changes need a supervisor', () => {
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

  const get = async (id: number) => (await env.call(o.clerk.caller, 'customers.get', { id })).customer;
  const orderCycleHistory = async (customerId: number) =>
    (
      await env.call(o.clerk.caller, 'customers.history', {
        customerId,
        startRow: 0,
        endRow: 100,
        filterModel: { field: { filterType: 'text', type: 'equals', filter: 'orderCycle' } },
        sortModel: [{ colId: 'changedAt', sort: 'asc' }],
      })
    ).rows;
  const clerkChanges = async (id: number, orderCycle: string | null, receivedOn = today(env)) => {
    const c = await get(id);
    return env.call(o.clerk.caller, 'customers.update', {
      id,
      version: c.version,
      changes: { orderCycle },
      receivedOn,
    });
  };

  it("a clerk's change waits as a request; the value, version and history stay as they were", async () => {
    const c = await customer(env, o, { orderCycle: '每周一次' });
    const counts = await env.rowCounts();
    const returned = await clerkChanges(c.id, '每两周一次');
    expect(returned).toMatchObject({ version: c.version, orderCycle: '每周一次' });
    expect(await get(c.id)).toMatchObject({
      version: c.version,
      orderCycle: '每周一次',
      orderCycleApprovedBy: null,
    });
    expect(await orderCycleHistory(c.id)).toEqual([]);
    // One request and its audit entry are all that was written.
    const after = await env.rowCounts();
    expect(after.order_cycle_requests).toBe(counts.order_cycle_requests! + 1);
    expect(after.audit_log).toBe(counts.audit_log! + 1);
    expect({ ...after, order_cycle_requests: 0, audit_log: 0 }).toEqual({
      ...counts,
      order_cycle_requests: 0,
      audit_log: 0,
    });

    const pending = await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id });
    expect(pending).toMatchObject({
      customerId: c.id,
      oldValue: '每周一次',
      newValue: '每两周一次',
      requesterName: '陈静',
      receivedOn: today(env),
      status: 'pending',
    });
    const audit = (await auditRows(env, 'customers.update')).at(-1)!;
    expect(audit).toMatchObject({
      action: 'requestOrderCycle',
      entity: 'orderCycleRequest',
      entityId: String(pending!.id),
    });
    const listed = await env.call(o.supervisor.caller, 'orderCycle.query', {
      startRow: 0,
      endRow: 50,
      filterModel: { status: { filterType: 'set', values: ['pending'] } },
    });
    expect(listed.rows.map((r) => r.id)).toContain(pending!.id);
  });

  it("approval applies the value, bumps the version and records clerk, approver and the clerk's received date", async () => {
    const c = await customer(env, o, { orderCycle: '每月一次' });
    const receivedOn = addDays(today(env), -1);
    await clerkChanges(c.id, '每周两次', receivedOn);
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;

    // The supervisor decides three days later: the clerk entered it on time, so it is not a late update.
    env.clock.advance(3 * DAY);
    await loginAgain(
      env,
      env.admin,
      o.clerk,
      o.supervisor,
      o.plainSupervisor,
      o.keeper,
      o.keeperStaff,
      o.points,
    );
    const approved = await env.call(o.supervisor.caller, 'orderCycle.approve', { id: pending.id });
    expect(approved).toMatchObject({
      status: 'approved',
      decidedByName: '孙建华',
      decidedAt: env.clock.now().toISOString(),
    });
    expect(await get(c.id)).toMatchObject({
      orderCycle: '每周两次',
      orderCycleApprovedBy: '孙建华',
      version: c.version + 1,
      updatedAt: env.clock.now().toISOString(),
    });
    expect(await orderCycleHistory(c.id)).toEqual([
      expect.objectContaining({
        oldValue: '每月一次',
        newValue: '每周两次',
        userName: '陈静',
        approvedBy: '孙建华',
        receivedOn,
        late: false,
        changedAt: env.clock.now().toISOString(),
      }),
    ]);
    expect(await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id })).toBeNull();
    const audit = (await auditRows(env, 'orderCycle.approve')).at(-1)!;
    expect(audit).toMatchObject({
      action: 'approve',
      entity: 'orderCycleRequest',
      entityId: String(pending.id),
      userName: o.supervisor.username,
    });
    expect(JSON.parse(audit.summary)).toMatchObject({
      before: '每月一次',
      after: '每周两次',
      requester: '陈静',
    });

    // Deciding it again is refused.
    expect(await env.fail(o.supervisor.caller, 'orderCycle.approve', { id: pending.id })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.alreadyDecided',
    });
  });

  it('a change entered late stays a late update after approval', async () => {
    const c = await customer(env, o);
    await clerkChanges(c.id, '每季度一次', addDays(today(env), -3));
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    await env.call(o.supervisor.caller, 'orderCycle.approve', { id: pending.id });
    expect(await orderCycleHistory(c.id)).toEqual([
      expect.objectContaining({ newValue: '每季度一次', late: true, approvedBy: '孙建华' }),
    ]);
  });

  it('rejection keeps the value and tells why', async () => {
    const c = await customer(env, o, { orderCycle: '每周一次' });
    await clerkChanges(c.id, '每天一次');
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    const rejected = await env.call(o.supervisor.caller, 'orderCycle.reject', {
      id: pending.id,
      reason: '客户未书面确认',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionNote: '客户未书面确认',
      decidedByName: '孙建华',
    });
    expect(await get(c.id)).toMatchObject({ orderCycle: '每周一次', version: c.version });
    expect(await orderCycleHistory(c.id)).toEqual([]);
    expect((await auditRows(env, 'orderCycle.reject')).at(-1)).toMatchObject({
      action: 'reject',
      entityId: String(pending.id),
    });
    expect(
      await env.fail(o.supervisor.caller, 'orderCycle.reject', { id: pending.id, reason: '再驳回' }),
    ).toEqual({ code: 'CONFLICT', message: 'access.errors.alreadyDecided' });
  });

  it('a newer request supersedes the waiting one; the old one can no longer be approved', async () => {
    const c = await customer(env, o, { orderCycle: '每周一次' });
    await clerkChanges(c.id, '每两周一次');
    const first = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    env.clock.advance(60_000);
    await clerkChanges(c.id, '每月一次');
    const second = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ oldValue: '每周一次', newValue: '每月一次' });
    const rows = await env.call(o.supervisor.caller, 'orderCycle.query', {
      startRow: 0,
      endRow: 10,
      filterModel: { customerCode: { filterType: 'text', type: 'equals', filter: c.code } },
    });
    const searched = await env.call(o.supervisor.caller, 'orderCycle.query', {
      startRow: 0,
      endRow: 10,
      quickSearch: c.code,
    });
    expect(searched.rows.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(rows.rows.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'pending'],
      [first.id, 'superseded'],
    ]);
    expect(await env.fail(o.supervisor.caller, 'orderCycle.approve', { id: first.id })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.alreadyDecided',
    });
    await env.call(o.supervisor.caller, 'orderCycle.approve', { id: second.id });
    expect((await get(c.id)).orderCycle).toBe('每月一次');
  });

  it('a direct change by an approver supersedes what was waiting', async () => {
    const c = await customer(env, o, { orderCycle: '每周一次' });
    await clerkChanges(c.id, '每两周一次');
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    const current = await get(c.id);
    await env.call(env.admin.caller, 'customers.update', {
      id: c.id,
      version: current.version,
      changes: { orderCycle: '每三天一次' },
      receivedOn: today(env),
    });
    expect(await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id })).toBeNull();
    expect(await env.fail(o.supervisor.caller, 'orderCycle.approve', { id: pending.id })).toMatchObject({
      message: 'access.errors.alreadyDecided',
    });
    expect(await orderCycleHistory(c.id)).toEqual([
      expect.objectContaining({
        newValue: '每三天一次',
        userName: env.admin.displayName,
        approvedBy: env.admin.displayName,
      }),
    ]);
  });

  it("an archived customer's request cannot be approved, and nobody approves their own", async () => {
    const c = await customer(env, o);
    await clerkChanges(c.id, '每月一次');
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    const current = await get(c.id);
    await env.call(o.clerk.caller, 'customers.archive', {
      id: c.id,
      version: current.version,
      reason: '停业',
      receivedOn: today(env),
    });
    const snapshot = await env.snapshot();
    expect(await env.fail(o.supervisor.caller, 'orderCycle.approve', { id: pending.id })).toEqual({
      code: 'CONFLICT',
      message: 'errors.customer.archived',
    });
    expect(await env.snapshot()).toBe(snapshot);
    await expect(
      env.call(o.supervisor.caller, 'orderCycle.reject', { id: pending.id, reason: '客户已归档' }),
    ).resolves.toMatchObject({ status: 'rejected' });

    // A clerk who later became a supervisor still does not decide a request of their own.
    const d = await customer(env, o);
    await clerkChanges(d.id, '每周一次');
    const own = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: d.id }))!;
    await env.call(env.admin.caller, 'users.update', { id: o.clerk.id, roles: ['clerk', 'supervisor'] });
    expect(await env.fail(o.clerk.caller, 'orderCycle.approve', { id: own.id })).toEqual({
      code: 'CONFLICT',
      message: 'access.errors.ownRequest',
    });
    await env.call(env.admin.caller, 'users.update', { id: o.clerk.id, roles: ['clerk'] });
  });

  it('follows the A-class rule: a supervisor without project staff neither sees nor decides an A-class request', async () => {
    const a = await customer(env, o, { abcClass: 'A' });
    await clerkChanges(a.id, '每周一次');
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: a.id }))!;
    const listed = await env.call(o.plainSupervisor.caller, 'orderCycle.query', { startRow: 0, endRow: 100 });
    expect(listed.rows.map((r) => r.id)).not.toContain(pending.id);
    expect((await env.fail(o.plainSupervisor.caller, 'orderCycle.pending', { customerId: a.id })).code).toBe(
      'NOT_FOUND',
    );
    const counts = await env.rowCounts();
    expect(await env.fail(o.plainSupervisor.caller, 'orderCycle.approve', { id: pending.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.requestNotFound',
    });
    expect(await env.rowCounts()).toEqual(counts);
    const todayPlain = await env.call(o.plainSupervisor.caller, 'dashboard.today', {});
    const todayFull = await env.call(o.supervisor.caller, 'dashboard.today', {});
    const n = (list: typeof todayFull) => list.find((i) => i.id === 'access.pendingOrderCycles')?.count ?? 0;
    expect(n(todayFull)).toBe(n(todayPlain) + 1);
  });

  it('bad input writes nothing; a clerk cannot decide', async () => {
    const c = await customer(env, o);
    await clerkChanges(c.id, '每月一次');
    const pending = (await env.call(o.supervisor.caller, 'orderCycle.pending', { customerId: c.id }))!;
    const before = await env.snapshot();
    for (const [channel, input, path, key] of [
      ['orderCycle.approve', { id: 'x' }, 'id', 'v.required'],
      ['orderCycle.approve', { id: pending.id, newValue: '每天' }, '', 'v.unknownField'],
      ['orderCycle.reject', { id: pending.id, reason: ' ' }, 'reason', 'v.required'],
      ['orderCycle.reject', { id: pending.id }, 'reason', 'v.required'],
      ['orderCycle.pending', { customerId: 0 }, 'customerId', 'v.required'],
    ] as const) {
      const error = await env.fail(o.supervisor.caller, channel, input);
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]).toMatchObject({ path, key });
    }
    // An over-long order cycle fails the customer form's own rule before anything is filed.
    const current = await get(c.id);
    const tooLong = await env.fail(o.clerk.caller, 'customers.update', {
      id: c.id,
      version: current.version,
      changes: { orderCycle: '周'.repeat(51) },
      receivedOn: today(env),
    });
    expect(tooLong.details?.issues?.[0]).toMatchObject({ path: 'changes.orderCycle', key: 'v.tooLong' });
    expect(await env.fail(o.supervisor.caller, 'orderCycle.approve', { id: 987_654 })).toEqual({
      code: 'NOT_FOUND',
      message: 'access.errors.requestNotFound',
    });
    expect((await env.fail(o.clerk.caller, 'orderCycle.approve', { id: pending.id })).message).toBe(
      'errors.forbidden',
    );
    expect((await env.fail(o.clerk.caller, 'orderCycle.query', { startRow: 0, endRow: 5 })).message).toBe(
      'errors.forbidden',
    );
    expect(await env.snapshot()).toBe(before);
  });

  it('the rest of an edit is saved with the order cycle filed beside it, in one transaction', async () => {
    const c = await customer(env, o, { orderCycle: '每周一次', notes: null });
    const current = await get(c.id);
    const saved = await env.call(o.clerk.caller, 'customers.update', {
      id: c.id,
      version: current.version,
      changes: { orderCycle: '每月一次', notes: '客户调整订货节奏', phone: '13900001111' },
      receivedOn: today(env),
    });
    expect(saved).toMatchObject({
      version: current.version + 1,
      notes: '客户调整订货节奏',
      phone: '13900001111',
      orderCycle: '每周一次',
    });
    expect(await env.call(o.clerk.caller, 'orderCycle.pending', { customerId: c.id })).toMatchObject({
      newValue: '每月一次',
    });

    // When the rest of the edit fails, the order-cycle request is not filed either.
    const counts = await env.rowCounts();
    const bad = await env.fail(o.clerk.caller, 'customers.update', {
      id: c.id,
      version: saved.version,
      changes: { orderCycle: '每季度一次', region: 'mars' },
      receivedOn: today(env),
    });
    expect(bad.code).toBe('VALIDATION');
    expect(await env.rowCounts()).toEqual(counts);
    expect(await env.call(o.clerk.caller, 'orderCycle.pending', { customerId: c.id })).toMatchObject({
      newValue: '每月一次',
    });
  });
});
