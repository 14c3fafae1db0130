import { open, stat, utimes } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, EventPayload } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, createCustomer, customerValues } from '../helpers/customers';
import { employeeNo, HEADERS, MAPPING, runInput, upload, xlsxBytes, type SheetCell } from '../helpers/imports';
import { keptDryRuns, KEPT_MINUTES, KeptDryRuns, MAX_KEPT_ROWS } from '../../../electron/backend/imports/keptDryRuns';
import type { RowPlan } from '../../../electron/backend/imports/checkRow';

/**
 * A clean dry run's plans are kept for the commit that follows, which then does not read and check the file
 * again — but only for the same file, mapping, mode and user, only while what the database decides (codes on
 * file, active staff and code lists) is as the dry run saw it, and only for KEPT_MINUTES.
 *
 * "The commit did not read the file" is shown by spoiling the upload's bytes after the dry run (same size, same
 * modification time): a commit that reads it fails as unreadable, one that uses the kept plans does not notice.
 */
describe('a kept dry run and its commit', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffNo: string;
  let staffId: number;
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    staffId = await env.createStaff({ employeeNo: 'KM101', name: '赵敏' });
    staffNo = await employeeNo(env, staffId);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const rowsOf = (prefix: string, n: number): SheetCell[][] =>
    Array.from({ length: n }, (_, i) => [`${prefix}-${i + 1}`, `${prefix}商贸有限公司${i + 1}号`, 'B', staffNo, date('2026-11-20'), '0571-87654321', `联系人${i + 1}`, '经理', '13912345678']);

  /** A whole second, so that setting it again gives the very same modification time (no rounding). */
  const UPLOADED_AT = new Date('2026-11-25T01:00:00Z');
  const pathOf = (uploadId: string) => env.backend.uploads.resolve(uploadId, clerk.id)!.path;

  async function uploadOf(rows: SheetCell[][]): Promise<string> {
    const uploadId = await upload(env, clerk, '客户导入.xlsx', await xlsxBytes([HEADERS, ...rows]));
    await utimes(pathOf(uploadId), UPLOADED_AT, UPLOADED_AT);
    return uploadId;
  }

  /** Overwrites the upload with zeros of the same length and puts its modification time back. */
  async function spoil(uploadId: string): Promise<void> {
    const path = pathOf(uploadId);
    const { size } = await stat(path);
    const handle = await open(path, 'r+');
    await handle.write(Buffer.alloc(size), 0, size, 0);
    await handle.close();
    await utimes(path, UPLOADED_AT, UPLOADED_AT);
  }

  /** Customers, contacts, their history and the search index: what a refused commit leaves alone. */
  async function archive(): Promise<string> {
    const parts: string[] = [];
    for (const table of ['customers', 'contacts', 'customer_changes', 'customers_fts']) {
      parts.push(JSON.stringify(await env.backend.store.reader.all(`SELECT * FROM ${table} ORDER BY rowid`)));
    }
    return parts.join('\n');
  }

  const codes = async (prefix: string) =>
    (await env.call(clerk.caller, 'customers.query', allRowsQuery({ quickSearch: `${prefix}-` }))).rows.map((r) => [r.code, r.phone]);

  const kept = () => keptDryRuns(env.backend.store, env.clock);

  async function dryRun(input: ChannelInput<'imports.check'>) {
    const summary = await env.call(clerk.caller, 'imports.check', { ...input });
    expect(summary.problems).toBe(0);
    return summary;
  }

  it('commits the dry run’s plans without reading the file again: same customers, history, audit and log', async () => {
    const uploadId = await uploadOf(rowsOf('KEEP', 3));
    const input = runInput(uploadId, { env });
    const keptBefore = kept().rows;
    await dryRun({ ...input });
    expect(kept().rows).toBe(keptBefore + 3);
    await spoil(uploadId);

    const result = await env.call(clerk.caller, 'imports.commit', { ...input, jobId: crypto.randomUUID() });
    expect(result).toMatchObject({ rows: 3, creates: 3, updates: 0, contacts: 3, problems: 0 });
    expect(await codes('KEEP')).toEqual([
      ['KEEP-1', '0571-87654321'],
      ['KEEP-2', '0571-87654321'],
      ['KEEP-3', '0571-87654321'],
    ]);
    const id = (await env.call(clerk.caller, 'customers.query', allRowsQuery({ quickSearch: 'KEEP-1' }))).rows[0]!.id;
    const detail = await env.call(clerk.caller, 'customers.get', { id });
    expect(detail.customer).toMatchObject({ name: 'KEEP商贸有限公司1号', managerName: '赵敏', registeredOn: '2026-11-20' });
    expect(detail.contacts).toMatchObject([{ name: '联系人1', title: '经理', mobile: '13912345678' }]);
    const history = await env.call(clerk.caller, 'customers.history', { customerId: id, startRow: 0, endRow: 10 });
    expect(history.rows.map((h) => [h.field, h.newValue, h.userName, h.receivedOn])).toEqual([
      ['created', 'KEEP-1 KEEP商贸有限公司1号', '陈静', input.receivedOn],
      ['contactAdded', '联系人1 经理 13912345678', '陈静', input.receivedOn],
    ]);
    const audits = await env.backend.store.reader.all<{ entity: string; entityId: string; userName: string }>(
      `SELECT entity, entity_id AS entityId, user_name AS userName FROM audit_log WHERE channel = 'imports.commit' AND at = ? ORDER BY id`,
      [env.clock.now().toISOString()],
    );
    expect(audits.map((a) => a.entity)).toEqual(['customer', 'customer', 'customer', 'importLog']);
    expect(audits[0]).toMatchObject({ entityId: String(id), userName: clerk.username });
    // Served: the upload and the kept plans are gone.
    expect(kept().rows).toBe(keptBefore);
  });

  it('reports progress in the file’s bytes and can be cancelled while writing kept plans: nothing written', async () => {
    const uploadId = await uploadOf(rowsOf('STOP', 3000));
    const input = runInput(uploadId, { env });
    await dryRun({ ...input });
    await spoil(uploadId);
    const before = await archive();
    const seen: EventPayload<'job.progress'>[] = [];
    let cancelled = false;
    const stop = env.backend.events.subscribe((name, payload) => {
      const p = payload as EventPayload<'job.progress'>;
      if (name !== 'job.progress' || p.jobId !== input.jobId) return;
      seen.push(p);
      if (!cancelled && p.rows > 0 && p.rows < 3000) {
        cancelled = true;
        void env.call(clerk.caller, 'imports.cancel', { jobId: input.jobId });
      }
    });
    const error = await env.fail(clerk.caller, 'imports.commit', { ...input });
    stop();
    expect(error).toEqual({ code: 'CONFLICT', message: 'imports.errors.cancelled' });
    expect(seen.every((p) => p.phase === 'import' && p.total === env.backend.uploads.resolve(uploadId, clerk.id)!.size && p.done <= p.total)).toBe(true);
    expect(await archive()).toBe(before);
    const { rows } = await env.call(clerk.caller, 'imports.log', { startRow: 0, endRow: 100 });
    expect(rows.reduce((a, b) => (b.id > a.id ? b : a))).toMatchObject({ result: 'cancelled', created: 0 });

    // The plans are still good for a second try, which runs to the end without reading the (spoilt) file.
    const progress: EventPayload<'job.progress'>[] = [];
    const again = { ...input, jobId: crypto.randomUUID() };
    const listen = env.backend.events.subscribe((name, payload) => name === 'job.progress' && progress.push(payload as EventPayload<'job.progress'>));
    await expect(env.call(clerk.caller, 'imports.commit', again)).resolves.toMatchObject({ creates: 3000 });
    listen();
    expect(progress.at(-1)).toMatchObject({ jobId: again.jobId, phase: 'import', rows: 3000 });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it('a different mapping finds no kept plans: the file is read and checked again', async () => {
    const uploadId = await uploadOf(rowsOf('MAP', 2));
    const input = runInput(uploadId, { env });
    await dryRun({ ...input });
    // Without the phone column this time: the dry run's plans (with phones) must not be used.
    const withoutPhone = MAPPING.filter((m) => m.field !== 'phone');
    await env.call(clerk.caller, 'imports.commit', { ...input, jobId: crypto.randomUUID(), mapping: withoutPhone });
    expect(await codes('MAP')).toEqual([
      ['MAP-1', null],
      ['MAP-2', null],
    ]);
  });

  it('another mode finds no kept plans either: the commit reads the (spoilt) file and fails on it', async () => {
    const uploadId = await uploadOf(rowsOf('RED', 2));
    const input = runInput(uploadId, { env });
    await dryRun({ ...input });
    await spoil(uploadId);
    const error = await env.fail(clerk.caller, 'imports.commit', { ...input, jobId: crypto.randomUUID(), mode: 'createOnly' });
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'imports.errors.unreadable' });
    expect(await codes('RED')).toEqual([]);
  });

  it('refuses the file when a code was added between dry run and commit, and writes nothing', async () => {
    const uploadId = await uploadOf(rowsOf('RACE', 1200));
    const input = runInput(uploadId, { env, mode: 'createOnly' });
    await dryRun({ ...input });
    // Someone files RACE-1100 meanwhile (the second chunk of the file).
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'RACE-1100', name: '抢先建档客户' }));
    const before = await archive();

    const error = await env.fail(clerk.caller, 'imports.commit', { ...input });
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'imports.errors.hasProblems', details: { params: { count: 1, rows: 1 } } });
    const problems = await env.call(clerk.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 10 });
    expect(problems.rows.map((p) => [p.row, p.key])).toEqual([[1101, 'imports.problems.codeExists']]);
    // Nothing of the file is written; only the refusal is logged.
    expect(await archive()).toBe(before);
    const { rows } = await env.call(clerk.caller, 'imports.log', { startRow: 0, endRow: 100 });
    expect(rows.reduce((a, b) => (b.id > a.id ? b : a))).toMatchObject({ result: 'refused', rows: 1200, created: 0, problems: 1 });
  });

  it('checks the file again when a customer manager it names was deactivated meanwhile, and refuses it', async () => {
    const leaving = await env.createStaff({ employeeNo: 'KM777', name: '钱进' });
    const rows = rowsOf('GONE', 2).map((r) => [...r.slice(0, 3), 'KM777', ...r.slice(4)]);
    const uploadId = await uploadOf(rows);
    const input = runInput(uploadId, { env });
    await dryRun({ ...input });
    await env.call(env.admin.caller, 'staff.update', { id: leaving, changes: { active: false } });

    const error = await env.fail(clerk.caller, 'imports.commit', { ...input });
    expect(error).toMatchObject({ message: 'imports.errors.hasProblems', details: { params: { count: 2, rows: 2 } } });
    const problems = await env.call(clerk.caller, 'imports.problems', { jobId: input.jobId, startRow: 0, endRow: 10 });
    expect(problems.rows.map((p) => p.key)).toEqual(['imports.problems.staffUnknown', 'imports.problems.staffUnknown']);
    expect(await codes('GONE')).toEqual([]);
  });

  it('a customer edited meanwhile is updated from its current values, not the dry run’s', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'EDIT-1', name: '原名客户', abcClass: 'C', phone: '0571-11110000' }));
    const uploadId = await uploadOf([['EDIT-1', '改名客户', 'C', staffNo, null, null, null, null, null]]);
    const input = runInput(uploadId, { env });
    await dryRun({ ...input });
    await env.call(clerk.caller, 'customers.update', {
      id: customer.id,
      version: customer.version,
      changes: { name: '中途改过的名字' },
      receivedOn: input.receivedOn,
    });
    env.clock.advance(60_000);
    const result = await env.call(clerk.caller, 'imports.commit', { ...input });
    expect(result).toMatchObject({ updates: 1, creates: 0 });
    const history = await env.call(clerk.caller, 'customers.history', { customerId: customer.id, startRow: 0, endRow: 10, sortModel: [{ colId: 'changedAt', sort: 'desc' }] });
    expect(history.rows[0]).toMatchObject({ field: 'name', oldValue: '中途改过的名字', newValue: '改名客户' });
    const after = await env.call(clerk.caller, 'customers.get', { id: customer.id });
    expect(after.customer).toMatchObject({ name: '改名客户', version: 3 });
  });

  it('forgets kept plans after KEPT_MINUTES: a later commit reads the file again', async () => {
    const uploadId = await uploadOf(rowsOf('LATE', 2));
    const input = runInput(uploadId, { env });
    const keptBefore = kept().rows;
    await dryRun({ ...input });
    expect(kept().rows).toBe(keptBefore + 2);
    env.clock.advance(KEPT_MINUTES * 60_000);
    kept().prune();
    expect(kept().rows).toBe(0);
    await spoil(uploadId);
    expect(await env.fail(clerk.caller, 'imports.commit', { ...input, jobId: crypto.randomUUID() })).toMatchObject({ message: 'imports.errors.unreadable' });
  });

  it('keeps no plans of a dry run with problems', async () => {
    const uploadId = await uploadOf([...rowsOf('BAD', 2), ['BAD-3', '日期有误客户', 'B', staffNo, '2026-02-30', null, null, null, null]]);
    const keptBefore = kept().rows;
    const summary = await env.call(clerk.caller, 'imports.check', runInput(uploadId, { env }));
    expect(summary.problems).toBe(1);
    expect(kept().rows).toBe(keptBefore);
  });
});

