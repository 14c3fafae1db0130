import { afterEach, describe, expect, it } from 'vitest';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '@shared/contract';
import { createBackend, type Backend, type Caller } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import { DB_FILE } from '../../../electron/backend/db/store';
import type { Logger } from '../../../electron/backend/log';
import { ADMIN, failure, freshBackend, PASSWORD, START, tempDir } from '../helpers/env';
import { addCustomers, corruptMiddlePages, fileSnapshot, jobId } from './support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Prepared {
  dir: string;
  backupId: string;
  clerk: string;
  /** The backup's data, without the audit log (the restore adds its line). */
  backupData: string;
}

/** A data folder with customers, a clerk, one good backup and later changes; the backend is closed again. */
async function preparedFolder(): Promise<Prepared> {
  const env = await freshBackend();
  await addCustomers(env, 60, '备份里');
  const clerk = await env.createUser({ roles: ['clerk'] });
  const backup = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
  await addCustomers(env, 5, '备份后');
  const backupData = await fileSnapshot(join(env.dir, 'backups', backup.id), ['audit_log']);
  await env.backend.close();
  cleanups.push(() => rm(env.dir, { recursive: true, force: true }));
  return { dir: env.dir, backupId: backup.id, clerk: clerk.username, backupData };
}

async function openBackend(dir: string): Promise<{ backend: Backend; errors: string[] }> {
  const errors: string[] = [];
  const log: Logger = { info: () => undefined, error: (m) => errors.push(m) };
  const backend = await createBackend({ dataDir: dir, clock: manualClock(START), validateOutput: true, log });
  cleanups.unshift(() => backend.close());
  return { backend, errors };
}

const anyone = (): Caller => ({ sessionId: null });

