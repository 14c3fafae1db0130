import { fieldError } from '@shared/errors';
import type { TargetRecord } from '@shared/schemas/delivery';
import type { ManualContext } from '../handlers';
import type { Reader } from '../db/connection';
import { insertJob, putInOutbox } from './outbox';
import { delivererFor } from './deliverer';
import { loadTarget } from './targets';

/**
 * The one way a user's file goes to a target (an export with a targetId, a printed sheet's PDF): the target is
 * checked, the file put complete into the outbox with its SHA-256, the pending job written with its audit line in
 * one transaction, and the deliverer told. Exports (exportRouting.ts) and kept files (sendKept.ts) both use it.
 */

/** The target a user may send to: it exists and is enabled — checked before any work, so a refusal leaves nothing behind. */
export async function sendableTarget(db: Reader, targetId: number): Promise<TargetRecord> {
  const target = await loadTarget(db, targetId);
  if (!target) throw fieldError('targetId', 'delivery.errors.targetNotFound');
  if (!target.enabled) throw fieldError('targetId', 'delivery.errors.targetDisabled', { name: target.name });
  return target;
}

export interface QueuedFile {
  /** The finished file on the local disk (it is linked or copied into the outbox, never moved). */
  path: string;
  fileName: string;
  rows: number;
  registerKey: string | null;
  register: string;
}

/** Puts the file in the outbox for `target` as the caller; returns the job id. */
export async function queueForTarget(ctx: ManualContext, target: TargetRecord, file: QueuedFile): Promise<number> {
  const kept = await putInOutbox(ctx.dataDir, file.path);
  const jobId = await ctx.write(async (w) => {
    const id = await insertJob(w.tx, {
      ...kept,
      registerKey: file.registerKey,
      register: file.register,
      fileName: file.fileName,
      rows: file.rows,
      targetId: target.id,
      userId: ctx.session.userId,
      userName: ctx.session.displayName,
      createdAt: ctx.clock.now().toISOString(),
    });
    await w.audit({
      action: 'send',
      entity: 'deliveryJob',
      entityId: id,
      summary: { fileName: file.fileName, rows: file.rows, bytes: kept.bytes, sha256: kept.sha256, target: target.name },
    });
    return id;
  });
  ctx.events.emit('data.changed', { entity: 'deliveryJobs' });
  delivererFor(ctx.store)?.kick();
  return jobId;
}
