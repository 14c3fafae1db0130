import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { openStore } from '../../../electron/backend/db/store';
import { manualClock } from '../../../electron/backend/clock';
import { tempDir } from '../helpers/env';

const clock = manualClock('2026-11-25T02:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const sha = 'a'.repeat(64);

/**
 * Migration 014 rebuilds delivery_jobs (a CHECK constraint cannot change in place) on a database that already has
 * jobs and attempts: every row keeps its id and values, the attempts still point at their jobs, and the rules of
 * migration 012 hold again (never deleted, a delivered job never changes) plus the new ones for closed jobs.
 */
describe('migration 014 (delivery jobs can close) on a database with jobs', () => {
  it('keeps every job and attempt, their references, and the append-only rules', async () => {
    const { dir, remove } = await tempDir('neiqin-migrate-014-');
    cleanups.push(remove);
    const before = MIGRATIONS.findIndex((m) => m.name === 'delivery_closing');
    const old = await openStore({ dataDir: dir, clock, migrations: MIGRATIONS.slice(0, before) });
    await old.write(async (tx) => {
      await tx.run(`INSERT INTO delivery_targets (id, name, folder, sub_folder, created_at, updated_at) VALUES (1, '营销部共享盘', '/mnt/share', '', 'x', 'x')`);
      await tx.run(
        `INSERT INTO delivery_jobs (id, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_name, status, next_attempt_at, final_path, created_at, delivered_at)
         VALUES (7, '客户档案台账', 'a.xlsx', 'a.bin', 10, 100, ?, 1, '陈静', 'delivered', 'x', '/mnt/share/a.xlsx', 'x', 'y'),
                (9, '客户档案台账', 'b.csv', 'b.bin', 5, 50, ?, 1, '陈静', 'pending', 'x', NULL, 'x', NULL)`,
        [sha, sha],
      );
      await tx.run(
        `INSERT INTO delivery_attempts (id, job_id, target_id, started_at, finished_at, result, error, final_path)
         VALUES (3, 7, 1, 's', 'f', 'delivered', NULL, '/mnt/share/a.xlsx'), (4, 9, 1, 's', 'f', 'failed', 'unreachable', NULL)`,
      );
    });
    const jobsBefore = await old.reader.all('SELECT * FROM delivery_jobs ORDER BY id');
    const attemptsBefore = await old.reader.all('SELECT * FROM delivery_attempts ORDER BY id');
    await old.close();

    const store = await openStore({ dataDir: dir, clock });
    cleanups.push(() => store.close());
    const jobs = await store.reader.all<Record<string, unknown>>('SELECT * FROM delivery_jobs ORDER BY id');
    expect(jobs).toEqual(jobsBefore.map((j) => ({ ...(j as object), closed_at: null, closed_reason: null, closed_by: null, closed_by_name: null })));
    expect(await store.reader.all('SELECT * FROM delivery_attempts ORDER BY id')).toEqual(attemptsBefore);
    expect(await store.reader.all('PRAGMA foreign_key_check')).toEqual([]);

    await expect(store.write((tx) => tx.run('DELETE FROM delivery_jobs WHERE id = 9'))).rejects.toThrow(/never deleted/);
    await expect(store.write((tx) => tx.run('DELETE FROM delivery_attempts WHERE id = 4'))).rejects.toThrow(/never deleted/);
    await expect(store.write((tx) => tx.run(`UPDATE delivery_jobs SET file_name = 'c.xlsx' WHERE id = 7`))).rejects.toThrow(/does not change/);
    await expect(store.write((tx) => tx.run(`UPDATE delivery_attempts SET error = 'x' WHERE id = 3`))).rejects.toThrow(/does not change/);
    await expect(store.write((tx) => tx.run(`INSERT INTO delivery_attempts (job_id, target_id, started_at) VALUES (99, 1, 's')`))).rejects.toThrow(/FOREIGN KEY/);
    // Abandoning needs a reason and who; once closed the job is final.
    await expect(store.write((tx) => tx.run(`UPDATE delivery_jobs SET status = 'abandoned', closed_at = 'z', closed_by_name = '系统管理员' WHERE id = 9`))).rejects.toThrow(/CHECK/);
    await store.write((tx) => tx.run(`UPDATE delivery_jobs SET status = 'abandoned', closed_at = 'z', closed_reason = '不再需要', closed_by_name = '系统管理员' WHERE id = 9`));
    await expect(store.write((tx) => tx.run(`UPDATE delivery_jobs SET status = 'pending', closed_at = NULL WHERE id = 9`))).rejects.toThrow(/does not change/);
  });
});
