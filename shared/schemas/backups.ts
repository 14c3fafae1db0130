import { z } from 'zod';
import { id } from './common';

/**
 * Backups (exports.md "Backups"): copies of the database in the data folder's `backups/`, each checked before it
 * counts, and the restore / recovery that bring one back.
 */

/** Why a copy was made: the daily one, on exit, by hand (立即备份), the current file kept before a restore, a damaged file set aside. */
export const BACKUP_KINDS = ['daily', 'exit', 'manual', 'preRestore', 'damaged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** good: passed the integrity check; bad: failed it (kept aside in backups/bad/); unchecked: found on disk, not checked yet. */
export const BACKUP_CHECKS = ['good', 'bad', 'unchecked'] as const;
export type BackupCheck = (typeof BACKUP_CHECKS)[number];

/** Where a copy is now: in the folder, pruned by retention, or gone from the folder without the app's doing. */
export const BACKUP_PRESENCE = ['present', 'removed', 'missing'] as const;
export type BackupPresence = (typeof BACKUP_PRESENCE)[number];

/** A backup's id is its file name; the renderer sends it back, never a path (the backend resolves it in its folder). */
export const BACKUP_ID_RE = /^(neiqin|pre-restore|damaged)_\d{4}-\d{2}-\d{2}_\d{6}(-\d{1,3})?\.db$/;
export const backupId = z.string('v.required').regex(BACKUP_ID_RE, 'v.invalid');

/** Browser-made job ids, as imports use them, so the page can follow the `backup.progress` events of its own job. */
export const backupJobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid');

export const backupRow = z.object({
  id: z.string(),
  /** When the copy was started (ISO UTC). */
  at: z.string(),
  kind: z.enum(BACKUP_KINDS),
  check: z.enum(BACKUP_CHECKS),
  presence: z.enum(BACKUP_PRESENCE),
  /** Bytes of the copy. */
  size: z.int().min(0),
  /** Copy and check together, in milliseconds. */
  durationMs: z.int().min(0),
  /** The last migration the copy carries (its schema version); null when unknown. */
  schema: z.int().nullable(),
  /** What the integrity check said when it failed; null when good. */
  detail: z.string().nullable(),
  /** Whether this copy may be restored: good (or unchecked, checked again on restore), present, not newer than this app. */
  restorable: z.boolean(),
});
export type BackupRow = z.output<typeof backupRow>;

export const backupRunInput = z.object({ jobId: backupJobId }).strict();
export const backupCancelInput = z.object({ jobId: backupJobId }).strict();
export const backupRestoreInput = z.object({ jobId: backupJobId, backupId }).strict();

export const backupRestoreResult = z.object({
  restoredFrom: z.string(),
  /** The file the current database was kept as (backups/pre-restore_….db or damaged_….db). */
  keptAs: z.string(),
});

/** Retention: the last N days keep their newest copy, the last M months keep theirs (exports.md: 14 and 12). */
export const backupSettingsFields = {
  keepDaily: z.int('v.required').min(1, 'v.tooSmall').max(365, 'v.tooLarge'),
  keepMonthly: z.int('v.required').min(0, 'v.tooSmall').max(120, 'v.tooLarge'),
};
/** Retention, and the export target each good backup also goes to through the outbox (null: none). */
export const backupSettings = z.object({ ...backupSettingsFields, targetId: z.int().nullable() });
/** Without `targetId` the target stays as it is. */
export const backupSettingsInput = z
  .object({ ...backupSettingsFields, targetId: id.nullable().optional() })
  .strict();
export type BackupSettings = z.output<typeof backupSettings>;

export const backupOverview = z.object({
  /** The local folder, shown so the admin knows where the copies are (never sent back). */
  folder: z.string(),
  lastGood: backupRow.nullable(),
  running: z.enum(['backup', 'restore']).nullable(),
  settings: backupSettings,
  /** The target good copies are also sent to through the outbox (issue 4: "through the outbox, to a target"). */
  target: z.object({ id: z.int(), name: z.string(), enabled: z.boolean() }).nullable(),
});
export type BackupOverview = z.output<typeof backupOverview>;

/** Progress of a backup or restore, pushed as the `backup.progress` event. */
export const BACKUP_PHASES = ['copy', 'check', 'swap', 'done'] as const;
export const backupProgress = z.object({
  jobId: z.string(),
  phase: z.enum(BACKUP_PHASES),
  done: z.number().min(0),
  total: z.number().min(0),
});
export type BackupProgress = z.output<typeof backupProgress>;

/** Recovery mode: the database failed its start-up check; only these channels answer. */
export const recoveryStatus = z.object({
  active: z.boolean(),
  /** SQLite's words about the damage (for the IT person), null when not in recovery. */
  detail: z.string().nullable(),
  /** Good copies, newest first; the first is offered. */
  backups: z.array(backupRow),
});
export type RecoveryStatus = z.output<typeof recoveryStatus>;

/**
 * Restoring in recovery mode: the admin proves who they are against the chosen backup's own accounts (the damaged
 * database's users table may be unreadable), since the restored database will hold exactly those accounts.
 */
export const recoveryRestoreInput = z
  .object({
    jobId: backupJobId,
    backupId,
    username: z.string().trim().min(1, 'v.required').max(64),
    password: z.string().min(1, 'v.required').max(128),
  })
  .strict();
