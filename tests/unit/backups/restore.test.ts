import { afterEach, describe, expect, it } from 'vitest';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Connection } from '../../../electron/backend/db/connection';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { freshBackend, type TestEnv } from '../helpers/env';
import { addCustomers, corruptMiddlePages, fileSnapshot, jobId, liveSnapshot } from './support';

let env: TestEnv;
afterEach(async () => {
  expect(env.loggedErrors.filter((e) => !/failed its integrity check/.test(e))).toEqual([]);
  await env.close();
});

const backupFile = (id: string) => join(env.dir, 'backups', id);
/** The tables a restore itself writes to (its audit line); everything else must equal the backup. */
const SKIP = ['audit_log'];

describe('restore (exports.md: "admin picks a backup, the app checks it, keeps a copy of the current database")', () => {
  it("brings back the backup's data, keeps the current file, ends every session, and audits itself", async () => {
    env = await freshBackend();
    await addCustomers(env, 6, '恢复前');
    const clerk = await env.createUser({ roles: ['clerk'] });
    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    const atBackup = await fileSnapshot(backupFile(backup.id), SKIP);
    // The copy was made before its own audit line was written.
    const auditAtBackup = (await fileSnapshot(backupFile(backup.id)))
      .split('\n')
      .find((l) => l.startsWith('audit_log:'))!;
    const auditCount = (JSON.parse(auditAtBackup.slice('audit_log: '.length)) as unknown[]).length;

    // Data changes after the backup: new customers, an edit.
    env.clock.advance(60_000);
    await addCustomers(env, 3, '之后');
    const changed = await liveSnapshot(env, SKIP);
    expect(changed).not.toBe(atBackup);

    const id = jobId();
    const phases: string[] = [];
    const stop = env.backend.events.subscribe((name, payload) => {
      if (name === 'backup.progress' && (payload as { jobId: string }).jobId === id)
        phases.push((payload as { phase: string }).phase);
    });
    const result = await env.call(env.admin.caller, 'backups.restore', { jobId: id, backupId: backup.id });
    stop();
    expect(result.restoredFrom).toBe(backup.id);
    expect(result.keptAs).toMatch(/^pre-restore_2026-11-25_\d{6}\.db$/);
    expect(new Set(phases)).toEqual(new Set(['copy', 'check', 'swap']));

    // Everyone logs in again, the admin too.
    expect(env.admin.caller.sessionId).toBeNull();
    expect((await env.fail(clerk.caller, 'customers.query', { startRow: 0, endRow: 5 })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await liveSnapshot(env, SKIP)).toBe(atBackup);
    env.admin.caller = await env.login(env.admin.username, env.admin.password);
    const audit = await env.backend.store.reader.all<{
      action: string;
      entity_id: string;
      user_name: string;
    }>('SELECT * FROM audit_log ORDER BY id');
    expect(audit.slice(auditCount).map((a) => a.action)).toEqual(['restoreDatabase', 'login']);
    expect(audit[auditCount]).toMatchObject({ entity_id: backup.id, user_name: 'admin' });

    // The kept file is the database as it was just before: the later customers are in it.
    await env.backend.backups.close({ exitBackup: false }); // waits for the kept file's check
    // (Closing the old database ran PRAGMA optimize: planner statistics, not data.)
    expect(await fileSnapshot(backupFile(result.keptAs), [...SKIP, 'sqlite_stat1', 'sqlite_stat4'])).toBe(
      changed,
    );
    const kept = env.backend.backups.catalog.find(result.keptAs)!;
    expect(kept).toMatchObject({ kind: 'preRestore', check: 'good' });
    expect(kept.size).toBeGreaterThan(0);
    // Nothing stale next to the database: the restored file opened cleanly.
    expect((await readdir(env.dir)).filter((f) => f.includes('restoring'))).toEqual([]);

    // And the app goes on normally on the restored database.
    await addCustomers(env, 1, '恢复后');
  });

  it('refuses a corrupt backup with a message and changes nothing', async () => {
    env = await freshBackend();
    await addCustomers(env, 40);
    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    await addCustomers(env, 2, '之后');
    await corruptMiddlePages(backupFile(backup.id));
    const before = await env.snapshot();
    const filesBefore = (await readdir(join(env.dir, 'backups'))).sort();

    const error = await env.fail(env.admin.caller, 'backups.restore', {
      jobId: jobId(),
      backupId: backup.id,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'backups.errors.damaged' });
    expect(error.details?.params?.detail).toBeTruthy();

    expect(await env.snapshot()).toBe(before);
    expect((await readdir(join(env.dir, 'backups'))).sort()).toEqual(filesBefore);
    expect((await readdir(env.dir)).filter((f) => f.includes('restoring'))).toEqual([]);
    // The session lives on; the log now knows this copy is bad, and the page no longer offers it.
    const page = await env.call(env.admin.caller, 'backups.query', { startRow: 0, endRow: 10 });
    expect(page.rows.find((r) => r.id === backup.id)).toMatchObject({ check: 'bad', restorable: false });
  });

  it('refuses a backup written by a newer Neiqin', async () => {
    env = await freshBackend();
    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    const db = await Connection.open(backupFile(backup.id));
    await db.run(
      `INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, 'from_the_future', '2030-01-01T00:00:00Z')`,
      [MIGRATIONS.at(-1)!.id + 1],
    );
    await db.close();
    const before = await env.snapshot();
    expect(
      await env.fail(env.admin.caller, 'backups.restore', { jobId: jobId(), backupId: backup.id }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'backups.errors.newer',
    });
    expect(await env.snapshot()).toBe(before);
  });

  it('refuses what is not a backup of the log, or gone from the folder', async () => {
    env = await freshBackend();
    expect(
      await env.fail(env.admin.caller, 'backups.restore', { jobId: jobId(), backupId: '../neiqin.sqlite' }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'backupId', key: 'v.invalid' }] },
    });
    expect(
      await env.fail(env.admin.caller, 'backups.restore', {
        jobId: jobId(),
        backupId: 'neiqin_2020-01-01_000000.db',
      }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'backups.errors.notFound',
    });
    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    await rm(backupFile(backup.id));
    expect(
      await env.fail(env.admin.caller, 'backups.restore', { jobId: jobId(), backupId: backup.id }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: 'backups.errors.notFound',
    });
    const page = await env.call(env.admin.caller, 'backups.query', { startRow: 0, endRow: 10 });
    expect(page.rows[0]).toMatchObject({ id: backup.id, presence: 'missing', restorable: false });
  });

  it('lets running work finish and holds new work until the database is back', async () => {
    env = await freshBackend();
    await addCustomers(env, 2);
    const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    const restoring = env.call(env.admin.caller, 'backups.restore', { jobId: jobId(), backupId: backup.id });
    // Reads and writes issued meanwhile all succeed, each on one database or the other — none fails.
    const meanwhile = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? env.backend.store.reader.get<{ n: number }>('SELECT count(*) AS n FROM customers')
          : env.backend.store.write((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM customers')),
      ),
    );
    await restoring;
    expect(meanwhile.every((r) => r!.n >= 2)).toBe(true);
  });
});
