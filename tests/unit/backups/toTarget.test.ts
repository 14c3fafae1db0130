import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { localDate } from '@shared/dates';
import { freshBackend, type TestEnv } from '../helpers/env';
import { createTarget } from '../helpers/delivery';
import { filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { addCustomers, jobId } from './support';

let env: TestEnv;
afterEach(async () => {
  expect(env.loggedErrors).toEqual([]);
  await env.close();
});

describe('backups through the outbox to a target (exports.md: "and copied to a configured target through the same outbox")', () => {
  it('sends each good backup to the chosen target, verified, under 数据库备份/{yyyy}/{MM}', async () => {
    env = await freshBackend();
    await addCustomers(env, 3);
    const target = await createTarget(env, env.admin, { name: '营销部共享盘' });
    expect(
      await env.call(env.admin.caller, 'backups.updateSettings', {
        keepDaily: 14,
        keepMonthly: 12,
        targetId: target.id,
      }),
    ).toEqual({
      keepDaily: 14,
      keepMonthly: 12,
      targetId: target.id,
    });
    expect((await env.call(env.admin.caller, 'backups.overview', {})).target).toEqual({
      id: target.id,
      name: '营销部共享盘',
      enabled: true,
    });

    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    await env.backend.backups.settled();
    await env.backend.delivery.runDue();

    const [yyyy, MM] = localDate(env.clock.now()).split('-');
    expect(await filesUnder(target.folder)).toEqual([`数据库备份/${yyyy}/${MM}/${backup.id}`]);
    const delivered = join(target.folder, '数据库备份', yyyy!, MM!, backup.id);
    expect(await sha256Of(delivered)).toBe(await sha256Of(join(env.dir, 'backups', backup.id)));
    const jobs = await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10 });
    expect(jobs.rows).toEqual([
      expect.objectContaining({
        register: '数据库备份',
        registerKey: null,
        fileName: backup.id,
        state: 'delivered',
        userName: '系统（自动备份）',
      }),
    ]);
    expect((await jobFacts(env.backend.store.reader, jobs.rows[0]!.id)).status).toBe('delivered');
    const audit = await env.backend.store.reader.all<{ action: string; entity: string; summary: string }>(
      `SELECT action, entity, summary FROM audit_log WHERE channel = 'backups.send'`,
    );
    expect(audit).toEqual([
      { action: 'send', entity: 'deliveryJob', summary: expect.stringContaining(backup.id) },
    ]);

    // Back to local copies only: the next backup is not sent.
    await env.call(env.admin.caller, 'backups.updateSettings', {
      keepDaily: 14,
      keepMonthly: 12,
      targetId: null,
    });
    await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    await env.backend.backups.settled();
    expect(
      (await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10 })).rowCount,
    ).toBe(1);
  });

  it('refuses a target that does not exist or is disabled, naming the field; settings without targetId keep it', async () => {
    env = await freshBackend();
    const off = await createTarget(env, env.admin, { enabled: false, name: '旧共享盘' });
    expect(
      await env.fail(env.admin.caller, 'backups.updateSettings', {
        keepDaily: 14,
        keepMonthly: 12,
        targetId: 9999,
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'targetId', key: 'delivery.errors.targetNotFound' }] },
    });
    expect(
      await env.fail(env.admin.caller, 'backups.updateSettings', {
        keepDaily: 14,
        keepMonthly: 12,
        targetId: off.id,
      }),
    ).toMatchObject({
      details: {
        issues: [{ path: 'targetId', key: 'delivery.errors.targetDisabled', params: { name: '旧共享盘' } }],
      },
    });
    const on = await createTarget(env, env.admin);
    await env.call(env.admin.caller, 'backups.updateSettings', {
      keepDaily: 14,
      keepMonthly: 12,
      targetId: on.id,
    });
    expect(
      await env.call(env.admin.caller, 'backups.updateSettings', { keepDaily: 10, keepMonthly: 6 }),
    ).toEqual({ keepDaily: 10, keepMonthly: 6, targetId: on.id });
  });
});
