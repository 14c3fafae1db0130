import { unlink } from 'node:fs/promises';
import { AppError } from '@shared/errors';
import type { JobRow } from '@shared/schemas/delivery';
import type { ManualContext } from '../handlers';
import { delivererFor } from './deliverer';
import { isClosed, loadJob } from './jobs';
import { outboxPath } from './outbox';

/**
 * 放弃 (issue 4 housekeeping): an admin gives up a job that is not delivered — a report nobody needs any more, or
 * one whose target is gone for good. The reason is required and audited; the job row stays (jobs are never
 * deleted) as 已放弃 with who, when and why, and its outbox file is removed. A delivered job cannot be abandoned.
 * Runs between two attempts of the deliverer, so it never pulls the file from under a copy in progress.
 */
export async function abandonJob(ctx: ManualContext, id: number, reason: string): Promise<JobRow> {
  const run = async () => {
    const job = await loadJob(ctx.db, id);
    if (!job) throw new AppError('NOT_FOUND', 'delivery.errors.jobNotFound');
    if (job.state === 'delivered') throw new AppError('CONFLICT', 'delivery.errors.deliveredCannotAbandon', { params: { fileName: job.fileName } });
    if (isClosed(job)) throw new AppError('CONFLICT', 'delivery.errors.jobClosed', { params: { fileName: job.fileName } });
    const outboxFile = await ctx.write(async (w) => {
      const row = await w.tx.get<{ outboxFile: string }>(`SELECT outbox_file AS outboxFile FROM delivery_jobs WHERE id = ? AND status = 'pending'`, [id]);
      if (!row) throw new AppError('CONFLICT', 'delivery.errors.jobClosed', { params: { fileName: job.fileName } });
      await w.tx.run(
        `UPDATE delivery_jobs SET status = 'abandoned', closed_at = ?, closed_reason = ?, closed_by = ?, closed_by_name = ? WHERE id = ?`,
        [ctx.clock.now().toISOString(), reason, ctx.session.userId, ctx.session.displayName, id],
      );
      await w.audit({ action: 'abandon', entity: 'deliveryJob', entityId: id, summary: { fileName: job.fileName, target: job.targetName, reason } });
      return row.outboxFile;
    });
    // After the commit: a crash in between leaves a file no pending job needs, which pruneOutbox removes later.
    await unlink(outboxPath(ctx.dataDir, outboxFile)).catch(() => undefined);
    ctx.events.emit('data.changed', { entity: 'deliveryJobs' });
    return (await loadJob(ctx.db, id))!;
  };
  const deliverer = delivererFor(ctx.store);
  return deliverer ? deliverer.betweenAttempts(run) : run();
}
