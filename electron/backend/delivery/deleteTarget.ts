import { AppError } from '@shared/errors';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { ManualContext } from '../handlers';
import { readSetting } from '../settings/store';
import { loadTarget } from './targets';

/**
 * 删除导出目标 (issue 4 housekeeping). Jobs and their attempts are kept for ever and name their target, schedules
 * and the backups name one too: a target anything refers to is refused with what refers to it, and the admin
 * disables it instead (停用 — it then takes no new file, and its waiting jobs can be redirected or abandoned). Only
 * a target nothing ever used — typically one set up by mistake — is removed, audited.
 */
export async function deleteTarget(ctx: ManualContext, id: number): Promise<{ id: number }> {
  const target = await loadTarget(ctx.db, id);
  if (!target) throw new AppError('NOT_FOUND', 'delivery.errors.targetNotFound');
  await ctx.write(async (w) => {
    await refuseWhenReferenced(w.tx, id, target.name);
    await w.tx.run('DELETE FROM delivery_targets WHERE id = ?', [id]);
    await w.audit({ action: 'remove', entity: 'deliveryTarget', entityId: id, summary: { name: target.name, folder: target.folder } });
  });
  ctx.events.emit('data.changed', { entity: 'deliveryTargets' });
  return { id };
}

async function refuseWhenReferenced(db: Reader | Tx, id: number, name: string): Promise<void> {
  const jobs = (await db.get<{ n: number }>('SELECT count(*) AS n FROM delivery_jobs WHERE target_id = ?', [id]))?.n ?? 0;
  if (jobs > 0) throw new AppError('CONFLICT', 'delivery.errors.targetHasJobs', { params: { name, count: jobs } });
  // Scheduled exports (migration 013) name their target; the table is looked up so this works on any schema.
  const hasSchedules = await db.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'export_schedules'`);
  if (hasSchedules) {
    const schedules = (await db.get<{ n: number }>('SELECT count(*) AS n FROM export_schedules WHERE target_id = ?', [id]))?.n ?? 0;
    if (schedules > 0) throw new AppError('CONFLICT', 'delivery.errors.targetHasSchedules', { params: { name, count: schedules } });
  }
  if ((await readSetting(db, 'backups.targetId')) === id) throw new AppError('CONFLICT', 'delivery.errors.targetIsBackupTarget', { params: { name } });
}
