import { channel } from './channel';
import { empty, ok } from '../schemas/common';
import { gridPageSchema, gridQuerySchema } from '../grid';
import { backupGridColumns } from '../grids/backups';
import {
  backupCancelInput,
  backupOverview,
  backupRestoreInput,
  backupRestoreResult,
  backupRow,
  backupRunInput,
  backupSettings,
  backupSettingsInput,
  recoveryRestoreInput,
  recoveryStatus,
} from '../schemas/backups';

/**
 * 备份与恢复 (exports.md "Backups"). Backups and restores are long: they report `backup.progress` events under the
 * job id the page chose, and one runs at a time.
 */
export const backupChannels = {
  /** The backup log (备份记录), newest first by default. */
  'backups.query': channel({
    input: gridQuerySchema(backupGridColumns),
    output: gridPageSchema(backupRow),
    access: 'backups.manage',
    tx: 'read',
  }),
  'backups.overview': channel({ input: empty, output: backupOverview, access: 'backups.manage', tx: 'read' }),
  /** 立即备份: an online copy, checked; resolves when it is done (or refused as bad). */
  'backups.run': channel({
    input: backupRunInput,
    output: backupRow,
    access: 'backups.manage',
    tx: 'manual',
  }),
  /** Stops a running backup; no file is left under a backup name. */
  'backups.cancel': channel({ input: backupCancelInput, output: ok, access: 'backups.manage', tx: 'read' }),
  /**
   * Checks the chosen copy, keeps the current database as pre-restore_….db, swaps the copy in and reopens it.
   * Every session ends (everyone logs in again), the caller's too.
   */
  'backups.restore': channel({
    input: backupRestoreInput,
    output: backupRestoreResult,
    access: 'backups.manage',
    tx: 'manual',
  }),
  'backups.settings': channel({
    input: empty,
    output: backupSettings,
    access: 'system.settings',
    tx: 'read',
  }),
  'backups.updateSettings': channel({
    input: backupSettingsInput,
    output: backupSettings,
    access: 'system.settings',
    tx: 'write',
  }),
  /**
   * Recovery mode (the database failed its start-up check). Public: nobody can log in to a damaged database; the
   * restore itself asks for an admin account of the chosen backup (see recoveryRestoreInput).
   */
  'recovery.status': channel({ input: empty, output: recoveryStatus, access: 'public', tx: 'read' }),
  'recovery.restore': channel({
    input: recoveryRestoreInput,
    output: backupRestoreResult,
    access: 'public',
    tx: 'manual',
  }),
};