describe('the bound on kept dry runs', () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i): RowPlan => ({ kind: 'unchanged', row: i + 2 }));
  const run = (n: number, fingerprint = 'f') => ({ fingerprint, lookups: 'l', chunks: [], plans: plans(n), counts: { rows: n, creates: 0, updates: 0, unchanged: n, contacts: 0 } });

  it('drops the oldest beyond MAX_KEPT_ROWS, never keeps one larger than it, and finds only the same fingerprint', () => {
    let now = 0;
    const kept = new KeptDryRuns(() => now);
    const third = Math.floor(MAX_KEPT_ROWS / 3);
    kept.keep(1, 'upload-a', run(third));
    now += 1000;
    kept.keep(2, 'upload-b', run(third));
    kept.keep(1, 'upload-c', run(third));
    expect(kept.rows).toBe(3 * third);
    kept.keep(3, 'upload-d', run(third));
    // upload-a was the oldest.
    expect(kept.find(1, 'upload-a', 'f')).toBeNull();
    expect(kept.find(2, 'upload-b', 'f')).not.toBeNull();
    expect(kept.rows).toBe(3 * third);
    // Another user's id, or another fingerprint, finds nothing.
    expect(kept.find(1, 'upload-b', 'f')).toBeNull();
    expect(kept.find(2, 'upload-b', 'other')).toBeNull();
    kept.keep(4, 'upload-e', run(MAX_KEPT_ROWS + 1));
    expect(kept.find(4, 'upload-e', 'f')).toBeNull();
    // Expiry counts from each keep: upload-b (kept at 1000) goes once its minutes have passed.
    now = 1000 + KEPT_MINUTES * 60_000;
    expect(kept.find(2, 'upload-b', 'f')).toBeNull();
    expect(kept.rows).toBe(0);
  });
});
