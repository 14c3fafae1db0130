import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';

/** The monthly visit plan (月度拜访计划) and its plan-vs-actual view. The clock stands on 2026-11-25. */
describe('monthly visit plan', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let zhang: number;
  let li: number;
  const month = '2026-11';

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    zhang = await env.createStaff({ employeeNo: 'KM001', name: '张伟' });
    li = await env.createStaff({ employeeNo: 'KM002', name: '李娜' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const customer = async (name: string, abcClass: 'A' | 'B' | 'C' = 'B') =>
    (await createCustomer(env, clerk.caller, customerValues(zhang, { name, abcClass }))).customer.id;
  const plan = (staffId: number, customerId: number, plannedOn: string, notes?: string) =>
    env.call(clerk.caller, 'visitPlans.add', { staffId, month, customerId, plannedOn, notes });
  const visit = (staffId: number, customerId: number, visitedOn: string, channel: 'visit' | 'phone' = 'visit') =>
    env.call(clerk.caller, 'visits.create', { customerId, visit: visitValues(env, staffId, { visitedOn, channel }) });
  const lines = async (filterModel: Record<string, unknown> = {}) =>
    (await env.call(clerk.caller, 'visitPlans.query', { month, startRow: 0, endRow: 100, filterModel })).rows;

  it('counts a plan line done only for a 走访 by the planned staff member at that customer within the month', async () => {
    const done = await customer('甲：已走访');
    const phoned = await customer('乙：只打了电话');
    const byOther = await customer('丙：别人去的');
    const lastMonth = await customer('丁：上月去的');
    const voided = await customer('戊：记录作废');
    const pending = await customer('己：还没到日子');
    const missed = await customer('庚：过了计划日期');
    await plan(zhang, done, '2026-11-05', '商谈年底备货');
    await plan(zhang, phoned, '2026-11-06');
    await plan(zhang, byOther, '2026-11-07');
    await plan(zhang, lastMonth, '2026-11-08');
    await plan(zhang, voided, '2026-11-09');
    await plan(zhang, pending, '2026-11-28');
    await plan(zhang, missed, '2026-11-20');
    await visit(zhang, done, '2026-11-06');
    await visit(zhang, done, '2026-11-12');
    await visit(zhang, phoned, '2026-11-06', 'phone');
    await visit(li, byOther, '2026-11-07');
    await visit(zhang, lastMonth, '2026-10-31');
    const v = await visit(zhang, voided, '2026-11-09');
    await env.call(clerk.caller, 'visits.void', { id: v.id, version: v.version, reason: '录错客户' });

    const rows = await lines();
    expect(rows.map((r) => [r.customerName, r.plannedOn, r.state, r.visitedOn])).toEqual([
      ['甲：已走访', '2026-11-05', 'done', '2026-11-06'],
      ['乙：只打了电话', '2026-11-06', 'missed', null],
      ['丙：别人去的', '2026-11-07', 'missed', null],
      ['丁：上月去的', '2026-11-08', 'missed', null],
      ['戊：记录作废', '2026-11-09', 'missed', null],
      ['庚：过了计划日期', '2026-11-20', 'missed', null],
      ['己：还没到日子', '2026-11-28', 'pending', null],
    ]);
    expect((await lines({ state: { filterType: 'set', values: ['done'] } })).map((r) => r.customerName)).toEqual(['甲：已走访']);

    const summary = await env.call(clerk.caller, 'visitPlans.summary', { month });
    expect(summary).toEqual({
      month,
      editable: true,
      staff: [
        { staffId: zhang, staffName: '张伟', employeeNo: 'KM001', planned: 7, done: 1, visits: 2 },
        { staffId: li, staffName: '李娜', employeeNo: 'KM002', planned: 0, done: 0, visits: 1 },
      ],
    });
  });

  it('refuses a date outside the month, a duplicate line, an unknown or inactive staff member, and writes nothing', async () => {
    const c = await customer('辛：重复计划');
    await plan(li, c, '2026-11-26');
    const gone = await env.createStaff({ name: '离职', active: false });
    const before = await env.snapshot();
    const outside = await env.fail(clerk.caller, 'visitPlans.add', { staffId: li, month, customerId: c, plannedOn: '2026-12-01' });
    expect(outside.details?.issues?.[0]).toMatchObject({ path: 'plannedOn', key: 'visits.errors.plannedOutsideMonth', params: { month } });
    const twice = await env.fail(clerk.caller, 'visitPlans.add', { staffId: li, month, customerId: c, plannedOn: '2026-11-27' });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'visits.errors.planDuplicate' });
    const inactive = await env.fail(clerk.caller, 'visitPlans.add', { staffId: gone, month, customerId: c, plannedOn: '2026-11-27' });
    expect(inactive.details?.issues?.[0]).toMatchObject({ path: 'staffId', key: 'visits.errors.staffUnknown' });
    const badMonth = await env.fail(clerk.caller, 'visitPlans.add', { staffId: li, month: '2026-13', customerId: c, plannedOn: '2026-11-27' });
    expect(badMonth.details?.issues?.[0]).toMatchObject({ path: 'month', key: 'v.format' });
    const unknown = await env.fail(clerk.caller, 'visitPlans.add', { staffId: li, month, customerId: 99999, plannedOn: '2026-11-27' });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await env.snapshot()).toBe(before);
  });

  it('changes the date or the note of a line, and takes a line out, while the month is open; all audited', async () => {
    const c = await customer('壬：改期');
    const line = await plan(li, c, '2026-11-26', '带新品目录');
    const moved = await env.call(clerk.caller, 'visitPlans.update', { id: line.id, plannedOn: '2026-11-30' });
    expect(moved).toMatchObject({ plannedOn: '2026-11-30', notes: '带新品目录' });
    const cleared = await env.call(clerk.caller, 'visitPlans.update', { id: line.id, notes: '' });
    expect(cleared).toMatchObject({ plannedOn: '2026-11-30', notes: null });
    const wrong = await env.fail(clerk.caller, 'visitPlans.update', { id: line.id, plannedOn: '2026-10-30' });
    expect(wrong.details?.issues?.[0]).toMatchObject({ path: 'plannedOn', key: 'visits.errors.plannedOutsideMonth' });
    await env.call(clerk.caller, 'visitPlans.remove', { id: line.id });
    expect((await lines()).map((r) => r.id)).not.toContain(line.id);
    const audit = await env.backend.store.reader.all<{ channel: string; action: string }>(
      `SELECT channel, action FROM audit_log WHERE entity = 'visitPlan' AND entity_id = ? ORDER BY id`,
      [String(line.id)],
    );
    expect(audit).toEqual([
      { channel: 'visitPlans.add', action: 'create' },
      { channel: 'visitPlans.update', action: 'update' },
      { channel: 'visitPlans.update', action: 'update' },
      { channel: 'visitPlans.remove', action: 'remove' },
    ]);
    expect((await env.fail(clerk.caller, 'visitPlans.remove', { id: line.id })).code).toBe('NOT_FOUND');
  });

  it('closes a month once it is over: its lines can no longer be added, changed or removed', async () => {
    const c = await customer('癸：下月计划');
    const december = await env.call(clerk.caller, 'visitPlans.add', { staffId: zhang, month: '2026-12', customerId: c, plannedOn: '2026-12-03' });
    // A plan for a past month cannot even be started.
    const past = await env.fail(clerk.caller, 'visitPlans.add', { staffId: zhang, month: '2026-10', customerId: c, plannedOn: '2026-10-03' });
    expect(past).toMatchObject({ code: 'CONFLICT', message: 'visits.errors.planMonthClosed', details: { params: { month: '2026-10' } } });

    const november = (await lines())[0]!;
    env.clock.set('2026-12-02T02:00:00Z');
    const again = await env.login(clerk.username, clerk.password);
    const before = await env.snapshot();
    expect(await env.fail(again, 'visitPlans.update', { id: november.id, plannedOn: '2026-11-10' })).toMatchObject({ code: 'CONFLICT', message: 'visits.errors.planMonthClosed' });
    expect(await env.fail(again, 'visitPlans.remove', { id: november.id })).toMatchObject({ code: 'CONFLICT' });
    expect(await env.snapshot()).toBe(before);
    expect((await env.call(again, 'visitPlans.summary', { month })).editable).toBe(false);
    expect((await env.call(again, 'visitPlans.summary', { month: '2026-12' })).editable).toBe(true);
    expect(await env.call(again, 'visitPlans.update', { id: december.id, notes: '带合同' })).toMatchObject({ notes: '带合同', state: 'pending' });
    env.clock.set('2026-11-25T02:00:00Z');
    expect(today(env)).toBe('2026-11-25');
  });
});
