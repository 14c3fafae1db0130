import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';

/** Admin settings with their defaults (platform.md: idle time 30 minutes). */
export const SETTING_DEFAULTS = { 'session.idleMinutes': 30 } as const;
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
