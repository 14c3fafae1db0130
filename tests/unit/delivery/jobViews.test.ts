import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JOB_STATE_VIEWS, jobStateFilter, type JobStateView } from '@shared/grids/delivery';
import { JOB_STATES, type JobState } from '@shared/schemas/delivery';
import { freshBackend, type TestEnv } from '../helpers/env';
import { createTarget, exportToTarget, failedJob } from '../helpers/delivery';
import { jobFacts } from '../helpers/deliveryFiles';
import { queueFile } from '../helpers/deliveryFaults';

/**
 * The state views of 导出任务 (全部 / 未送达 / 已送达) over the real jobs query. 未送达 is every job whose file did not
 * reach the share — waiting, failed, abandoned (已放弃) and undeliverable (无法投递) — so nothing that failed to
 * arrive hides from the clerk (exports.md: a report that could not be delivered is never lost); 已送达 is the rest.
 */
describe('jobs page state views', () => {
  let env: TestEnv;
  const job: Partial<Record<JobState, number>> = {};

  beforeAll(async () => {
    env = await freshBackend();
    const target = await createTarget(env, env.admin, { subFolder: '' });
    job.delivered = await exportToTarget(env, env.admin, target.id);
    job.failed = await failedJob(env, env.admin);
    job.abandoned = await failedJob(env, env.admin);
    await env.call(env.admin.caller, 'delivery.jobs.abandon', { id: job.abandoned, reason: '报表改为邮件发送' });
    // 无法投递: its outbox file went before the first attempt (as after restoring an older backup).
    job.lost = await queueFile(env.backend, target.id, 1024);
    await rm(join(env.dir, 'outbox', (await jobFacts(env.backend.store.reader, job.lost)).outboxFile));
    await env.backend.delivery.runDue();
    // Waiting: its target is disabled, so no attempt is made while the test runs.
    const held = await createTarget(env, env.admin, { enabled: false });
    job.pending = await queueFile(env.backend, held.id, 1024);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const idsIn = async (view: JobStateView) =>
    (await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 100, filterModel: jobStateFilter(view) })).rows
      .map((r) => r.id)
      .sort((a, b) => a - b);
  const idsOf = (...states: JobState[]) => states.map((s) => job[s]!).sort((a, b) => a - b);

  it('has one job in each state', async () => {
    const rows = (await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 100 })).rows;
    expect(Object.fromEntries(rows.map((r) => [r.state, r.id]))).toEqual(job);
  });

  it('未送达 lists waiting, failed, abandoned and undeliverable jobs', async () => {
    expect(await idsIn('undelivered')).toEqual(idsOf('pending', 'failed', 'abandoned', 'lost'));
  });

  it('已送达 lists the delivered jobs only, 全部 every job', async () => {
    expect(await idsIn('delivered')).toEqual(idsOf('delivered'));
    expect(await idsIn('all')).toEqual(idsOf(...JOB_STATES));
  });

  it('未送达 and 已送达 split the states between them: each state in exactly one', () => {
    const states = JOB_STATE_VIEWS.filter((v) => v !== 'all').flatMap((v) => (jobStateFilter(v).state as { values: string[] }).values);
    expect([...states].sort()).toEqual([...JOB_STATES].sort());
  });
});