describe('start-up check and recovery mode (exports.md: "a damaged database opens a recovery screen")', () => {
  it('a damaged database neither crashes the app nor opens empty: recovery mode, only recovery channels answer', async () => {
    const prepared = await preparedFolder();
    await corruptMiddlePages(join(prepared.dir, DB_FILE));
    const { backend, errors } = await openBackend(prepared.dir);

    expect(backend.backups.recovery.active).toBe(true);
    expect(errors).toEqual(['The database failed its start-up check: recovery mode']);
    const status = (await backend.invoke(anyone(), 'recovery.status', {})) as {
      active: boolean;
      detail: string;
      backups: { id: string }[];
    };
    expect(status.active).toBe(true);
    expect(status.detail).toBeTruthy();
    expect(status.backups.map((b) => b.id)).toEqual([prepared.backupId]);

    // Everything else is refused, logins included — nothing reads or writes the damaged file.
    for (const channel of CHANNEL_NAMES.filter((c) => !c.startsWith('recovery.'))) {
      expect(await failure(backend.invoke(anyone(), channel, {}))).toEqual({
        code: 'UNAVAILABLE',
        message: 'backups.errors.recoveryMode',
      });
    }
  });

  it('restores the chosen backup for an admin of that backup; the damaged file is kept aside; the app runs again', async () => {
    const prepared = await preparedFolder();
    await corruptMiddlePages(join(prepared.dir, DB_FILE));
    const { backend } = await openBackend(prepared.dir);
    const restore = (username: string, password: string) =>
      failure(
        backend.invoke(anyone(), 'recovery.restore', {
          jobId: jobId(),
          backupId: prepared.backupId,
          username,
          password,
        }),
      );

    expect(await restore(ADMIN.username, 'wrong-password1')).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'password', key: 'errors.auth.invalid' }] },
    });
    expect(await restore('nobody', 'wrong-password1')).toMatchObject({ code: 'VALIDATION' });
    // A clerk of the backup is no admin.
    expect(await restore(prepared.clerk, PASSWORD)).toMatchObject({
      code: 'FORBIDDEN',
      message: 'backups.errors.notAdmin',
    });
    expect(backend.backups.recovery.active).toBe(true);

    const result = (await backend.invoke(anyone(), 'recovery.restore', {
      jobId: jobId(),
      backupId: prepared.backupId,
      username: ADMIN.username,
      password: ADMIN.password,
    })) as { restoredFrom: string; keptAs: string };
    expect(result.restoredFrom).toBe(prepared.backupId);
    expect(result.keptAs).toMatch(/^damaged_\d{4}-\d{2}-\d{2}_\d{6}\.db$/);
    expect(backend.backups.recovery.active).toBe(false);
    expect(await readdir(join(prepared.dir, 'backups'))).toContain(result.keptAs);

    expect(await fileSnapshot(join(prepared.dir, DB_FILE), ['audit_log', 'sqlite_stat1'])).toBe(
      prepared.backupData,
    );
    const caller = anyone();
    await backend.invoke(caller, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const page = (await backend.invoke(caller, 'customers.query', { startRow: 0, endRow: 100 })) as {
      rowCount: number;
    };
    expect(page.rowCount).toBe(60);
    const audit = await backend.store.reader.all<{ action: string; user_name: string }>(
      'SELECT action, user_name FROM audit_log ORDER BY id DESC LIMIT 2',
    );
    expect(audit).toEqual([
      { action: 'login', user_name: ADMIN.username },
      { action: 'restoreDatabase', user_name: ADMIN.username },
    ]);
    // Out of recovery, the channel refuses.
    expect(await restore(ADMIN.username, ADMIN.password)).toMatchObject({
      code: 'CONFLICT',
      message: 'backups.errors.notInRecovery',
    });
  });

  it('locks a username after 5 wrong passwords, as the login does', async () => {
    const prepared = await preparedFolder();
    await corruptMiddlePages(join(prepared.dir, DB_FILE));
    const { backend } = await openBackend(prepared.dir);
    const attempt = (password: string) =>
      failure(
        backend.invoke(anyone(), 'recovery.restore', {
          jobId: jobId(),
          backupId: prepared.backupId,
          username: ADMIN.username,
          password,
        }),
      );
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong${i}pass`)).code).toBe('VALIDATION');
    expect(await attempt('wrong5pass')).toMatchObject({ code: 'FORBIDDEN', message: 'errors.auth.locked' });
    expect(await attempt(ADMIN.password)).toMatchObject({ code: 'FORBIDDEN', message: 'errors.auth.locked' });
    expect(backend.backups.recovery.active).toBe(true);
  });

  it('treats a missing or emptied database file as lost (not a first start) when good backups exist', async () => {
    const prepared = await preparedFolder();
    await rm(join(prepared.dir, DB_FILE));
    await rm(join(prepared.dir, `${DB_FILE}-wal`), { force: true });
    await writeFile(join(prepared.dir, DB_FILE), '');
    const { backend } = await openBackend(prepared.dir);
    expect(backend.backups.recovery).toEqual({ active: true, detail: 'The database file is empty' });
    expect(await failure(backend.invoke(anyone(), 'setup.status', {}))).toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('a file that is not a database at all opens recovery mode too', async () => {
    const prepared = await preparedFolder();
    await writeFile(join(prepared.dir, DB_FILE), Buffer.alloc(64 * 1024, 0x42));
    await rm(join(prepared.dir, `${DB_FILE}-wal`), { force: true });
    await rm(join(prepared.dir, `${DB_FILE}-shm`), { force: true });
    const { backend } = await openBackend(prepared.dir);
    expect(backend.backups.recovery.active).toBe(true);
    expect(backend.backups.recovery.detail).toMatch(/not a database|malformed/i);
  });

  it('a sound database opens normally, and a new folder is a first start', async () => {
    const prepared = await preparedFolder();
    const { backend } = await openBackend(prepared.dir);
    expect(backend.backups.recovery.active).toBe(false);
    expect(await backend.invoke(anyone(), 'recovery.status', {})).toEqual({
      active: false,
      detail: null,
      backups: [],
    });
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const fresh = await openBackend(dir);
    expect(fresh.backend.backups.recovery.active).toBe(false);
    expect(await fresh.backend.invoke(anyone(), 'setup.status', {})).toEqual({ needsAdmin: true });
  });
});
