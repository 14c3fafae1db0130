import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import type { ChannelOutput } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';

type Customer = ChannelOutput<'customers.update'>;

describe('changing a customer', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let supervisor: TestUser;
  let staffA: number;
  let staffB: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    supervisor = await env.createUser({ roles: ['supervisor'], projectStaff: true, displayName: '孙主管' });
    staffA = await env.createStaff({ name: '王经理' });
    staffB = await env.createStaff({ name: '李经理' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const fresh = async (overrides = {}) =>
    (await createCustomer(env, clerk.caller, customerValues(staffA, overrides))).customer;
  const history = async (customerId: number) =>
    (
      await env.call(clerk.caller, 'customers.history', {
        customerId,
        startRow: 0,
        endRow: 100,
        sortModel: [{ colId: 'changedAt', sort: 'asc' }],
      })
    ).rows;
  const dbRow = (id: number) =>
    env.backend.store.reader.get<Record<string, unknown>>('SELECT * FROM customers WHERE id = ?', [id]);

  it('records one history row per changed field with old and new value, user and received date', async () => {
    const c = await fresh({ name: '旧名称有限公司', phone: '13800000000', strength: 2 });
    env.clock.advance(60_000);
    const receivedOn = addDays(today(env), -1);
    const updated = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: {
        name: '新名称有限公司',
        phone: '0571-87650000',
        strength: 2,
        managerStaffId: staffB,
        notes: '',
      },
      receivedOn,
    });
    expect(updated).toMatchObject({
      name: '新名称有限公司',
      phone: '0571-87650000',
      version: 2,
      managerStaffId: staffB,
      managerName: '李经理',
    });
    expect(updated.updatedAt).toBe(env.clock.now().toISOString());

    const rows = (await history(c.id)).filter((r) => r.field !== 'created');
    // strength and notes did not change: no rows for them.
    const byField = rows
      .map((r) => ({ field: r.field, oldValue: r.oldValue, newValue: r.newValue }))
      .sort((a, b) => a.field.localeCompare(b.field));
    expect(byField).toEqual([
      { field: 'managerStaffId', oldValue: '王经理', newValue: '李经理' },
      { field: 'name', oldValue: '旧名称有限公司', newValue: '新名称有限公司' },
      { field: 'phone', oldValue: '13800000000', newValue: '0571-87650000' },
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        userName: '陈静',
        receivedOn,
        late: false,
        entity: 'customer',
        changedAt: env.clock.now().toISOString(),
      });

    const audit = await env.backend.store.reader.get<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE channel = 'customers.update' AND entity_id = ? ORDER BY id DESC`,
      [String(c.id)],
    );
    expect(JSON.parse(audit!.summary)).toMatchObject({
      before: { name: '旧名称有限公司' },
      after: { name: '新名称有限公司' },
    });
  });

  it('changes nothing and bumps no version when no value differs', async () => {
    const c = await fresh({ strength: 3 });
    const counts = await env.rowCounts();
    const same = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { strength: 3, name: c.name },
      receivedOn: today(env),
    });
    expect(same.version).toBe(c.version);
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('flags an update entered more than 2 days after the information came in as late', async () => {
    const c = await fresh();
    const threeDays = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { notes: '三天前获悉' },
      receivedOn: addDays(today(env), -3),
    });
    const twoDays = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: threeDays.version,
      changes: { notes: '两天前获悉' },
      receivedOn: addDays(today(env), -2),
    });
    expect(twoDays.version).toBe(c.version + 2);
    const notes = (await history(c.id)).filter((r) => r.field === 'notes');
    expect(notes.map((r) => [r.newValue, r.late])).toEqual([
      ['三天前获悉', true],
      ['两天前获悉', false],
    ]);
    const late = await env.backend.store.reader.all<{ late: number }>(
      `SELECT late FROM customer_changes WHERE customer_id = ? AND field = 'notes' ORDER BY id`,
      [c.id],
    );
    expect(late).toEqual([{ late: 1 }, { late: 0 }]);
    const summary = await env.call(clerk.caller, 'dashboard.summary', {});
    expect(summary.lateUpdates).toBe(1);
  });

  it('refuses an edit based on an old version', async () => {
    const c = await fresh();
    await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { notes: '先改' },
      receivedOn: today(env),
    });
    const counts = await env.rowCounts();
    const error = await env.fail(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { notes: '后改' },
      receivedOn: today(env),
    });
    expect(error).toEqual({ code: 'CONFLICT', message: 'errors.customer.stale' });
    expect(await env.rowCounts()).toEqual(counts);
    expect((await dbRow(c.id))!.notes).toBe('先改');
  });

  it('lets only an admin change the code', async () => {
    const c = await fresh({ code: 'OLD-1' });
    const counts = await env.rowCounts();
    const error = await env.fail(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { code: 'NEW-1' },
      receivedOn: today(env),
    });
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'errors.customer.codeAdminOnly' });
    expect(error.details?.issues).toEqual([{ path: 'changes.code', key: 'errors.customer.codeAdminOnly' }]);
    expect(await env.rowCounts()).toEqual(counts);

    const admin = await env.createUser({ roles: ['admin'], projectStaff: true, displayName: '管理员甲' });
    const other = await fresh({ code: 'TAKEN-1' });
    const clash = await env.fail(admin.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { code: 'taken-1' },
      receivedOn: today(env),
    });
    expect(clash).toMatchObject({ code: 'CONFLICT', message: 'errors.customer.codeTaken' });
    expect(other.code).toBe('TAKEN-1');

    const changed = await env.call(admin.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { code: 'NEW-1' },
      receivedOn: today(env),
    });
    expect(changed.code).toBe('NEW-1');
    // Changing only the letter case of one's own code is not a clash.
    const cased = await env.call(admin.caller, 'customers.update', {
      id: c.id,
      version: changed.version,
      changes: { code: 'new-1' },
      receivedOn: today(env),
    });
    expect(cased.code).toBe('new-1');
    const codeRows = (await history(c.id)).filter((r) => r.field === 'code');
    expect(codeRows.map((r) => [r.oldValue, r.newValue, r.userName])).toEqual([
      ['OLD-1', 'NEW-1', '管理员甲'],
      ['NEW-1', 'new-1', '管理员甲'],
    ]);
    // The search index follows the new code.
    expect((await env.call(clerk.caller, 'customers.search', { text: 'new-1' })).map((h) => h.id)).toContain(
      c.id,
    );
    expect(
      (await env.call(clerk.caller, 'customers.search', { text: 'OLD-1' })).map((h) => h.id),
    ).not.toContain(c.id);
  });

  it('files a clerk\'s order-cycle change for approval, saves the rest, and records who approved', async () => {
    const c = await fresh();
    // The clerk's edit goes through: the notes now, the order cycle as a request waiting for a supervisor.
    const saved = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { orderCycle: '每月一次', notes: '客户要求改为月度订货' },
      receivedOn: today(env),
    });
    expect(saved).toMatchObject({ version: c.version + 1, notes: '客户要求改为月度订货', orderCycle: null, orderCycleApprovedBy: null });
    expect(await dbRow(c.id)).toMatchObject({ order_cycle: null, order_cycle_approved_by: null });
    expect((await history(c.id)).map((r) => r.field)).not.toContain('orderCycle');
    const pending = await env.call(clerk.caller, 'orderCycle.pending', { customerId: c.id });
    expect(pending).toMatchObject({ oldValue: null, newValue: '每月一次', requesterName: '陈静', status: 'pending' });

    // A supervisor approves order cycles but does not edit customers …
    expect(
      (
        await env.fail(supervisor.caller, 'customers.update', {
          id: c.id,
          version: saved.version,
          changes: { orderCycle: '每月一次' },
          receivedOn: today(env),
        })
      ).message,
    ).toBe('errors.forbidden');
    // … and the approval applies the value, naming the clerk who entered it and the supervisor who approved it.
    await env.call(supervisor.caller, 'orderCycle.approve', { id: pending!.id });
    const approved = (await env.call(clerk.caller, 'customers.get', { id: c.id })).customer;
    expect(approved).toMatchObject({ orderCycle: '每月一次', orderCycleApprovedBy: '孙主管', version: saved.version + 1 });
    const row = (await history(c.id)).find((r) => r.field === 'orderCycle');
    expect(row).toMatchObject({ oldValue: null, newValue: '每月一次', userName: '陈静', approvedBy: '孙主管' });

    // An admin holds both permissions: the change applies at once, with the admin as approver.
    const updated: Customer = await env.call(env.admin.caller, 'customers.update', {
      id: c.id,
      version: approved.version,
      changes: { orderCycle: '每周一次' },
      receivedOn: today(env),
    });
    expect(updated).toMatchObject({ orderCycle: '每周一次', orderCycleApprovedBy: env.admin.displayName });
    expect(await dbRow(c.id)).toMatchObject({
      order_cycle: '每周一次',
      order_cycle_approved_by: env.admin.displayName,
    });
    const direct = (await history(c.id)).filter((r) => r.field === 'orderCycle').at(-1);
    expect(direct).toMatchObject({ oldValue: '每月一次', newValue: '每周一次', userName: env.admin.displayName, approvedBy: env.admin.displayName });

    // Other fields stay the clerk's to change, and do not touch the approval.
    const later = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: updated.version,
      changes: { notes: '正常跟进' },
      receivedOn: today(env),
    });
    expect(later.orderCycleApprovedBy).toBe(env.admin.displayName);
    expect((await history(c.id)).find((r) => r.field === 'notes')?.approvedBy).toBeNull();
  });

  it('refuses values the code lists or the staff register do not know', async () => {
    const c = await fresh();
    const unknown = await env.fail(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { region: 'mars', marketSize: 'huge' },
      receivedOn: today(env),
    });
    expect(unknown).toEqual({
      code: 'VALIDATION',
      message: 'errors.validation',
      details: {
        issues: [
          { path: 'changes.region', key: 'v.unknownCode', params: { code: 'mars' } },
          { path: 'changes.marketSize', key: 'v.unknownCode', params: { code: 'huge' } },
        ],
      },
    });

    const retired = await env.createStaff({ name: '离职员工' });
    await env.call(env.admin.caller, 'staff.update', { id: retired, changes: { active: false } });
    const inactive = await env.fail(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { managerStaffId: retired },
      receivedOn: today(env),
    });
    expect(inactive.details?.issues).toEqual([{ path: 'changes.managerStaffId', key: 'v.staffUnknown' }]);
    const missing = await env.fail(clerk.caller, 'customers.create', {
      customer: customerValues(999_999),
      receivedOn: today(env),
    });
    expect(missing.details?.issues).toEqual([{ path: 'customer.managerStaffId', key: 'v.staffUnknown' }]);
    const onCreate = await env.fail(clerk.caller, 'customers.create', {
      customer: customerValues(retired, { businessFormat: 'spaceport' }),
      receivedOn: today(env),
    });
    expect(onCreate.details?.issues).toEqual([
      { path: 'customer.businessFormat', key: 'v.unknownCode', params: { code: 'spaceport' } },
      { path: 'customer.managerStaffId', key: 'v.staffUnknown' },
    ]);

    // A deactivated code-list entry is unknown for new values too.
    const entries = await env.call(clerk.caller, 'codeLists.list', {});
    const west = entries.find((e) => e.list === 'region' && e.code === 'west')!;
    await env.call(env.admin.caller, 'codeLists.save', {
      id: west.id,
      list: 'region',
      code: 'west',
      label: west.label,
      active: false,
      sortOrder: west.sortOrder,
    });
    const off = await env.fail(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { region: 'west' },
      receivedOn: today(env),
    });
    expect(off.details?.issues).toEqual([
      { path: 'changes.region', key: 'v.unknownCode', params: { code: 'west' } },
    ]);
    await expect(
      env.call(clerk.caller, 'customers.update', {
        id: c.id,
        version: c.version,
        changes: { region: 'east' },
        receivedOn: today(env),
      }),
    ).resolves.toMatchObject({
      region: 'east',
    });
  });

  it('reports a customer that does not exist as NOT_FOUND', async () => {
    expect(
      await env.fail(clerk.caller, 'customers.update', {
        id: 987_654,
        version: 1,
        changes: { notes: 'x' },
        receivedOn: today(env),
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.customer.notFound',
    });
  });
});
