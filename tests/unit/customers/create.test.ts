import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';

describe('creating a customer', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    staffId = await env.createStaff({ name: '王经理' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const history = (customerId: number) =>
    env.call(clerk.caller, 'customers.history', { customerId, startRow: 0, endRow: 100 });

  it('stores the record with its contacts and starts the change history', async () => {
    const values = customerValues(staffId, {
      code: 'HZ-001',
      name: '杭州华东商贸有限公司',
      shortName: '华东商贸',
      abcClass: 'B',
      region: 'east',
      businessFormat: 'wholesale',
      strength: 4,
      creditRating: 'A',
      creditLimitFen: 50_000_00,
      phone: '0571-87654321',
      email: 'sales@huadong.example.com',
      isKey: true,
    });
    const created = await createCustomer(env, clerk.caller, values, {
      contacts: [
        contactValues({ name: '李总', title: '总经理', isKeyLeader: true }),
        contactValues({ name: '周采购', mobile: '13900001111' }),
      ],
    });
    expect(created.customer).toMatchObject({
      code: 'HZ-001',
      name: '杭州华东商贸有限公司',
      version: 1,
      status: 'active',
      managerName: '王经理',
      creditLimitFen: 5_000_000,
      isKey: true,
      orderCycleApprovedBy: null,
      createdAt: env.clock.now().toISOString(),
    });
    expect(created.contacts.map((c) => c.name)).toEqual(['李总', '周采购']);

    const h = await history(created.customer.id);
    expect(h.rowCount).toBe(3);
    expect(h.rows.map((r) => [r.entity, r.field])).toEqual([
      ['customer', 'created'],
      ['contact', 'contactAdded'],
      ['contact', 'contactAdded'],
    ]);
    expect(h.rows[0]).toMatchObject({
      newValue: 'HZ-001 杭州华东商贸有限公司',
      userName: '陈静',
      receivedOn: today(env),
      late: false,
      oldValue: null,
    });
    expect(h.rows[1]).toMatchObject({
      entityLabel: '李总',
      newValue: expect.stringContaining('李总 总经理'),
    });

    const audit = await env.backend.store.reader.all<{ action: string; entity: string; user_name: string }>(
      `SELECT action, entity, user_name FROM audit_log WHERE channel = 'customers.create' AND entity_id = ?`,
      [String(created.customer.id)],
    );
    expect(audit).toEqual([{ action: 'create', entity: 'customer', user_name: clerk.username }]);
  });

  it('keeps codes unique regardless of letter case, writing nothing on a clash', async () => {
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'KH1' }));
    const before = await env.rowCounts();
    const error = await env.fail(clerk.caller, 'customers.create', {
      customer: customerValues(staffId, { code: 'kh1' }),
      contacts: [contactValues()],
      receivedOn: today(env),
    });
    expect(error).toEqual({
      code: 'CONFLICT',
      message: 'errors.customer.codeTaken',
      details: {
        params: { code: 'kh1' },
        issues: [{ path: 'customer.code', key: 'errors.customer.codeTaken', params: { code: 'kh1' } }],
      },
    });
    expect(await env.rowCounts()).toEqual(before);
  });

  it('trims the code and refuses a clash that differs only by surrounding spaces', async () => {
    const error = await env.fail(clerk.caller, 'customers.create', {
      customer: customerValues(staffId, { code: '  KH1 ' }),
      receivedOn: today(env),
    });
    expect(error.message).toBe('errors.customer.codeTaken');
  });

  it('refuses a received date in the future', async () => {
    const before = await env.rowCounts();
    const tomorrow = new Date(env.clock.now().getTime() + 86_400_000);
    const error = await env.fail(clerk.caller, 'customers.create', {
      customer: customerValues(staffId),
      receivedOn: `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`,
    });
    expect(error).toEqual({
      code: 'VALIDATION',
      message: 'v.futureDate',
      details: { issues: [{ path: 'receivedOn', key: 'v.futureDate' }] },
    });
    expect(await env.rowCounts()).toEqual(before);
  });

  it('takes the order cycle agreed at registration without recording an approver', async () => {
    // Only a later change of the order cycle needs a supervisor's approval (customers.md).
    const created = await createCustomer(
      env,
      clerk.caller,
      customerValues(staffId, { code: 'OC-001', orderCycle: '每周' }),
    );
    expect(created.customer).toMatchObject({ orderCycle: '每周', orderCycleApprovedBy: null });
  });

  it('finds the new customer through the search index', async () => {
    const hits = await env.call(clerk.caller, 'customers.search', { text: '华东商贸' });
    expect(hits.map((h) => h.code)).toContain('HZ-001');
  });

  it('has the doctor find the archive consistent afterwards', async () => {
    const report = await env.call(env.admin.caller, 'system.doctor', {});
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
