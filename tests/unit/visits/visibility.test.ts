import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';

/**
 * A-class customers exist only for 项目专职: their visits, plan lines, contacts and counts are invisible to other
 * users in every channel of this area, and writes naming them are "not found".
 */
describe('A-class rule across visits, plans, reports and the contact list', () => {
  let env: TestEnv;
  let staff: TestUser;
  let plain: TestUser;
  let staffId: number;
  const ids = { a: 0, b: 0, c: 0, aVisit: 0, bVisit: 0, aPlan: 0, aContact: 0 };

  beforeAll(async () => {
    env = await freshBackend();
    staff = await env.createUser({ roles: ['clerk'], projectStaff: true });
    plain = await env.createUser({ roles: ['clerk'], projectStaff: false });
    staffId = await env.createStaff({ employeeNo: 'KM001', name: '张伟' });
    const make = async (name: string, abcClass: 'A' | 'B' | 'C', contact: string) =>
      createCustomer(env, staff.caller, customerValues(staffId, { name, abcClass }), { contacts: [contactValues({ name: contact })] });
    const a = await make('甲级集团', 'A', '甲联系人');
    const b = await make('乙级商行', 'B', '乙联系人');
    const c = await make('丙级小店', 'C', '丙联系人');
    ids.a = a.customer.id;
    ids.b = b.customer.id;
    ids.c = c.customer.id;
    ids.aContact = a.contacts[0]!.id;
    ids.aVisit = (await env.call(staff.caller, 'visits.create', { customerId: ids.a, visit: visitValues(env, staffId, { channel: 'visit' }) })).id;
    ids.bVisit = (await env.call(staff.caller, 'visits.create', { customerId: ids.b, visit: visitValues(env, staffId, { channel: 'visit' }) })).id;
    const month = today(env).slice(0, 7);
    ids.aPlan = (await env.call(staff.caller, 'visitPlans.add', { staffId, month, customerId: ids.a, plannedOn: today(env) })).id;
    await env.call(staff.caller, 'visitPlans.add', { staffId, month, customerId: ids.b, plannedOn: today(env) });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('the visit register, a customer tab, a visit and the recent list', async () => {
    const all = { startRow: 0, endRow: 100 };
    expect((await env.call(staff.caller, 'visits.query', all)).rows.map((r) => r.id).sort()).toEqual([ids.aVisit, ids.bVisit].sort());
    const theirs = await env.call(plain.caller, 'visits.query', all);
    expect(theirs).toMatchObject({ rowCount: 1, rows: [{ id: ids.bVisit }] });
    expect((await env.fail(plain.caller, 'visits.query', { ...all, customerId: ids.a })).code).toBe('NOT_FOUND');
    expect(await env.fail(plain.caller, 'visits.get', { id: ids.aVisit })).toMatchObject({ code: 'NOT_FOUND', message: 'visits.errors.notFound' });
    expect((await env.fail(plain.caller, 'visits.recent', { customerId: ids.a, limit: 5 })).code).toBe('NOT_FOUND');
    const file = await env.call(plain.caller, 'visits.export', { view: {}, columns: ['customerName'], format: 'csv' });
    const text = (await readFile(env.backend.exportedFile(plain.caller, file.fileId)!.path)).toString('utf8');
    expect(file.rows).toBe(1);
    expect(text).not.toContain('甲级集团');
  });

  it('writes naming an A-class customer or its visit are "not found" for others, and change nothing', async () => {
    const before = await env.snapshot();
    const v = (await env.call(staff.caller, 'visits.get', { id: ids.aVisit })).visit;
    const snapshotAfterView = await env.snapshot();
    expect(snapshotAfterView).not.toBe(before); // the view itself was logged
    for (const [channel, input] of [
      ['visits.create', { customerId: ids.a, visit: visitValues(env, staffId) }],
      ['visits.update', { id: v.id, version: v.version, changes: { content: '改' } }],
      ['visits.void', { id: v.id, version: v.version, reason: '试' }],
      ['visitPlans.add', { staffId, month: today(env).slice(0, 7), customerId: ids.a, plannedOn: today(env) }],
      ['visitPlans.update', { id: ids.aPlan, notes: '试' }],
      ['visitPlans.remove', { id: ids.aPlan }],
      ['cadence.customer', { customerId: ids.a }],
    ] as const) {
      expect((await env.fail(plain.caller, channel, input)).code, channel).toBe('NOT_FOUND');
    }
    expect(await env.snapshot()).toBe(snapshotAfterView);
  });

  it('logs every view of an A-class visit by project staff', async () => {
    const count = async () =>
      (await env.backend.store.reader.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'view' AND entity = 'visit' AND entity_id = ?`, [String(ids.aVisit)]))!.n;
    const before = await count();
    await env.call(staff.caller, 'visits.get', { id: ids.aVisit });
    expect(await count()).toBe(before + 1);
    await env.call(staff.caller, 'visits.get', { id: ids.bVisit });
    expect(await count()).toBe(before + 1);
  });

  it('the plan lines and the completion summary', async () => {
    const month = today(env).slice(0, 7);
    const lines = async (u: TestUser) => (await env.call(u.caller, 'visitPlans.query', { month, startRow: 0, endRow: 100 })).rows.map((r) => r.customerName);
    expect((await lines(staff)).sort()).toEqual(['乙级商行', '甲级集团'].sort());
    expect(await lines(plain)).toEqual(['乙级商行']);
    expect((await env.call(staff.caller, 'visitPlans.summary', { month })).staff[0]).toMatchObject({ planned: 2, done: 2, visits: 2 });
    expect((await env.call(plain.caller, 'visitPlans.summary', { month })).staff[0]).toMatchObject({ planned: 1, done: 1, visits: 1 });
  });

  it('the class distribution counts', async () => {
    const mine = await env.call(staff.caller, 'reports.classDistribution', {});
    expect(mine.byClass).toEqual([
      { abcClass: 'A', count: 1 },
      { abcClass: 'B', count: 1 },
      { abcClass: 'C', count: 1 },
    ]);
    expect(mine.byStaff).toEqual([{ staffId, staffName: '张伟', employeeNo: 'KM001', A: 1, B: 1, C: 1, total: 3 }]);
    const theirs = await env.call(plain.caller, 'reports.classDistribution', { staffId });
    expect(theirs.byClass.map((c) => c.count)).toEqual([0, 1, 1]);
    expect(theirs.byStaff).toEqual([{ staffId, staffName: '张伟', employeeNo: 'KM001', A: 0, B: 1, C: 1, total: 2 }]);
  });

  it('the contact list and its export', async () => {
    const names = async (u: TestUser) => (await env.call(u.caller, 'contactList.query', { startRow: 0, endRow: 100 })).rows.map((r) => r.name);
    expect((await names(staff)).sort()).toEqual(['丙联系人', '乙联系人', '甲联系人'].sort());
    expect((await names(plain)).sort()).toEqual(['丙联系人', '乙联系人'].sort());
    const file = await env.call(plain.caller, 'contactList.export', { view: {}, columns: ['customerName', 'name'], format: 'csv' });
    expect(file.rows).toBe(2);
    expect(file.fileName).toMatch(/^客户联络一览表_/);
  });
});

describe('class distribution and the contact list', () => {
  let env: TestEnv;
  let clerk: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('counts customers on file per class and per manager, leaving archived ones out', async () => {
    const zhang = await env.createStaff({ employeeNo: 'KM002', name: '张伟' });
    const li = await env.createStaff({ employeeNo: 'KM001', name: '李娜' });
    const classes: [number, 'A' | 'B' | 'C'][] = [
      [zhang, 'A'],
      [zhang, 'B'],
      [zhang, 'B'],
      [li, 'C'],
      [li, 'C'],
      [li, 'B'],
    ];
    for (const [s, abcClass] of classes) await createCustomer(env, clerk.caller, customerValues(s, { abcClass }));
    const gone = await createCustomer(env, clerk.caller, customerValues(li, { abcClass: 'A' }));
    await env.call(clerk.caller, 'customers.archive', { id: gone.customer.id, version: gone.customer.version, reason: '停业', receivedOn: today(env) });

    const all = await env.call(clerk.caller, 'reports.classDistribution', {});
    expect(all.byClass.map((c) => c.count)).toEqual([1, 3, 2]);
    expect(all.byStaff.map((s) => [s.employeeNo, s.A, s.B, s.C, s.total])).toEqual([
      ['KM001', 0, 1, 2, 3],
      ['KM002', 1, 2, 0, 3],
    ]);
    const one = await env.call(clerk.caller, 'reports.classDistribution', { staffId: zhang });
    expect(one.byClass.map((c) => c.count)).toEqual([1, 2, 0]);
    expect(one.byStaff).toHaveLength(2);
  });

  it('lists contacts with their customer and manager; removed contacts are left out; filters and quick search work', async () => {
    const staffId = await env.createStaff({ name: '王芳' });
    const made = await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'LX001', name: '温州联络测试有限公司' }), {
      contacts: [contactValues({ name: '赵总', title: '董事长', isKeyLeader: true, mobile: '13900001111' }), contactValues({ name: '钱经理', mobile: '13900002222' })],
    });
    await env.call(clerk.caller, 'contacts.remove', { id: made.contacts[1]!.id, reason: '离职', receivedOn: today(env) });
    const query = (extra: Record<string, unknown>) => env.call(clerk.caller, 'contactList.query', { startRow: 0, endRow: 100, ...extra });
    const page = await query({ quickSearch: '联络测试' });
    expect(page.rows).toEqual([
      {
        id: made.contacts[0]!.id,
        customerId: made.customer.id,
        customerCode: 'LX001',
        customerName: '温州联络测试有限公司',
        abcClass: 'B',
        customerStatus: 'active',
        name: '赵总',
        title: '董事长',
        mobile: '13900001111',
        directLine: null,
        email: null,
        isKeyLeader: true,
        notes: null,
        managerName: '王芳',
      },
    ]);
    expect((await query({ quickSearch: '13900001111' })).rowCount).toBe(1);
    expect((await query({ quickSearch: '13900002222' })).rowCount).toBe(0);
    expect((await query({ filterModel: { isKeyLeader: { filterType: 'set', values: ['true'] }, managerStaffId: { filterType: 'set', values: [String(staffId)] } } })).rowCount).toBe(1);
  });
});
