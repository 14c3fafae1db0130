import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { complaintAt, complaintValues, stepInputs } from '../helpers/complaints';

/**
 * customers.md "Access": complaints of A-class customers belong to their records, so they exist only for project
 * staff — in the register, the satisfaction register, the detail, the customer's list, the chart, the exports and
 * the dashboard — and every view of one is logged.
 */
describe('complaints of A-class customers are visible to project staff only', () => {
  let env: TestEnv;
  let insider: TestUser;
  let outsider: TestUser;
  let staffId: number;
  let aCustomer: number;
  let aComplaint: number;
  let bComplaint: number;

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    outsider = await env.createUser({ roles: ['clerk'], projectStaff: false, displayName: '王丽' });
    staffId = await env.createStaff();
    aCustomer = (
      await createCustomer(
        env,
        insider.caller,
        customerValues(staffId, { name: '华东机密甲类集团', abcClass: 'A' }),
      )
    ).customer.id;
    const bCustomer = (
      await createCustomer(
        env,
        insider.caller,
        customerValues(staffId, { name: '华东普通乙类商行', abcClass: 'B' }),
      )
    ).customer.id;
    const at = new Date(2026, 10, 10, 9).toISOString();
    // Both past due and with feedback recorded, so they would show in every list.
    aComplaint = (
      await complaintAt(
        env,
        insider.caller,
        'feedbackRecorded',
        complaintValues(env, aCustomer, staffId, { receivedAt: at, content: '甲类客户投诉' }),
      )
    ).complaint.id;
    bComplaint = (
      await complaintAt(
        env,
        insider.caller,
        'feedbackRecorded',
        complaintValues(env, bCustomer, staffId, { receivedAt: at, content: '乙类客户投诉' }),
      )
    ).complaint.id;
    await complaintAt(
      env,
      insider.caller,
      'received',
      complaintValues(env, aCustomer, staffId, { receivedAt: at }),
    );
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('hides them from the register, its count and its quick search', async () => {
    const all = { startRow: 0, endRow: 100 };
    expect((await env.call(insider.caller, 'complaints.query', all)).rowCount).toBe(3);
    const theirs = await env.call(outsider.caller, 'complaints.query', all);
    expect(theirs.rows.map((r) => r.id)).toEqual([bComplaint]);
    expect(theirs.rowCount).toBe(1);
    expect(
      (await env.call(outsider.caller, 'complaints.query', { ...all, quickSearch: '甲类' })).rowCount,
    ).toBe(0);
    expect(
      (await env.call(outsider.caller, 'complaints.query', { ...all, customerId: aCustomer })).rowCount,
    ).toBe(0);
  });

  it('hides them from 顾客满意台账', async () => {
    expect(
      (await env.call(insider.caller, 'complaints.satisfaction', { startRow: 0, endRow: 10 })).rowCount,
    ).toBe(2);
    const theirs = await env.call(outsider.caller, 'complaints.satisfaction', { startRow: 0, endRow: 10 });
    expect(theirs.rows.map((r) => r.id)).toEqual([bComplaint]);
  });

  it('answers "not found" for the detail, the customer’s open complaints and every step', async () => {
    const notFound = await env.fail(outsider.caller, 'complaints.get', { id: aComplaint });
    expect(notFound).toEqual({ code: 'NOT_FOUND', message: 'complaints.errors.notFound' });
    expect(
      (await env.fail(outsider.caller, 'complaints.openForCustomer', { customerId: aCustomer })).code,
    ).toBe('NOT_FOUND');
    const before = await env.snapshot();
    expect(
      (await env.fail(outsider.caller, 'complaints.close', stepInputs.close(aComplaint, 5))).message,
    ).toBe('complaints.errors.notFound');
    expect(
      (
        await env.fail(outsider.caller, 'complaints.update', {
          id: aComplaint,
          version: 5,
          changes: { content: '改' },
        })
      ).message,
    ).toBe('complaints.errors.notFound');
    const create = await env.fail(
      outsider.caller,
      'complaints.create',
      complaintValues(env, aCustomer, staffId),
    );
    expect(create.details?.issues).toEqual([
      { path: 'customerId', key: 'complaints.errors.customerUnknown' },
    ]);
    expect(await env.snapshot()).toBe(before);
  });

  it('leaves them out of the chart, the exports and the dashboard counts', async () => {
    const month = { fromMonth: '2026-11', toMonth: '2026-11' };
    expect((await env.call(insider.caller, 'complaints.byMonth', month))[0]!.total).toBe(3);
    expect((await env.call(outsider.caller, 'complaints.byMonth', month))[0]!.total).toBe(1);

    const file = await env.call(outsider.caller, 'complaints.export', {
      view: {},
      columns: ['number', 'customerName', 'content'],
      format: 'csv',
    });
    expect(file.rows).toBe(1);
    const text = (await readFile(env.backend.exportedFile(outsider.caller, file.fileId)!.path)).toString(
      'utf8',
    );
    expect(text).toContain('乙类客户投诉');
    expect(text).not.toContain('甲类');
    const scores = await env.call(outsider.caller, 'complaints.satisfactionExport', {
      view: {},
      columns: ['number', 'customerName'],
      format: 'csv',
    });
    expect(scores.rows).toBe(1);

    const overdue = async (caller: typeof insider.caller) =>
      (await env.call(caller, 'dashboard.today', {})).find((i) => i.id === 'complaints.overdue')?.count ?? 0;
    expect(await overdue(insider.caller)).toBe(1);
    expect(await overdue(outsider.caller)).toBe(0);
  });

  it('logs every view of an A-class complaint, and no view of others', async () => {
    const views = () =>
      env.backend.store.reader.all<{ entity_id: string; user_name: string }>(
        `SELECT entity_id, user_name FROM audit_log WHERE action = 'view' AND entity = 'complaint' ORDER BY id`,
      );
    const before = (await views()).length;
    await env.call(insider.caller, 'complaints.get', { id: aComplaint });
    await env.call(insider.caller, 'complaints.get', { id: bComplaint });
    const after = await views();
    expect(after.slice(before)).toEqual([{ entity_id: String(aComplaint), user_name: insider.username }]);
  });
});
