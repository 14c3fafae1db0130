import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventPayload } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { bulkCustomers } from '../helpers/bulkCustomers';

/**
 * An export called with a client jobId (issue 4 item 6): its progress comes as `job.progress` events, and
 * `exports.cancel` stops it leaving nothing behind — no file, no audit entry, no outbox job.
 */
const ROWS = 30_000;

describe('exports followed by a job id: progress and cancel', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let other: TestUser;
  let n = 0;
  const jobId = () => `export-job-${++n}-${Date.now()}`;
  const exportInput = (id: string, extra: { targetId?: number } = {}) => ({
    view: { sortModel: [{ colId: 'code' as const, sort: 'asc' as const }] },
    columns: ['code' as const, 'name' as const, 'abcClass' as const, 'phone' as const, 'address' as const],
    format: 'xlsx' as const,
    jobId: id,
    ...extra,
  });
  /** The progress events of one job, as they come. */
  const progressOf = (id: string, onEvent?: (p: EventPayload<'job.progress'>) => void) => {
    const seen: EventPayload<'job.progress'>[] = [];
    const stop = env.backend.events.subscribe((name, payload) => {
      const p = payload as EventPayload<'job.progress'>;
      if (name !== 'job.progress' || p.jobId !== id) return;
      seen.push(p);
      onEvent?.(p);
    });
    return { seen, stop };
  };
  const exportFolders = async () => readdir(join(env.dir, 'exports')).catch(() => [] as string[]);
  const count = async (sql: string) => (await env.backend.store.reader.get<{ n: number }>(sql))!.n;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    other = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '王丽' });
    await bulkCustomers(env.backend, ROWS, await env.createStaff({ name: '王磊' }));
  }, 120_000);
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('reports rows written of the total, from 0 to every row, in order', async () => {
    const id = jobId();
    const { seen, stop } = progressOf(id);
    const file = await env.call(clerk.caller, 'customers.export', exportInput(id)).finally(stop);
    expect(file.rows).toBe(ROWS);
    expect(seen[0]).toEqual({ jobId: id, phase: 'export', done: 0, total: ROWS, rows: 0 });
    expect(seen.at(-1)).toMatchObject({ done: ROWS, total: ROWS, rows: ROWS });
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
  });

  it('cancelled mid-way: the call ends with 导出已取消, and no file, no audit entry, no outbox job is left', async () => {
    const target = await createTarget(env, env.admin);
    const foldersBefore = await exportFolders();
    const auditsBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`);
    const jobsBefore = await count('SELECT count(*) AS n FROM delivery_jobs');
    const id = jobId();
    let cancelledAt = -1;
    const { stop } = progressOf(id, (p) => {
      // Rows are being written (the file exists, part-made): cancel now.
      if (cancelledAt < 0 && p.done > 0) {
        cancelledAt = p.done;
        void env.call(clerk.caller, 'exports.cancel', { jobId: id });
      }
    });
    const refused = await env.fail(clerk.caller, 'customers.export', exportInput(id, { targetId: target.id })).finally(stop);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'exports.errors.cancelled' });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(cancelledAt).toBeLessThan(ROWS);
    expect(await exportFolders()).toEqual(foldersBefore);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`)).toBe(auditsBefore);
    expect(await count('SELECT count(*) AS n FROM delivery_jobs')).toBe(jobsBefore);

    // The same job id, and exports in general, work again afterwards.
    const again = await env.call(clerk.caller, 'customers.export', { ...exportInput(id), format: 'csv' });
    expect(again.rows).toBe(ROWS);
  });

  it("another user's cancel does not reach the job: the export finishes", async () => {
    const id = jobId();
    let tried = false;
    const { stop } = progressOf(id, (p) => {
      if (!tried && p.done > 0) {
        tried = true;
        void env.call(other.caller, 'exports.cancel', { jobId: id });
      }
    });
    const file = await env.call(clerk.caller, 'customers.export', exportInput(id)).finally(stop);
    expect(tried).toBe(true);
    expect(file.rows).toBe(ROWS);
  });

  it('refuses a malformed job id, exporting nothing', async () => {
    const foldersBefore = await exportFolders();
    const refused = await env.fail(clerk.caller, 'customers.export', exportInput('../x'));
    expect(refused.code).toBe('VALIDATION');
    expect(await env.fail(clerk.caller, 'exports.cancel', { jobId: '' })).toMatchObject({ code: 'VALIDATION' });
    expect(await exportFolders()).toEqual(foldersBefore);
  });
});
