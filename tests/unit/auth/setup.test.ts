import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/backend/index';
import { ADMIN, freshBackend, tempDir, failure } from '../helpers/env';
import { createBackend } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';

describe('first start: the admin account', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('asks for the admin once, logs them in, and then refuses a second setup', async () => {
    const { dir, remove } = await tempDir();
    const backend = await createBackend({
      dataDir: dir,
      clock: manualClock('2026-11-25T02:00:00Z'),
      validateOutput: true,
      log: { info() {}, error() {} },
    });
    cleanups.push(async () => {
      await backend.close();
      await remove();
    });
    const caller: Caller = { sessionId: null };
    expect(await backend.invoke(caller, 'setup.status', {})).toEqual({ needsAdmin: true });

    const user = await backend.invoke(caller, 'setup.createAdmin', { ...ADMIN });
    expect(user).toMatchObject({
      username: ADMIN.username,
      displayName: ADMIN.displayName,
      roles: ['admin'],
      projectStaff: false,
      mustChangePassword: false,
      idleMinutes: 30,
    });
    expect(caller.sessionId).toEqual(expect.any(String));
    expect(await backend.invoke(caller, 'setup.status', {})).toEqual({ needsAdmin: false });
    await expect(backend.invoke(caller, 'auth.session', {})).resolves.toMatchObject({
      username: ADMIN.username,
    });

    const other: Caller = { sessionId: null };
    const again = await failure(
      backend.invoke(other, 'setup.createAdmin', {
        username: 'intruder',
        displayName: '入侵者',
        password: 'Intrud3r!',
      }),
    );
    expect(again).toEqual({ code: 'CONFLICT', message: 'errors.auth.setupDone' });
    expect(other.sessionId).toBeNull();
    const users = await backend.store.reader.all<{ username: string }>('SELECT username FROM users');
    expect(users).toEqual([{ username: ADMIN.username }]);
    const audit = await backend.store.reader.all<{ action: string; user_name: string }>(
      `SELECT action, user_name FROM audit_log WHERE channel = 'setup.createAdmin'`,
    );
    expect(audit).toEqual([{ action: 'setup', user_name: ADMIN.username }]);
  });

  it('refuses a weak admin password with a field message', async () => {
    const { dir, remove } = await tempDir();
    cleanups.push(remove);
    const backend = await createBackend({
      dataDir: dir,
      clock: manualClock('2026-11-25T02:00:00Z'),
      validateOutput: true,
      log: { info() {}, error() {} },
    });
    cleanups.push(() => backend.close());
    const error = await failure(
      backend.invoke({ sessionId: null }, 'setup.createAdmin', {
        username: 'admin',
        displayName: '管理员',
        password: 'onlyletters',
      }),
    );
    expect(error.details?.issues).toEqual([{ path: 'password', key: 'v.passwordWeak' }]);
    const short = await failure(
      backend.invoke({ sessionId: null }, 'setup.createAdmin', {
        username: 'admin',
        displayName: '管理员',
        password: 'a1',
      }),
    );
    expect(short.details?.issues).toEqual([{ path: 'password', key: 'v.passwordShort', params: { min: 8 } }]);
    expect(await backend.invoke({ sessionId: null }, 'setup.status', {})).toEqual({ needsAdmin: true });
  });

  it('is what freshBackend does for every other test', async () => {
    const env = await freshBackend();
    cleanups.push(() => env.close());
    expect(await env.call({ sessionId: null }, 'setup.status', {})).toEqual({ needsAdmin: false });
    expect(await env.call(env.admin.caller, 'auth.session', {})).toMatchObject({ roles: ['admin'] });
  });
});
