import { zh } from '@shared/i18n';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../log';
import type { Store } from '../db/store';
import { readSetting } from '../settings/store';
import { insertJob, putInOutbox } from '../delivery/outbox';
import { delivererFor } from '../delivery/deliverer';
import { loadTarget } from '../delivery/targets';
import type { BackupListener } from './service';

/** The register name a backup travels under: the target's `{register}` sub-folder (数据库备份/2026/11/…). */
export const BACKUP_REGISTER = zh.backups.register;

/**
 * "…and, through the outbox, to a target" (exports.md "Backups"): each good backup is put in the delivery outbox
 * (complete, hashed) for the target the admin chose in the settings, and the deliverer copies it there with the
 * outbox's guarantees (temporary name, verify, rename, retry while the target is away). The send is audited.
 * A backup is never held up by this: a missing or disabled target is logged and the local copy stands.
 */
export function sendToTarget(deps: {
  dataDir: string;
  store: Store;
  clock: Clock;
  log: Logger;
  events: EventBus;
}): BackupListener {
  return async (entry, file) => {
    const targetId = await readSetting(deps.store.reader, 'backups.targetId');
    if (targetId === null) return;
    const target = await loadTarget(deps.store.reader, targetId);
    if (!target?.enabled) {
      deps.log.error(`Backup ${entry.id} not sent: its target #${targetId} is missing or disabled`);
      return;
    }
    const kept = await putInOutbox(deps.dataDir, file);
    const at = deps.clock.now().toISOString();
    await deps.store.write(async (tx) => {
      const jobId = await insertJob(tx, {
        ...kept,
        registerKey: null,
        register: BACKUP_REGISTER,
        fileName: entry.id,
        rows: 0,
        targetId,
        userId: null,
        userName: zh.backups.system,
        createdAt: at,
      });
      // The outbox's own audit line for a send, as an export's (delivery/exportRouting.ts), by the app itself.
      await tx.run(
        `INSERT INTO audit_log (at, user_id, user_name, channel, action, entity, entity_id, summary) VALUES (?, NULL, ?, 'backups.send', 'send', 'deliveryJob', ?, ?)`,
        [
          at,
          zh.backups.system,
          String(jobId),
          JSON.stringify({ fileName: entry.id, bytes: kept.bytes, sha256: kept.sha256, target: target.name }),
        ],
      );
    });
    deps.events.emit('data.changed', { entity: 'deliveryJobs' });
    delivererFor(deps.store)?.kick();
  };
}
