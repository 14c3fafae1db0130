import { readdir, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '@shared/contract';
import { IMPORT_FIELDS, UPLOAD_MAX_BYTES } from '@shared/schemas/imports';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, contactValues, createCustomer, customerValues } from '../helpers/customers';
import { bytesOf, employeeNo, HEADERS, runInput, upload, xlsxBytes, type SheetCell } from '../helpers/imports';

/**
 * Committing an import: one write transaction for the whole file — customers, contacts, change history with the
 * received date, audit entries and the import log — or nothing at all when any row has a problem or the user
 * cancels.
 */
describe('importing a file (commit)', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;
  let staffNo: string;
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    staffId = await env.createStaff({ employeeNo: 'KM001', name: '王建国' });
    await env.createStaff({ employeeNo: 'KM009', name: '孙丽' });
    staffNo = await employeeNo(env, staffId);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  /** Customers, contacts, their history and the search index: what an import must leave alone when it fails. */
  async function archive(): Promise<string> {
    const parts: string[] = [];
    for (const table of ['customers', 'contacts', 'customer_changes', 'customers_fts']) {
      parts.push(JSON.stringify(await env.backend.store.reader.all(`SELECT * FROM ${table} ORDER BY rowid`)));
    }
    return parts.join('\n');
  }

  const rowsOf = (n: number, from = 1, prefix = 'BULK'): SheetCell[][] =>
    Array.from({ length: n }, (_, i) => [
      `${prefix}-${from + i}`,
      `批量导入客户${from + i}号商贸有限公司`,
      'B',
      staffNo,
      date('2026-11-20'),
      '0571-87654321',
      `联系人${from + i}`,
      '经理',
      '13912345678',
    ]);

  async function fileOf(rows: SheetCell[][]): Promise<string> {
    return upload(env, clerk, '客户导入.xlsx', await xlsxBytes([HEADERS, ...rows]));
  }

  /** The newest entry of 导入记录 (the manual clock gives several entries the same instant). */
  const lastLog = async () => {
    const { rows } = await env.call(clerk.caller, 'imports.log', { startRow: 0, endRow: 100 });
    return rows.reduce((a, b) => (b.id > a.id ? b : a));
  };

  it('creates the customers with their contact, history, audit entries and a log entry, and reports progress', async () => {
    const progress: EventPayload<'job.progress'>[] = [];
    const stop = env.backend.events.subscribe((name, payload) => name === 'job.progress' && progress.push(payload as EventPayload<'job.progress'>));
    const input = runInput(await fileOf([...rowsOf(2, 1, 'NEW'), ['NEW-3', '无联系人客户', 'C', '王建国', '2026/11/22', null, null, null, null]]), {
      env,
      receivedOn: '2026-11-24',
    });
    const result = await env.call(clerk.caller, 'imports.commit', input);
    stop();
    expect(result).toMatchObject({ rows: 3, creates: 3, updates: 0, contacts: 2, problems: 0 });

    const grid = await env.call(clerk.caller, 'customers.query', allRowsQuery({ quickSearch: 'NEW-' }));
    expect(grid.rows.map((r) => [r.code, r.abcClass, r.managerName, r.registeredOn])).toEqual([
      ['NEW-1', 'B', '王建国', '2026-11-20'],
      ['NEW-2', 'B', '王建国', '2026-11-20'],
      ['NEW-3', 'C', '王建国', '2026-11-22'],
    ]);
    const detail = await env.call(clerk.caller, 'customers.get', { id: grid.rows[0]!.id });
    expect(detail.contacts).toMatchObject([{ name: '联系人1', title: '经理', mobile: '13912345678' }]);
    expect(detail.customer).toMatchObject({ phone: '0571-87654321', version: 1, createdAt: env.clock.now().toISOString() });
    const history = await env.call(clerk.caller, 'customers.history', { customerId: grid.rows[0]!.id, startRow: 0, endRow: 10 });
    expect(history.rows.map((h) => [h.field, h.receivedOn, h.userName, h.late])).toEqual([
      ['created', '2026-11-24', '陈静', false],
      ['contactAdded', '2026-11-24', '陈静', false],
    ]);

    const audits = await env.backend.store.reader.all<{ action: string; entity: string; channel: string }>(
      `SELECT action, entity, channel FROM audit_log WHERE channel = 'imports.commit' ORDER BY id`,
    );
    expect(audits).toEqual([
      ...Array(3).fill({ action: 'import', entity: 'customer', channel: 'imports.commit' }),
      { action: 'import', entity: 'importLog', channel: 'imports.commit' },
    ]);
    expect(await lastLog()).toMatchObject({ result: 'done', fileName: '客户导入.xlsx', userName: '陈静', rows: 3, created: 3, updated: 0, contacts: 2, problems: 0, receivedOn: '2026-11-24' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.jobId === input.jobId && p.phase === 'import')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ rows: 3 });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    // The upload has served: it is gone.
    expect(await env.fail(clerk.caller, 'imports.inspect', { uploadId: input.uploadId })).toMatchObject({ message: 'imports.errors.uploadMissing' });
  });

  it('updates customers on file by code: changed fields only, blank cells kept, each change in the history', async () => {
    const { customer } = await createCustomer(
      env,
      clerk.caller,
      customerValues(staffId, { code: 'UPD-1', name: '待更新客户', abcClass: 'C', phone: '0571-11112222', email: 'old@example.com' }),
      { contacts: [contactValues({ name: '刘经理', title: '经理', mobile: '13800000001' })] },
    );
    env.clock.advance(60_000);
    // Received on Thursday 19 November: by today, Wednesday 25th, past the 2 working days — late updates.
    const input = runInput(
      await fileOf([['upd-1', '已更新客户', 'B', 'KM009', date('2026-01-15'), null, '刘经理', '总经理', null]]),
      { env, receivedOn: '2026-11-19' },
    );
    const summary = await env.call(clerk.caller, 'imports.commit', input);
    expect(summary).toMatchObject({ creates: 0, updates: 1, contacts: 1 });
    const after = await env.call(clerk.caller, 'customers.get', { id: customer.id });
    expect(after.customer).toMatchObject({ code: 'UPD-1', name: '已更新客户', abcClass: 'B', managerName: '孙丽', phone: '0571-11112222', email: 'old@example.com', version: 2 });
    expect(after.contacts).toMatchObject([{ name: '刘经理', title: '总经理', mobile: '13800000001' }]);
    const history = await env.call(clerk.caller, 'customers.history', { customerId: customer.id, startRow: 0, endRow: 20, sortModel: [{ colId: 'changedAt', sort: 'desc' }] });
    const latest = history.rows.filter((h) => h.changedAt === env.clock.now().toISOString());
    expect(latest.map((h) => [h.field, h.oldValue, h.newValue, h.late]).sort()).toEqual(
      [
        ['name', '待更新客户', '已更新客户', true],
        ['abcClass', 'C', 'B', true],
        ['managerStaffId', '王建国', '孙丽', true],
        ['title', '经理', '总经理', true],
      ].sort(),
    );
    // The same file again changes nothing.
    const again = await env.call(clerk.caller, 'imports.check', runInput(await fileOf([['upd-1', '已更新客户', 'B', 'KM009', date('2026-01-15'), null, '刘经理', '总经理', null]]), { env }));
    expect(again).toMatchObject({ updates: 0, unchanged: 1, problems: 0 });
  });

  it('writes nothing when one row of many has a problem (all or nothing), and logs the refusal', async () => {
    const before = await archive();
    const rows = [...rowsOf(1200, 1, 'ALL'), ['ALL-BAD', '最后一行有问题', 'B', staffNo, '2026-02-30', null, null, null, null]];
    const input = runInput(await fileOf(rows), { env });
    const error = await env.fail(clerk.caller, 'imports.commit', input);
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'imports.errors.hasProblems', details: { params: { count: 1, rows: 1 }, jobId: input.jobId } });
    expect(await archive()).toBe(before);
    const problems = await env.call(clerk.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 10 });
    expect(problems.rows.map((p) => [p.row, p.key])).toEqual([[1202, 'imports.problems.badDate']]);
    expect(await lastLog()).toMatchObject({ result: 'refused', rows: 1201, created: 0, updated: 0, problems: 1 });
    // The upload is kept: the user may look at the problems and try again after a fix elsewhere.
    await expect(env.call(clerk.caller, 'imports.inspect', { uploadId: input.uploadId })).resolves.toMatchObject({ headerRow: 1 });
  });

  it('cancelling a running import rolls it back: nothing written, the log says cancelled', async () => {
    const before = await archive();
    const input = runInput(await fileOf(rowsOf(3000, 1, 'CAN')), { env });
    let cancelled = false;
    const stop = env.backend.events.subscribe((name, payload) => {
      const p = payload as EventPayload<'job.progress'>;
      if (name === 'job.progress' && p.jobId === input.jobId && !cancelled && p.rows > 0 && p.rows < 3000) {
        cancelled = true;
        void env.call(clerk.caller, 'imports.cancel', { jobId: input.jobId });
      }
    });
    const error = await env.fail(clerk.caller, 'imports.commit', input);
    stop();
    expect(cancelled).toBe(true);
    expect(error).toEqual({ code: 'CONFLICT', message: 'imports.errors.cancelled' });
    expect(await archive()).toBe(before);
    expect(await lastLog()).toMatchObject({ result: 'cancelled', created: 0, updated: 0 });
  });

  it('a cancel that arrives before the import has started stops it too', async () => {
    const before = await archive();
    const input = runInput(await fileOf(rowsOf(10, 1, 'EARLY')), { env });
    await env.call(clerk.caller, 'imports.cancel', { jobId: input.jobId });
    expect(await env.fail(clerk.caller, 'imports.commit', input)).toEqual({ code: 'CONFLICT', message: 'imports.errors.cancelled' });
    expect(await archive()).toBe(before);
    // The id is spent: the same job id runs normally the next time.
    await expect(env.call(clerk.caller, 'imports.check', input)).resolves.toMatchObject({ rows: 10, problems: 0 });
  });

  it('refuses a file over the upload limit and keeps nothing of it', async () => {
    const before = await readdir(join(env.dir, 'uploads'));
    const big = new Uint8Array(20 * 1024 * 1024);
    const error = await env.backend.acceptUpload(clerk.caller, '大文件.xlsx', bytesOf(big)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toEqual({ code: 'VALIDATION', message: 'imports.errors.tooLarge', details: { params: { max: UPLOAD_MAX_BYTES / 2 ** 20, size: 20 } } });
    expect(await readdir(join(env.dir, 'uploads'))).toEqual(before);
    // Without a session nothing is taken either.
    await expect(env.backend.acceptUpload({ sessionId: null }, 'x.csv', bytesOf(new Uint8Array(10)))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('the template reads back with every column recognised', async () => {
    const file = await env.call(clerk.caller, 'imports.template', {});
    expect(file.fileName).toBe('客户导入模板.xlsx');
    const path = env.backend.exportedFile(clerk.caller, file.fileId)!.path;
    const bytes = await readFile(path);
    // The bare template has no data row yet.
    expect(await env.fail(clerk.caller, 'imports.inspect', { uploadId: await upload(env, clerk, '模板.xlsx', bytes) })).toMatchObject({
      message: 'imports.errors.noData',
    });
    // Filled in, every one of its columns is recognised.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['客户', '填写说明']);
    book.worksheets[0]!.addRow(['T-1', '模板客户']);
    const filled = await upload(env, clerk, '模板.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const inspected = await env.call(clerk.caller, 'imports.inspect', { uploadId: filled });
    expect(inspected.suggested.map((m) => m.field)).toEqual([...IMPORT_FIELDS]);
  });
});
