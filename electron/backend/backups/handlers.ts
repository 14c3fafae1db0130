import { AppError, fieldError } from '@shared/errors';
import { handlers } from '../registry';
import { readSetting, writeSetting } from '../settings/store';
import { loadTarget } from '../delivery/targets';
import type { ManualContext } from '../handlers';
import type { Session } from '../auth/sessions';
import { backupLogPage, backupRows, toRow } from './logGrid';
import { recoveryAdmin } from './recovery';
import { backupService } from './registry';
import type { CatalogEntry } from './catalog';

/** The audit line of a restore goes into the restored database, by a user that database may not know. */
async function auditRestore(
  ctx: ManualContext<Session | null>,
  who: { userId: number; username: string },
  restored: CatalogEntry,
  kept: CatalogEntry,
) {
  await ctx.write(async (w) => {
    const known = await w.tx.get<{ n: number }>(
      'SELECT count(*) AS n FROM users WHERE id = ? AND username = ?',
      [who.userId, who.username],
    );
    await w.audit({
      action: 'restoreDatabase',
      entity: 'backup',
      entityId: restored.id,
      summary: { restoredFrom: restored.id, backupTakenAt: restored.at, keptAs: kept.id },
      actor: { userId: known?.n ? who.userId : null, username: who.username },
    });
  });
}

export const backupHandlers = handlers({
  'backups.query': async (input, ctx) => backupLogPage(await backupRows(backupService(ctx.store)), input),

  'backups.overview': async (_input, ctx) => {
    const service = backupService(ctx.store);
    const lastGood = service.catalog
      .list()
      .find((e) => e.check === 'good' && !e.removedAt && e.kind !== 'preRestore');
    const settings = await service.settings();
    const target = settings.targetId === null ? undefined : await loadTarget(ctx.db, settings.targetId);
    return {
      folder: service.dir,
      lastGood: lastGood ? await toRow(service, lastGood) : null,
      running: service.slot.current,
      settings,
      target: target ? { id: target.id, name: target.name, enabled: target.enabled } : null,
    };
  },

  'backups.run': async (input, ctx) => {
    const service = backupService(ctx.store);
    const entry = await service.backup('manual', input.jobId);
    await ctx.write((w) =>
      w.audit({
        action: 'backup',
        entity: 'backup',
        entityId: entry.id,
        summary: { kind: entry.kind, size: entry.size, check: entry.check },
      }),
    );
    return toRow(service, entry);
  },

  'backups.cancel': async (input, ctx) => {
    backupService(ctx.store).slot.cancel(input.jobId);
    return { ok: true as const };
  },

  'backups.restore': async (input, ctx) => {
    const service = backupService(ctx.store);
    const who = { userId: ctx.session.userId, username: ctx.session.username };
    const { restored, kept } = await service.restore(input.backupId, input.jobId);
    // Every session ended with the old database, this caller's too: it logs in again like everyone.
    ctx.caller.sessionId = null;
    await auditRestore(ctx, who, restored, kept);
    return { restoredFrom: restored.id, keptAs: kept.id };
  },

  'backups.settings': async (_input, ctx) => backupService(ctx.store).settings(),

  'backups.updateSettings': async (input, ctx) => {
    const before = {
      keepDaily: await readSetting(ctx.tx, 'backups.keepDaily'),
      keepMonthly: await readSetting(ctx.tx, 'backups.keepMonthly'),
      targetId: await readSetting(ctx.tx, 'backups.targetId'),
    };
    const targetId = input.targetId === undefined ? before.targetId : input.targetId;
    if (input.targetId) {
      const target = await loadTarget(ctx.tx, input.targetId);
      if (!target) throw fieldError('targetId', 'delivery.errors.targetNotFound');
      if (!target.enabled)
        throw fieldError('targetId', 'delivery.errors.targetDisabled', { name: target.name });
    }
    const now = ctx.clock.now().toISOString();
    await writeSetting(ctx.tx, 'backups.keepDaily', input.keepDaily, now);
    await writeSetting(ctx.tx, 'backups.keepMonthly', input.keepMonthly, now);
    await writeSetting(ctx.tx, 'backups.targetId', targetId, now);
    const after = { keepDaily: input.keepDaily, keepMonthly: input.keepMonthly, targetId };
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: 'backups',
      summary: { before, after },
    });
    const service = backupService(ctx.store);
    // Fewer copies to keep takes effect now, not at the next backup.
    ctx.afterCommit(
      () => void service.prune().catch((err: unknown) => ctx.log.error('Pruning backups failed', err)),
    );
    return after;
  },

  'recovery.status': async (_input, ctx) => {
    const service = backupService(ctx.store);
    const rows = service.recovery.active
      ? (await backupRows(service)).filter((r) => r.restorable && r.kind !== 'preRestore')
      : [];
    return { active: service.recovery.active, detail: service.recovery.detail, backups: rows };
  },

  'recovery.restore': async (input, ctx) => {
    const service = backupService(ctx.store);
    if (!service.recovery.active) throw new AppError('CONFLICT', 'backups.errors.notInRecovery');
    let admin: { userId: number; username: string } | null = null;
    const { restored, kept } = await service.restore(input.backupId, input.jobId, async (file) => {
      const user = await recoveryAdmin(service, ctx.clock, file, input.username, input.password);
      admin = { userId: user.id, username: user.username };
    });
    await auditRestore(ctx, admin!, restored, kept);
    return { restoredFrom: restored.id, keptAs: kept.id };
  },
});
