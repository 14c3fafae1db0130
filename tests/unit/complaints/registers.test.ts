import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { ChannelInput } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { complaintAt, complaintValues, stepInputs } from '../helpers/complaints';
import { readWorkbook } from '../helpers/files';

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).toISOString();
type Query = ChannelInput<'complaints.query'>;
const page = (view: Partial<Query> = {}): Query => ({ startRow: 0, endRow: 100, ...view });

/**
 * 客户投诉记录台账 and 顾客满意台账: filters by received date, type, status and due state; the four scores and
 * their average; exports with the registers' titles; the monthly chart; the open complaints of a customer and the
 * dashboard's due and overdue lines. The clock stands at Wednesday 25 November 2026.
 */
describe('complaint registers', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;
  let hualian: number;
  let yonghui: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
    staffId = await env.createStaff({ name: '李受理' });
    hualian = (
      await createCustomer(env, clerk.caller, customerValues(staffId, { name: '杭州华联超市有限公司' }))
    ).customer.id;
    yonghui = (
      await createCustomer(env, clerk.caller, customerValues(staffId, { name: '宁波永辉商贸有限公司' }))
    ).customer.id;
    const make = async (
      key: string,
      customerId: number,
      status: Parameters<typeof complaintAt>[2],
      values: Parameters<typeof complaintValues>[3],
    ) => {
      ids[key] = (
        await complaintAt(env, clerk.caller, status, complaintValues(env, customerId, staffId, values))
      ).complaint.id;
    };
    // Due 19 November (Mon 16 + 3 working days): overdue.
    await make('overdue', hualian, 'verified', {
      type: 'complaint',
      receivedAt: at(2026, 11, 16),
      content: '连续两次送货延误',
    });
    // Due today (Fri 20 + 3 working days = Wed 25).
    await make('dueToday', hualian, 'received', {
      type: 'complaint',
      receivedAt: at(2026, 11, 20),
      content: '发票税率开错',
    });
    // Due 1 December: not yet due.
    await make('pending', yonghui, 'handling', {
      type: 'query',
      receivedAt: at(2026, 11, 24),
      content: '返利金额有疑问',
    });
    // Resolved late: no longer overdue (the office has done its part).
    await make('resolvedLate', yonghui, 'resolved', {
      type: 'grievance',
      receivedAt: at(2026, 10, 5),
      content: '司机态度生硬',
    });
    await make('closed', hualian, 'closed', {
      type: 'suggestion',
      receivedAt: at(2026, 9, 8),
      content: '建议节前通知送货安排',
    });
    const fb = await complaintAt(
      env,
      clerk.caller,
      'resolved',
      complaintValues(env, yonghui, staffId, {
        type: 'complaint',
        receivedAt: at(2026, 10, 20),
        content: '外包装破损',
      }),
    );
    await env.call(clerk.caller, 'complaints.recordFeedback', {
      id: fb.complaint.id,
      version: fb.complaint.version,
      scores: { time: 2, method: 3, process: 3, result: 4 },
      feedbackOn: '2026-11-02',
    });
    ids.feedback = fb.complaint.id;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const numbersOf = async (view: Partial<Query>) =>
    (await env.call(clerk.caller, 'complaints.query', page(view))).rows.map((r) => r.id);

  it('lists every complaint, newest received first, with its due state', async () => {
    const { rows, rowCount } = await env.call(clerk.caller, 'complaints.query', page());
    expect(rowCount).toBe(6);
    expect(rows.map((r) => r.id)).toEqual([
      ids.pending,
      ids.dueToday,
      ids.overdue,
      ids.feedback,
      ids.resolvedLate,
      ids.closed,
    ]);
    const state = Object.fromEntries(rows.map((r) => [r.id, r.dueState]));
    expect(state).toEqual({
      [ids.overdue!]: 'overdue',
      [ids.dueToday!]: 'dueToday',
      [ids.pending!]: 'pending',
      [ids.resolvedLate!]: 'done',
      [ids.closed!]: 'done',
      [ids.feedback!]: 'done',
    });
    const overdue = rows.find((r) => r.id === ids.overdue)!;
    expect(overdue).toMatchObject({
      customerName: '杭州华联超市有限公司',
      receivedByName: '李受理',
      type: 'complaint',
      status: 'verified',
      dueOn: '2026-11-19',
    });
    expect(rows.find((r) => r.id === ids.feedback)!.averageScore).toBe(300);
  });

  it('filters by received date range (both ends included), type, status and due state', async () => {
    const range = {
      receivedAt: {
        filterType: 'date' as const,
        type: 'inRange' as const,
        dateFrom: '2026-10-05',
        dateTo: '2026-11-20',
      },
    };
    expect(await numbersOf({ filterModel: range })).toEqual([
      ids.dueToday,
      ids.overdue,
      ids.feedback,
      ids.resolvedLate,
    ]);
    expect(
      await numbersOf({ filterModel: { ...range, type: { filterType: 'set', values: ['complaint'] } } }),
    ).toEqual([ids.dueToday, ids.overdue, ids.feedback]);
    expect(
      await numbersOf({ filterModel: { status: { filterType: 'set', values: ['received', 'verified'] } } }),
    ).toEqual([ids.dueToday, ids.overdue]);
    expect(
      await numbersOf({ filterModel: { dueState: { filterType: 'set', values: ['overdue'] } } }),
    ).toEqual([ids.overdue]);
    expect(
      await numbersOf({ filterModel: { dueState: { filterType: 'set', values: ['dueToday'] } } }),
    ).toEqual([ids.dueToday]);
    expect(await numbersOf({ quickSearch: '返利' })).toEqual([ids.pending]);
    expect(await numbersOf({ quickSearch: '永辉' })).toEqual([ids.pending, ids.feedback, ids.resolvedLate]);
    expect(await numbersOf({ customerId: hualian, sortModel: [{ colId: 'number', sort: 'asc' }] })).toEqual([
      ids.overdue,
      ids.dueToday,
      ids.closed,
    ]);
  });

  it('moves a complaint into "overdue" when the day after its due date comes', async () => {
    env.clock.set('2026-11-26T02:00:00Z');
    const clerkAgain = await env.login(clerk.username, clerk.password);
    const rows = (
      await env.call(
        clerkAgain,
        'complaints.query',
        page({ filterModel: { dueState: { filterType: 'set', values: ['overdue'] } } }),
      )
    ).rows;
    expect(rows.map((r) => r.id)).toEqual([ids.dueToday, ids.overdue]);
    env.clock.set('2026-11-25T02:00:00Z');
    clerk.caller = await env.login(clerk.username, clerk.password);
  });

  it('shows the dashboard lines for complaints due today and overdue', async () => {
    const items = await env.call(clerk.caller, 'dashboard.today', {});
    expect(items.filter((i) => i.id.startsWith('complaints.'))).toEqual([
      {
        id: 'complaints.overdue',
        text: 'complaints.today.overdue',
        params: {},
        count: 1,
        level: 'danger',
        route: '/complaints?due=overdue',
      },
      {
        id: 'complaints.dueToday',
        text: 'complaints.today.dueToday',
        params: {},
        count: 1,
        level: 'warning',
        route: '/complaints?due=dueToday',
      },
    ]);
    const storekeeper = await env.createUser({ roles: ['storekeeper'] });
    const theirs = await env.call(storekeeper.caller, 'dashboard.today', {});
    expect(theirs.filter((i) => i.id.startsWith('complaints.'))).toEqual([]);
  });

  it('lists the open complaints of a customer, oldest first, for the customer card', async () => {
    const open = await env.call(clerk.caller, 'complaints.openForCustomer', { customerId: hualian });
    expect(open).toEqual([
      {
        id: ids.overdue,
        number: 'TS-2026-0001',
        receivedOn: '2026-11-16',
        type: 'complaint',
        status: 'verified',
        dueOn: '2026-11-19',
        dueState: 'overdue',
        summary: '连续两次送货延误',
      },
      {
        id: ids.dueToday,
        number: 'TS-2026-0002',
        receivedOn: '2026-11-20',
        type: 'complaint',
        status: 'received',
        dueOn: '2026-11-25',
        dueState: 'dueToday',
        summary: '发票税率开错',
      },
    ]);
    expect(await env.fail(clerk.caller, 'complaints.openForCustomer', { customerId: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shortens a long content to one line for the card', async () => {
    const long = `${'包装破损，'.repeat(20)}\n请尽快处理`;
    const d = await env.call(
      clerk.caller,
      'complaints.create',
      complaintValues(env, yonghui, staffId, { content: long }),
    );
    const open = await env.call(clerk.caller, 'complaints.openForCustomer', { customerId: yonghui });
    const summary = open.find((o) => o.id === d.complaint.id)!.summary;
    expect([...summary]).toHaveLength(61);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toContain('\n');
  });

  it('keeps 顾客满意台账 to complaints with feedback: the four scores and their average in hundredths', async () => {
    const { rows, rowCount } = await env.call(clerk.caller, 'complaints.satisfaction', {
      startRow: 0,
      endRow: 50,
    });
    expect(rowCount).toBe(2);
    // Latest feedback first: the closed one's customer answered today, the other on 2 November.
    expect(
      rows.map((r) => [
        r.id,
        r.status,
        r.feedbackOn,
        r.scoreTime,
        r.scoreMethod,
        r.scoreProcess,
        r.scoreResult,
        r.averageScore,
      ]),
    ).toEqual([
      [ids.closed, 'closed', '2026-11-25', 5, 4, 4, 5, 450],
      [ids.feedback, 'feedbackRecorded', '2026-11-02', 2, 3, 3, 4, 300],
    ]);
    expect(rows[0]!.closedAt).not.toBeNull();
    expect(rows[1]!.closedAt).toBeNull();
    // "Average below 4" typed as 4 in the grid filter (shown in points, stored in hundredths).
    const low = await env.call(clerk.caller, 'complaints.satisfaction', {
      startRow: 0,
      endRow: 50,
      filterModel: { averageScore: { filterType: 'number', type: 'lessThan', filter: 4 } },
    });
    expect(low.rows.map((r) => r.id)).toEqual([ids.feedback]);
  });

  it('exports 客户投诉记录台账 as shown: title, Chinese labels, local times', async () => {
    const file = await env.call(clerk.caller, 'complaints.export', {
      view: {
        filterModel: { type: { filterType: 'set', values: ['complaint'] } },
        sortModel: [{ colId: 'number', sort: 'asc' }],
      },
      columns: [
        'number',
        'receivedAt',
        'customerName',
        'type',
        'channel',
        'status',
        'dueOn',
        'dueState',
        'averageScore',
      ],
      format: 'xlsx',
    });
    expect(file.fileName).toMatch(/^客户投诉记录台账_2026-11-25_\d{4}\.xlsx$/);
    const sheet = (await readWorkbook(env.backend.exportedFile(clerk.caller, file.fileId)!.path))
      .worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('客户投诉记录台账');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '投诉编号',
      '受理时间',
      '客户名称',
      '类别',
      '受理方式',
      '状态',
      '处理期限',
      '期限状态',
      '平均分',
    ]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      'TS-2026-0001',
      '2026-11-16 10:00',
      '杭州华联超市有限公司',
      '投诉',
      '电话',
      '已核实',
      '2026-11-19',
      '已逾期',
    ]);
    // The three complaints above and the long one recorded by the card test.
    expect(file.rows).toBe(4);
    expect(sheet.getCell('C6').value).toBe('宁波永辉商贸有限公司');
    expect(sheet.getCell('I6').value).toBe(3);
    expect(sheet.getCell('I6').numFmt).toBe('0.00');
  });

  it('exports 顾客满意台账 as .csv with the same rows as the grid', async () => {
    const file = await env.call(clerk.caller, 'complaints.satisfactionExport', {
      view: {},
      columns: [
        'number',
        'customerName',
        'type',
        'scoreTime',
        'scoreMethod',
        'scoreProcess',
        'scoreResult',
        'averageScore',
      ],
      format: 'csv',
    });
    expect(file.fileName).toMatch(/^顾客满意台账_/);
    const text = (await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path))
      .subarray(3)
      .toString('utf8');
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '投诉编号,客户名称,类别,处理时间,处理方式,处理过程,处理结果,平均分',
      'TS-2026-0005,杭州华联超市有限公司,建议,5,4,4,5,4.5',
      'TS-2026-0006,宁波永辉商贸有限公司,投诉,2,3,3,4,3',
    ]);
  });

  it('counts complaints by type and month for the chart, months without any included', async () => {
    const rows = await env.call(clerk.caller, 'complaints.byMonth', {
      fromMonth: '2026-08',
      toMonth: '2026-12',
    });
    expect(rows).toEqual([
      { month: '2026-08', suggestion: 0, query: 0, grievance: 0, complaint: 0, total: 0 },
      { month: '2026-09', suggestion: 1, query: 0, grievance: 0, complaint: 0, total: 1 },
      { month: '2026-10', suggestion: 0, query: 0, grievance: 1, complaint: 1, total: 2 },
      { month: '2026-11', suggestion: 0, query: 1, grievance: 0, complaint: 3, total: 4 },
      { month: '2026-12', suggestion: 0, query: 0, grievance: 0, complaint: 0, total: 0 },
    ]);
    const backwards = await env.fail(clerk.caller, 'complaints.byMonth', {
      fromMonth: '2026-12',
      toMonth: '2026-01',
    });
    expect(backwards.details?.issues).toEqual([{ path: 'toMonth', key: 'v.invalid' }]);
    const tooLong = await env.fail(clerk.caller, 'complaints.byMonth', {
      fromMonth: '2020-01',
      toMonth: '2026-01',
    });
    expect(tooLong.details?.issues).toEqual([{ path: 'toMonth', key: 'v.invalid' }]);
    const badMonth = await env.fail(clerk.caller, 'complaints.byMonth', {
      fromMonth: '2026-13',
      toMonth: '2026-12',
    });
    expect(badMonth.details?.issues).toEqual([{ path: 'fromMonth', key: 'v.date' }]);
  });

  it('writes the step timeline in the detail, readable after reloading', async () => {
    const d = await env.call(clerk.caller, 'complaints.get', { id: ids.closed! });
    expect(d.events.map((e) => e.action)).toEqual([
      'received',
      'verified',
      'handling',
      'resolved',
      'feedback',
      'closed',
    ]);
    expect(d.complaint).toMatchObject({
      status: 'closed',
      averageScore: 450,
      scores: { time: 5, method: 4, process: 4, result: 5 },
    });
    const next = await env.fail(
      clerk.caller,
      'complaints.verify',
      stepInputs.verify(ids.closed!, d.complaint.version),
    );
    expect(next.message).toBe('complaints.errors.alreadyClosed');
  });
});
