import { localDate } from '@shared/dates';
import type { BackupSettings } from '@shared/schemas/backups';
import type { CatalogEntry } from './catalog';

/** Copies kept before a restore: the last few, whatever their age (each is a whole database). */
export const KEEP_PRE_RESTORE = 3;
/** Failed copies kept in backups/bad/ for a look by IT. */
export const KEEP_BAD = 5;

type Entry = Pick<CatalogEntry, 'id' | 'at' | 'kind' | 'check' | 'removedAt'>;

/** By time; entries of the same instant keep the order they came in (the log lists the later one first). */
const newestFirst = (a: Entry, b: Entry) => b.at.localeCompare(a.at);

/** The newest entry of each of the `count` most recent groups (days or months). */
function newestPerGroup(entries: Entry[], group: (e: Entry) => string, count: number): Entry[] {
  const kept: Entry[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const key = group(e);
    if (seen.has(key)) continue;
    if (seen.size >= count) break;
    seen.add(key);
    kept.push(e);
  }
  return kept;
}

/**
 * Which copies retention deletes (exports.md: keep the last 14 daily and 12 monthly copies). Daily, exit and
 * manual copies are one series: of each of the last `keepDaily` days with a good copy the newest stays, and of
 * each of the last `keepMonthly` months the newest stays (the month's last copy, once the month is over). The
 * newest good copy always stays. Copies kept before a restore and failed copies are kept by count; damaged
 * databases set aside by recovery are never deleted by the app. Days and months are the office's local ones.
 */
export function planRetention(
  entries: readonly Entry[],
  settings: Pick<BackupSettings, 'keepDaily' | 'keepMonthly'>,
): string[] {
  const present = entries.filter((e) => !e.removedAt).sort(newestFirst);
  const series = present.filter(
    (e) => e.check === 'good' && (e.kind === 'daily' || e.kind === 'exit' || e.kind === 'manual'),
  );
  const keep = new Set<string>();
  if (series[0]) keep.add(series[0].id);
  for (const e of newestPerGroup(series, (x) => localDate(new Date(x.at)), settings.keepDaily))
    keep.add(e.id);
  for (const e of newestPerGroup(series, (x) => localDate(new Date(x.at)).slice(0, 7), settings.keepMonthly))
    keep.add(e.id);
  const remove = series.filter((e) => !keep.has(e.id)).map((e) => e.id);

  const preRestore = present.filter((e) => e.kind === 'preRestore');
  remove.push(...preRestore.slice(KEEP_PRE_RESTORE).map((e) => e.id));
  const bad = present.filter((e) => e.check === 'bad' && e.kind !== 'preRestore' && e.kind !== 'damaged');
  remove.push(...bad.slice(KEEP_BAD).map((e) => e.id));
  return remove;
}
