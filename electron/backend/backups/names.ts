import { BACKUP_ID_RE } from '@shared/schemas/backups';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD_HHmmss` in the office's local time: what a clerk reads in the folder. */
export function stamp(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}_${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export type NamePrefix = 'neiqin' | 'pre-restore' | 'damaged';

/** `neiqin_2026-11-25_100000.db`; a second copy in the same second gets `-2`, `-3` … (`taken` says which exist). */
export function backupFileName(prefix: NamePrefix, at: Date, taken: (name: string) => boolean): string {
  const base = `${prefix}_${stamp(at)}`;
  let name = `${base}.db`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}.db`;
  return name;
}

/** A name the app gave a finished copy; anything else in the folder (temporary files, migrations' copies) is not one. */
export function isBackupName(name: string): boolean {
  return BACKUP_ID_RE.test(name);
}

/**
 * The temporary name a copy is written under until its check passed: it starts with a dot and ends in `.partial`,
 * so no reader of the folder (nor `isBackupName`) takes it for a finished backup.
 */
export function partialName(finalName: string): string {
  return `.${finalName}.partial`;
}

export const isPartialName = (name: string) => name.startsWith('.') && name.endsWith('.partial');
