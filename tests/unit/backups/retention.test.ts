import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { localDate } from '@shared/dates';
import type { BackupKind, BackupCheck } from '@shared/schemas/backups';
import { planRetention, KEEP_BAD, KEEP_PRE_RESTORE } from '../../../electron/backend/backups/retention';
import { isBackupName } from '../../../electron/backend/backups/names';
import { freshBackend, type TestEnv } from '../helpers/env';
import { eventually, jobId } from './support';

interface E {
  id: string;
  at: string;
  kind: BackupKind;
  check: BackupCheck;
  removedAt: string | null;
}

/** Local 10:00 (or `hour`) on day `n` after 2026-01-01, whatever the machine's time zone. */
const dayAt = (n: number, hour = 10) => new Date(2026, 0, 1 + n, hour, 0, 0);
let seq = 0;
const entry = (at: Date, kind: BackupKind = 'daily', check: BackupCheck = 'good'): E => ({
  id: `neiqin_${String(++seq).padStart(5, '0')}.db`,
  at: at.toISOString(),
  kind,
  check,
  removedAt: null,
});
const kept = (entries: E[], removed: string[]) => entries.filter((e) => !removed.includes(e.id));

describe('retention (exports.md: keep the last 14 daily and 12 monthly copies)', () => {
  it('over 400 days of daily and exit copies keeps the newest of the last 14 days and of the last 12 months', () => {
    const entries: E[] = [];
    for (let d = 0; d < 400; d++) {
      entries.push(entry(dayAt(d, 9), 'daily'));
      entries.push(entry(dayAt(d, 18), 'exit'));
      if (d % 7 === 0) entries.push(entry(dayAt(d, 12), 'manual'));
    }
    const removed = planRetention(entries, { keepDaily: 14, keepMonthly: 12 });
    const left = kept(entries, removed);

    const newestOfDay = new Map<string, E>();
    const newestOfMonth = new Map<string, E>();
    for (const e of entries) {
      const day = localDate(new Date(e.at));
      if (!newestOfDay.has(day) || newestOfDay.get(day)!.at < e.at) newestOfDay.set(day, e);
      const month = day.slice(0, 7);
      if (!newestOfMonth.has(month) || newestOfMonth.get(month)!.at < e.at) newestOfMonth.set(month, e);
    }
    const days = [...newestOfDay.keys()].sort().slice(-14);
    const months = [...newestOfMonth.keys()].sort().slice(-12);
    const expected = new Set([
      ...days.map((d) => newestOfDay.get(d)!.id),
      ...months.map((m) => newestOfMonth.get(m)!.id),
    ]);
    expect(new Set(left.map((e) => e.id))).toEqual(expected);
    // Day 399 is 2027-02-04: the last 14 days hold January's last copy and February's newest, so 10 earlier
    // months (March–December 2026) add their last copy (the 18:00 exit of their last day).
    expect(left).toHaveLength(14 + 10);
    expect(left.every((e) => e.kind === 'exit')).toBe(true);
  });

  it('never deletes the newest good copy, and bad copies do not stand in for good ones', () => {
    const entries = [
      entry(dayAt(0)),
      entry(dayAt(1)),
      entry(dayAt(2), 'daily', 'bad'),
      entry(dayAt(2, 12), 'daily', 'bad'),
    ];
    const removed = planRetention(entries, { keepDaily: 1, keepMonthly: 0 });
    expect(removed).toEqual([entries[0]!.id]);
    expect(kept(entries, removed).map((e) => e.id)).toContain(entries[1]!.id);
  });

  it('keeps the last copies made before restores and the last failed copies by count; damaged files are never deleted', () => {
    const pre = Array.from({ length: 6 }, (_, i) => entry(dayAt(i), 'preRestore'));
    const bad = Array.from({ length: 8 }, (_, i) => entry(dayAt(i, 11), 'daily', 'bad'));
    const damaged = Array.from({ length: 4 }, (_, i) => entry(dayAt(i, 8), 'damaged', 'bad'));
    const removed = planRetention([...pre, ...bad, ...damaged], { keepDaily: 14, keepMonthly: 12 });
    expect(removed.sort()).toEqual(
      [...pre.slice(0, 6 - KEEP_PRE_RESTORE), ...bad.slice(0, 8 - KEEP_BAD)].map((e) => e.id).sort(),
    );
  });

  it('properties: the newest good copy stays; each of the last keepDaily days keeps one copy; nothing else is kept', () => {
    const arbitraryEntries = fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 500 }),
        hour: fc.integer({ min: 0, max: 23 }),
        kind: fc.constantFrom<BackupKind>('daily', 'exit', 'manual'),
        good: fc.boolean(),
      }),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(
        arbitraryEntries,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 24 }),
        (raw, keepDaily, keepMonthly) => {
          // Distinct instants (a second apart at most): which of two simultaneous copies is newer is the log's business.
          const entries = raw.map((r, i) =>
            entry(new Date(dayAt(r.day, r.hour).getTime() + i * 1000), r.kind, r.good ? 'good' : 'bad'),
          );
          const removed = new Set(planRetention(entries, { keepDaily, keepMonthly }));
          const good = entries.filter((e) => e.check === 'good').sort((a, b) => b.at.localeCompare(a.at));
          if (good[0]) expect(removed.has(good[0].id)).toBe(false);
          const leftGood = good.filter((e) => !removed.has(e.id));
          const goodDays = [...new Set(good.map((e) => localDate(new Date(e.at))))].sort().reverse();
          for (const day of goodDays.slice(0, keepDaily))
            expect(leftGood.some((e) => localDate(new Date(e.at)) === day)).toBe(true);
          // At most one copy per day and per month, within the limits.
          expect(leftGood.length).toBeLessThanOrEqual(Math.max(1, keepDaily + keepMonthly));
          const perDay = new Map<string, number>();
          for (const e of leftGood)
            perDay.set(localDate(new Date(e.at)), (perDay.get(localDate(new Date(e.at))) ?? 0) + 1);
          expect([...perDay.values()].every((n) => n === 1)).toBe(true);
          // Bad copies beyond the last few go; good ones are only removed by the day/month rule.
          expect(entries.filter((e) => e.check === 'bad' && !removed.has(e.id)).length).toBeLessThanOrEqual(
            KEEP_BAD,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('retention in the running app, with a manual clock across months', () => {
  let env: TestEnv;
  afterEach(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('deletes files as days and months pass, keeps the log lines (marked removed), and applies lowered settings at once', async () => {
    env = await freshBackend({ start: dayAt(0).toISOString() });
    for (let d = 0; d < 75; d++) {
      env.clock.set(dayAt(d, 9));
      expect(await env.backend.backups.dailyIfDue()).toMatchObject({ kind: 'daily', check: 'good' });
      // The same day again: nothing due.
      env.clock.set(dayAt(d, 15));
      expect(await env.backend.backups.dailyIfDue()).toBeNull();
    }
    const files = (await readdir(join(env.dir, 'backups'))).filter(isBackupName).sort();
    // Days 61–74 (the last 14), and the last day of January (30) and of February (58); March is among the 14.
    const expectedDays = [30, 58, ...Array.from({ length: 14 }, (_, i) => 61 + i)];
    const name = (d: number) => `neiqin_${localDate(dayAt(d))}_090000.db`;
    expect(files).toEqual(expectedDays.map(name).sort());
    const log = env.backend.backups.catalog.list();
    expect(log).toHaveLength(75);
    expect(log.filter((e) => e.removedAt)).toHaveLength(75 - expectedDays.length);

    env.admin.caller = await env.login(env.admin.username, env.admin.password);
    const settings = await env.call(env.admin.caller, 'backups.updateSettings', {
      keepDaily: 3,
      keepMonthly: 1,
    });
    expect(settings).toEqual({ keepDaily: 3, keepMonthly: 1, targetId: null });
    // Pruned right after the commit, in the background.
    await eventually(async () =>
      expect((await readdir(join(env.dir, 'backups'))).filter(isBackupName).sort()).toEqual(
        [72, 73, 74].map(name),
      ),
    );
  });

  it('validates the settings: bad values are refused naming the field, nothing written', async () => {
    env = await freshBackend();
    const before = await env.snapshot();
    expect(
      await env.fail(env.admin.caller, 'backups.updateSettings', { keepDaily: 0, keepMonthly: 12 }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'keepDaily', key: 'v.tooSmall' }] },
    });
    expect(
      await env.fail(env.admin.caller, 'backups.updateSettings', { keepDaily: 14, keepMonthly: 121 }),
    ).toMatchObject({
      details: { issues: [{ path: 'keepMonthly', key: 'v.tooLarge' }] },
    });
    expect(await env.snapshot()).toBe(before);
    expect(await env.call(env.admin.caller, 'backups.settings', {})).toEqual({
      keepDaily: 14,
      keepMonthly: 12,
      targetId: null,
    });
    await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
  });
});
