import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { DEFAULT_DUE_DAYS, type ComplaintDueDays } from '@shared/schemas/complaint';
import type { CsvEncoding } from '@shared/grid';

/** Admin settings with their defaults (platform.md: idle time 30 minutes). */
export const SETTING_DEFAULTS = {
  'session.idleMinutes': 30,
  /** Days an approved access request runs unless the supervisor says otherwise (customers.md "Access"). */
  'access.defaultDays': 7,
  /** Complaint due dates in working days after the received date, per type (customers.md "Complaints"). */
  'complaints.dueDays': DEFAULT_DUE_DAYS as ComplaintDueDays,
  /** A signed contract ending within this many days is "expiring" (即将到期) on the register and the dashboard. */
  'contracts.expiringDays': 30 as number,
  /** Backups kept: the newest of each of the last N days and of the last M months (exports.md "Backups"). */
  'backups.keepDaily': 14 as number,
  'backups.keepMonthly': 12 as number,
  /** The export target each good backup is also sent to through the outbox; null: local copies only. */
  'backups.targetId': null as number | null,
  /** .csv exports in UTF-8 with BOM (Excel and WPS open it), or GB18030 for software that reads only GBK. */
  'exports.csvEncoding': 'utf-8' as CsvEncoding,
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function readSetting<K extends SettingKey>(db: Reader | Tx, key: K): Promise<(typeof SETTING_DEFAULTS)[K]> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as (typeof SETTING_DEFAULTS)[K]) : SETTING_DEFAULTS[key];
}

export async function writeSetting(tx: Tx, key: SettingKey, value: unknown, now: string): Promise<void> {
  await tx.run(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), now],
  );
}
