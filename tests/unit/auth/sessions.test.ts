import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, PASSWORD, type TestEnv, type TestUser } from '../helpers/env';

const MINUTE = 60_000;

/** Sessions end on logout, on deactivation, or after the idle time (default 30 minutes, configurable). */
describe('sessions', () => {
  let env: TestEnv;
  let user: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    user = await env.createUser({ roles: ['clerk'], login: false });
  });
  afterAll(() => env.close());

  const summary = (caller = user.caller) => env.backend.invoke(caller, 'dashboard.summary', {});

  it('expires after 30 idle minutes by default', async () => {
    user.caller = await env.login(user.username, PASSWORD);
    expect((await env.call(user.caller, 'auth.session', {})).idleMinutes).toBe(30);
    env.clock.advance(29 * MINUTE);
    await expect(summary()).resolves.toBeDefined();
    env.clock.advance(29 * MINUTE); // activity above reset the timer
    await expect(summary()).resolves.toBeDefined();
    env.clock.advance(31 * MINUTE);
    expect(await env.fail(user.caller, 'dashboard.summary', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.idle',
    });
    // Once expired, the session is gone for good.
    expect(await env.fail(user.caller, 'auth.session', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.required',
    });
  });

  it('does not count the session poll (auth.session) as activity', async () => {
    user.caller = await env.login(user.username, PASSWORD);
    env.clock.advance(20 * MINUTE);
    await expect(env.call(user.caller, 'auth.session', {})).resolves.toMatchObject({
      username: user.username,
    });
    env.clock.advance(11 * MINUTE); // 31 minutes since the last real call
    expect(await env.fail(user.caller, 'auth.session', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.idle',
    });
  });

  it('follows the idle time set in settings', async () => {
    // The clock moved on above: the admin logs in again like everyone else.
    env.admin.caller = await env.login(env.admin.username, env.admin.password);
    // Only the idle time is this test's business; the other settings have their areas' tests.
    expect(await env.call(env.admin.caller, 'settings.update', { idleMinutes: 60 })).toMatchObject({ idleMinutes: 60 });
    expect(await env.call(env.admin.caller, 'settings.get', {})).toMatchObject({ idleMinutes: 60 });
    const bad = await env.fail(env.admin.caller, 'settings.update', { idleMinutes: 0 });
    expect(bad.details?.issues).toEqual([{ path: 'idleMinutes', key: 'v.tooSmall', params: { min: 1 } }]);
    expect(env.backend.sessions.idleMinutes).toBe(60);
    user.caller = await env.login(user.username, PASSWORD);
    expect((await env.call(user.caller, 'auth.session', {})).idleMinutes).toBe(60);
    env.clock.advance(45 * MINUTE);
    await expect(summary()).resolves.toBeDefined();
    env.clock.advance(61 * MINUTE);
    expect(await env.fail(user.caller, 'dashboard.summary', {})).toMatchObject({
      message: 'errors.auth.idle',
    });

    const audit = await env.backend.store.reader.all<{ action: string; summary: string }>(
      `SELECT action, summary FROM audit_log WHERE channel = 'settings.update'`,
    );
    expect(audit).toEqual([{ action: 'update', summary: JSON.stringify({ before: 30, after: 60 }) }]);
  });

  it('keeps the idle setting across a restart', async () => {
    const { createBackend } = await import('../../../electron/backend/index');
    const again = await createBackend({
      dataDir: env.dir,
      clock: env.clock,
      validateOutput: true,
      log: { info() {}, error() {} },
    });
    try {
      expect(again.sessions.idleMinutes).toBe(60);
    } finally {
      await again.close();
    }
  });

  it('ends on logout', async () => {
    user.caller = await env.login(user.username, PASSWORD);
    const sessionId = user.caller.sessionId;
    expect(await env.call(user.caller, 'auth.logout', {})).toEqual({ ok: true });
    expect(user.caller.sessionId).toBeNull();
    expect(await env.fail({ sessionId }, 'dashboard.summary', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.required',
    });
  });

  it('ends every session of a deactivated user, and refuses their next login', async () => {
    env.admin.caller = await env.login(env.admin.username, env.admin.password);
    const first = await env.login(user.username, PASSWORD);
    const second = await env.login(user.username, PASSWORD);
    await expect(summary(first)).resolves.toBeDefined();
    await env.call(env.admin.caller, 'users.update', { id: user.id, active: false });
    expect(await env.fail(first, 'dashboard.summary', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.required',
    });
    expect(await env.fail(second, 'auth.session', {})).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'errors.auth.required',
    });
    expect(
      await env.fail({ sessionId: null }, 'auth.login', { username: user.username, password: PASSWORD }),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.inactive',
    });
    await env.call(env.admin.caller, 'users.update', { id: user.id, active: true });
    await expect(env.login(user.username, PASSWORD)).resolves.toMatchObject({
      sessionId: expect.any(String),
    });
  });

  it('a new login on the same window replaces its previous session', async () => {
    const caller = await env.login(user.username, PASSWORD);
    const old = caller.sessionId;
    await env.call(caller, 'auth.login', { username: env.admin.username, password: env.admin.password });
    expect(caller.sessionId).not.toBe(old);
    expect(await env.fail({ sessionId: old }, 'auth.session', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await env.call(caller, 'auth.session', {})).toMatchObject({ username: env.admin.username });
  });
});
