import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createTarget, exportToTarget, failedJob } from '../helpers/delivery';
import { attemptsOf, jobFacts } from '../helpers/deliveryFiles';
import { queueFile } from '../helpers/deliveryFaults';
import { createSchedule } from '../helpers/schedules';
import { createBackend } from '../../../electron/backend/index';

/**
 * Housekeeping of the outbox (issue 4): an admin abandons (放弃) a job that is not delivered, with a required
 * reason, audited, its outbox file removed; a delivered job cannot be abandoned. A pending job whose outbox file is
 * gone (a database restored from an older backup) is closed as 无法投递 after one attempt instead of retrying for
 * ever. A target is deleted only when nothing refers to it; otherwise the refusal says what does.
 */
describe('outbox housekeeping', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const outboxHas = async (name: string) => (await readdir(join(env.dir, 'outbox')).catch(() => [] as string[])).includes(name);
  const auditOf = (action: string, entityId: number) =>
    env.backend.store.reader.get<{ summary: string; user_name: string }>(`SELECT summary, user_name FROM audit_log WHERE action = ? AND entity_id = ?`, [action, String(entityId)]);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('abandons a failed job with its reason: audited, outbox file removed, never tried again', async () => {
    const jobId = await failedJob(env, env.admin);
    const before = await jobFacts(env.backend.store.reader, jobId);
    expect(await outboxHas(before.outboxFile)).toBe(true);

    // A blank reason is refused and changes nothing.
    const blank = await env.fail(env.admin.caller, 'delivery.jobs.abandon', { id: jobId, reason: '   ' });
    expect(blank).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'reason', key: 'v.required' }] } });
    // Housekeeping is the admin's.
    expect(await env.fail(clerk.caller, 'delivery.jobs.abandon', { id: jobId, reason: '不需要了' })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await jobFacts(env.backend.store.reader, jobId)).status).toBe('pending');

    const row = await env.call(env.admin.caller, 'delivery.jobs.abandon', { id: jobId, reason: '共享盘已撤销，报表改为邮件发送' });
    expect(row).toMatchObject({ state: 'abandoned', closedReason: '共享盘已撤销，报表改为邮件发送', closedByName: '系统管理员', nextAttemptAt: null });
    expect(row.closedAt).toBe(env.clock.now().toISOString());
    expect(await outboxHas(before.outboxFile)).toBe(false);
    const audit = await auditOf('abandon', jobId);
    expect(JSON.parse(audit!.summary)).toMatchObject({ reason: '共享盘已撤销，报表改为邮件发送', fileName: expect.stringMatching(/^客户档案台账_/) });

    // The deliverer leaves it alone, however long it waits; retry, redirect and a second abandon are refused.
    const attempts = (await attemptsOf(env.backend.store.reader, jobId)).length;
    env.clock.advance(10 * 60_000); // far beyond its backoff (30 s), within the session's idle time
    await env.backend.delivery.runDue();
    expect(await attemptsOf(env.backend.store.reader, jobId)).toHaveLength(attempts);
    expect(await env.fail(env.admin.caller, 'delivery.jobs.retry', { id: jobId })).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.jobClosed' });
    const other = await createTarget(env, env.admin);
    expect(await env.fail(env.admin.caller, 'delivery.jobs.redirect', { id: jobId, targetId: other.id })).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.jobClosed' });
    expect(await env.fail(env.admin.caller, 'delivery.jobs.abandon', { id: jobId, reason: '再放弃一次' })).toMatchObject({ code: 'CONFLICT' });
    // The jobs page lists it as 已放弃.
    const page = await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10, filterModel: { state: { filterType: 'set', values: ['abandoned'] } } });
    expect(page.rows.map((r) => r.id)).toEqual([jobId]);
  });

  it('a delivered job cannot be abandoned and stays as it was', async () => {
    const target = await createTarget(env, env.admin);
    const jobId = await exportToTarget(env, clerk, target.id);
    const delivered = await jobFacts(env.backend.store.reader, jobId);
    expect(delivered.status).toBe('delivered');
    const refused = await env.fail(env.admin.caller, 'delivery.jobs.abandon', { id: jobId, reason: '误发' });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.deliveredCannotAbandon' });
    expect(await jobFacts(env.backend.store.reader, jobId)).toEqual(delivered);
    expect(await auditOf('abandon', jobId)).toBeUndefined();
  });

  it('a restored pending job whose outbox file is gone is closed as 无法投递 after one attempt, not retried for ever', async () => {
    const local = await freshBackend();
    try {
      const target = await createTarget(local, local.admin, { subFolder: '' });
      await local.backend.delivery.stop(); // the job must still be pending when the "backup" is restored
      const jobId = await queueFile(local.backend, target.id, 4096);
      const { outboxFile } = await jobFacts(local.backend.store.reader, jobId);
      await local.backend.close();
      // As after restoring a database backed up while the job waited: its file was delivered and removed since.
      await rm(join(local.dir, 'outbox', outboxFile));

      const again = await createBackend({ dataDir: local.dir, clock: local.clock, log: { info: () => undefined, error: (m) => local.loggedErrors.push(m) } });
      try {
        await again.delivery.runDue();
        const job = await again.store.reader.get<{ status: string; closedReason: string; lastError: string }>(
          'SELECT status, closed_reason AS closedReason, last_error AS lastError FROM delivery_jobs WHERE id = ?',
          [jobId],
        );
        expect(job).toEqual({ status: 'lost', closedReason: 'outboxMissing', lastError: 'outboxMissing' });
        expect(await attemptsOf(again.store.reader, jobId)).toEqual([{ result: 'failed', error: 'outboxMissing', finalPath: null }]);
        local.clock.advance(24 * 3_600_000);
        await again.delivery.runDue();
        expect(await attemptsOf(again.store.reader, jobId)).toHaveLength(1);
        expect(await readdir(target.folder)).toEqual([]);
      } finally {
        await again.close();
      }
    } finally {
      await rm(local.dir, { recursive: true, force: true });
    }
  });

  it('a target is deleted only when nothing refers to it; otherwise the refusal says what does', async () => {
    const unused = await createTarget(env, env.admin, { name: '建错的目标' });
    expect(await env.fail(clerk.caller, 'delivery.targets.delete', { id: unused.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await env.call(env.admin.caller, 'delivery.targets.delete', { id: unused.id })).toEqual({ id: unused.id });
    expect(await env.fail(env.admin.caller, 'delivery.targets.check', { id: unused.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.parse((await auditOf('remove', unused.id))!.summary)).toMatchObject({ name: '建错的目标' });
    // The folder itself is untouched: only the definition goes.
    await access(unused.folder);

    const used = await createTarget(env, env.admin, { name: '有任务的目标' });
    await exportToTarget(env, clerk, used.id);
    const refused = await env.fail(env.admin.caller, 'delivery.targets.delete', { id: used.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.targetHasJobs', details: { params: { name: '有任务的目标', count: 1 } } });
    expect((await env.call(env.admin.caller, 'delivery.targets.check', { id: used.id }))[0]!.name).toBe('有任务的目标');

    const scheduled = await createTarget(env, env.admin, { name: '定时导出目标' });
    await createSchedule(env, env.admin, { targetId: scheduled.id, enabled: false });
    const refusedSchedule = await env.fail(env.admin.caller, 'delivery.targets.delete', { id: scheduled.id });
    expect(refusedSchedule).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.targetHasSchedules', details: { params: { count: 1 } } });

    const backupTarget = await createTarget(env, env.admin, { name: '备份目标' });
    await env.call(env.admin.caller, 'backups.updateSettings', { keepDaily: 14, keepMonthly: 12, targetId: backupTarget.id });
    const refusedBackup = await env.fail(env.admin.caller, 'delivery.targets.delete', { id: backupTarget.id });
    expect(refusedBackup).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.targetIsBackupTarget' });
  });
});
