import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { createBackend } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import { freshBackend, START, tempDir } from '../helpers/env';
import { addCustomers, eventually } from './support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function folderWithData(): Promise<string> {
  const env = await freshBackend();
  await addCustomers(env, 3);
  await env.backend.close();
  cleanups.push(() => rm(env.dir, { recursive: true, force: true }));
  return env.dir;
}

describe('daily and exit backups (exports.md: "daily and on exit")', () => {
  it("the hosts' backend makes the day's backup at start and one more on exit", async () => {
    const dir = await folderWithData();
    const clock = manualClock(START);
    const errors: string[] = [];
    const backend = await createBackend({
      dataDir: dir,
      clock,
      scheduleBackups: true,
      log: { info: () => undefined, error: (m) => errors.push(m) },
    });
    await eventually(async () =>
      expect(backend.backups.catalog.list().map((e) => e.kind)).toEqual(['daily']),
    );
    // The entry is in the log before the job ends (pruning, the hand-off to targets still run in the slot):
    // a check made meanwhile would find the slot busy, whatever the day.
    await backend.backups.settled();
    // Later the same day: nothing more is due.
    clock.advance(3 * 3600_000);
    expect(await backend.backups.dailyIfDue()).toBeNull();
    // The next day, while the app still runs, the timer's check makes the next one.
    clock.advance(24 * 3600_000);
    expect(await backend.backups.dailyIfDue()).toMatchObject({ kind: 'daily', check: 'good' });
    await backend.close();
    expect(backend.backups.catalog.list().map((e) => e.kind)).toEqual(['exit', 'daily', 'daily']);
    expect(errors).toEqual([]);
  });

  it('a first start (no user yet) has nothing to keep: no backup at start or on exit', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const backend = await createBackend({
      dataDir: dir,
      clock: manualClock(START),
      scheduleBackups: true,
      log: { info: () => undefined, error: () => undefined },
    });
    expect(await backend.backups.dailyIfDue()).toBeNull();
    await backend.close();
    expect(backend.backups.catalog.list()).toEqual([]);
  });

  it('without scheduling (tests, the seed CLI) nothing is backed up by itself', async () => {
    const dir = await folderWithData();
    const backend = await createBackend({
      dataDir: dir,
      clock: manualClock(START),
      log: { info: () => undefined, error: () => undefined },
    });
    await backend.close();
    expect(backend.backups.catalog.list()).toEqual([]);
  });

  it('on exit waits for a running backup, then takes its own', async () => {
    const dir = await folderWithData();
    const backend = await createBackend({
      dataDir: dir,
      clock: manualClock(START),
      scheduleBackups: true,
      log: { info: () => undefined, error: () => undefined },
    });
    await eventually(async () =>
      expect(backend.backups.slot.current ?? backend.backups.catalog.list().length).toBeTruthy(),
    );
    await backend.close();
    expect(backend.backups.catalog.list().map((e) => [e.kind, e.check])).toEqual([
      ['exit', 'good'],
      ['daily', 'good'],
    ]);
  });
});
