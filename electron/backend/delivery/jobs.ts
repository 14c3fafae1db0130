import { AppError, fieldError } from '@shared/errors';
import type { jobGridColumns } from '@shared/grids/delivery';
import type { AttemptRow, JobRow } from '@shared/schemas/delivery';
import type { GridSpec } from '../grid/spec';
import { likeEscape } from '../grid/sql';
import type { Reader } from '../db/connection';
import type { ManualContext } from '../handlers';
import { delivererFor } from './deliverer';
import { loadTarget } from './targets';

const state = `CASE WHEN j.status <> 'pending' THEN j.status WHEN j.last_error IS NULL THEN 'pending' ELSE 'failed' END`;

export const jobGrid: GridSpec<typeof jobGridColumns, JobRow> = {
  from: 'delivery_jobs j JOIN delivery_targets t ON t.id = j.target_id',
  countFrom: 'delivery_jobs j JOIN delivery_targets t ON t.id = j.target_id',
  id: 'j.id',
  select: `j.id, j.created_at AS createdAt, j.register_key AS registerKey, j.register, j.file_name AS fileName, j.rows, j.bytes, j.sha256,
    j.target_id AS targetId, t.name AS targetName, t.enabled AS targetEnabled, j.user_name AS userName, ${state} AS state, j.attempts,
    j.last_error AS lastError, j.last_error_detail AS lastErrorDetail,
    CASE WHEN j.status = 'pending' THEN j.next_attempt_at END AS nextAttemptAt, j.final_path AS finalPath, j.delivered_at AS deliveredAt,
    j.closed_at AS closedAt, j.closed_reason AS closedReason, j.closed_by_name AS closedByName`,
  columns: {
    id: { sql: 'j.id' },
    createdAt: { sql: 'j.created_at', dateKind: 'instant' },
    register: { sql: 'j.register' },
    fileName: { sql: 'j.file_name' },
    rows: { sql: 'j.rows' },
    bytes: { sql: 'j.bytes' },
    targetName: { sql: 't.name' },
    userName: { sql: 'j.user_name' },
    state: { sql: state },
    attempts: { sql: 'j.attempts' },
    lastError: { sql: 'j.last_error' },
    nextAttemptAt: { sql: `CASE WHEN j.status = 'pending' THEN j.next_attempt_at END`, dateKind: 'instant' },
    finalPath: { sql: 'j.final_path' },
    deliveredAt: { sql: 'j.delivered_at', dateKind: 'instant' },
  },
  defaultSort: [{ colId: 'createdAt', sort: 'desc' }],
  quickSearch: (text) => ({
    sql: `(j.file_name LIKE ? ESCAPE '\\' OR j.register LIKE ? ESCAPE '\\' OR t.name LIKE ? ESCAPE '\\' OR j.user_name LIKE ? ESCAPE '\\')`,
    params: Array(4).fill(`%${likeEscape(text)}%`),
  }),
  mapRow: (raw) => ({ ...(raw as unknown as JobRow), targetEnabled: raw.targetEnabled === 1 }),
};

/** Abandoned or lost: the job is over without a delivery and never changes again. */
export const isClosed = (job: Pick<JobRow, 'state'>) => job.state === 'abandoned' || job.state === 'lost';

export async function loadJob(db: Reader, id: number): Promise<JobRow | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${jobGrid.select} FROM ${jobGrid.from} WHERE j.id = ?`, [id]);
  return raw ? jobGrid.mapRow(raw) : undefined;
}

export async function jobAttempts(db: Reader, jobId: number): Promise<AttemptRow[]> {
  if (!(await loadJob(db, jobId))) throw new AppError('NOT_FOUND', 'delivery.errors.jobNotFound');
  return db.all<AttemptRow>(
    `SELECT a.id, a.job_id AS jobId, t.name AS targetName, a.started_at AS startedAt, a.finished_at AS finishedAt, a.result,
       a.error, a.error_detail AS errorDetail, a.final_path AS finalPath
     FROM delivery_attempts a JOIN delivery_targets t ON t.id = a.target_id WHERE a.job_id = ? ORDER BY a.id DESC`,
    [jobId],
  );
}

/**
 * 立即重试: the job is attempted now (after an attempt already running) and the call answers with the outcome.
 * A job already delivered is left as it is: there is nothing to retry.
 */
export async function retryJob(ctx: ManualContext, id: number): Promise<JobRow> {
  const job = await loadJob(ctx.db, id);
  if (!job) throw new AppError('NOT_FOUND', 'delivery.errors.jobNotFound');
  if (job.state === 'delivered') return job;
  if (isClosed(job)) throw new AppError('CONFLICT', 'delivery.errors.jobClosed', { params: { fileName: job.fileName } });
  if (!job.targetEnabled) throw new AppError('CONFLICT', 'delivery.errors.targetDisabled', { params: { name: job.targetName } });
  await ctx.write(async (w) => {
    await w.tx.run(`UPDATE delivery_jobs SET next_attempt_at = ? WHERE id = ? AND status = 'pending'`, [ctx.clock.now().toISOString(), id]);
    await w.audit({ action: 'retry', entity: 'deliveryJob', entityId: id, summary: { fileName: job.fileName, target: job.targetName } });
  });
  await delivererFor(ctx.store)?.runJobNow(id);
  return (await loadJob(ctx.db, id))!;
}

/** 改投: a job not delivered yet goes to another (enabled) target instead, and is attempted there now. */
export async function redirectJob(ctx: ManualContext, id: number, targetId: number): Promise<JobRow> {
  const job = await loadJob(ctx.db, id);
  if (!job) throw new AppError('NOT_FOUND', 'delivery.errors.jobNotFound');
  if (job.state === 'delivered') throw new AppError('CONFLICT', 'delivery.errors.alreadyDelivered', { params: { fileName: job.fileName } });
  if (isClosed(job)) throw new AppError('CONFLICT', 'delivery.errors.jobClosed', { params: { fileName: job.fileName } });
  const target = await loadTarget(ctx.db, targetId);
  if (!target) throw fieldError('targetId', 'delivery.errors.targetNotFound');
  if (!target.enabled) throw fieldError('targetId', 'delivery.errors.targetDisabled', { name: target.name });
  if (targetId === job.targetId) return retryJob(ctx, id);
  await ctx.write(async (w) => {
    // A new target starts a new backoff; the old target's half-taken name means nothing there.
    await w.tx.run(
      `UPDATE delivery_jobs SET target_id = ?, failures = 0, pending_path = NULL, last_error = NULL, last_error_detail = NULL, next_attempt_at = ?
       WHERE id = ? AND status = 'pending'`,
      [targetId, ctx.clock.now().toISOString(), id],
    );
    await w.audit({ action: 'redirect', entity: 'deliveryJob', entityId: id, summary: { fileName: job.fileName, from: job.targetName, to: target.name } });
  });
  ctx.events.emit('data.changed', { entity: 'deliveryJobs' });
  await delivererFor(ctx.store)?.runJobNow(id);
  return (await loadJob(ctx.db, id))!;
}
