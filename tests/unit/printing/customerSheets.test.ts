import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';
import { complaintValues } from '../helpers/complaints';

/**
 * The data behind the printed customer sheets (客户卡, 变更记录): everything on one call, the same visibility as
 * the detail view, and printing an A-class record logged like viewing it.
 */
describe('printed customer sheets', () => {
  let env: TestEnv;
  let insider: TestUser;
  let outsider: TestUser;
  let aId: number;
  let bId: number;

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    outsider = await env.createUser({ roles: ['clerk'], projectStaff: false, displayName: '王丽' });
    const staffId = await env.createStaff({ name: '赵刚' });
    const a = await createCustomer(env, insider.caller, customerValues(staffId, { code: 'VIP-A', name: '华东甲类集团', abcClass: 'A' }), {
      contacts: [contactValues({ name: '甲董事长', title: '董事长' })],
    });
    const b = await createCustomer(env, insider.caller, customerValues(staffId, { code: 'STD-B', name: '苏州乙类商行', abcClass: 'B' }), {
      contacts: [contactValues({ name: '钱经理', title: '营销总监' }), contactValues({ name: '孙主任' })],
    });
    aId = a.customer.id;
    bId = b.customer.id;
    await env.call(insider.caller, 'customers.update', {
      id: bId,
      version: b.customer.version,
      changes: { name: '苏州乙类商行有限公司' },
      receivedOn: today(env),
    });
  });
  afterAll(() => env.close());

  it('the customer card holds the record, its contacts and code-list labels', async () => {
    const card = await env.call(insider.caller, 'customers.card', { id: bId });
    expect(card.customer.name).toBe('苏州乙类商行有限公司');
    expect(card.contacts.map((c) => c.name).sort()).toEqual(['孙主任', '钱经理'].sort());
    expect(Object.keys(card.codeLabels).length).toBeGreaterThan(0);
  });

  it('the customer card lists the latest visits and the complaints not yet closed', async () => {
    const staffId = await env.createStaff({ name: '周敏' });
    await env.call(insider.caller, 'visits.create', {
      customerId: bId,
      visit: visitValues(env, staffId, { channel: 'visit', contactName: '钱经理', contactTitle: '营销总监', purpose: '年度合作洽谈', content: '确认明年框架协议' }),
    });
    const complaint = await env.call(
      insider.caller,
      'complaints.create',
      complaintValues(env, bId, staffId, { content: '上周到货的 20 箱饮料有 3 箱外包装破损，要求退换。' }),
    );
    const card = await env.call(insider.caller, 'customers.card', { id: bId });
    expect(card.visits).toEqual([
      { visitedOn: today(env), channel: 'visit', staffName: '周敏', contact: '钱经理（营销总监）', summary: '年度合作洽谈：确认明年框架协议' },
    ]);
    expect(card.complaints).toHaveLength(1);
    expect(card.complaints[0]).toMatchObject({ number: complaint.complaint.number, type: 'complaint', status: 'received' });
    expect(card.complaints[0]!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the history sheet lists every change, oldest first', async () => {
    const sheet = await env.call(insider.caller, 'customers.historySheet', { id: bId });
    expect(sheet.customer.code).toBe('STD-B');
    expect(sheet.changes[0]!.field).toBe('created');
    expect(sheet.changes.some((c) => c.field === 'name' && c.newValue === '苏州乙类商行有限公司')).toBe(true);
    const times = sheet.changes.map((c) => c.changedAt);
    expect([...times].sort()).toEqual(times);
    expect(sheet.truncated).toBe(false);
  });

  it('an A-class customer cannot be printed without project staff: not found, as in the grid', async () => {
    expect((await env.fail(outsider.caller, 'customers.card', { id: aId })).code).toBe('NOT_FOUND');
    expect((await env.fail(outsider.caller, 'customers.historySheet', { id: aId })).code).toBe('NOT_FOUND');
  });

  it('printing an A-class record is logged; printing others is not', async () => {
    const count = async () =>
      (await env.backend.store.reader.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'print'`))!.n;
    const before = await count();
    await env.call(insider.caller, 'customers.card', { id: aId });
    await env.call(insider.caller, 'customers.historySheet', { id: aId });
    expect(await count()).toBe(before + 2);
    await env.call(insider.caller, 'customers.card', { id: bId });
    expect(await count()).toBe(before + 2);
  });

  it('refuses a malformed id and an unknown customer', async () => {
    expect((await env.fail(insider.caller, 'customers.card', { id: 'x' })).code).toBe('VALIDATION');
    expect((await env.fail(insider.caller, 'customers.card', { id: 999999 })).code).toBe('NOT_FOUND');
  });
});
