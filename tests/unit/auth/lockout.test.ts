import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/backend/index';
import { freshBackend, PASSWORD, type TestEnv, type TestUser } from '../helpers/env';

const MINUTE = 60_000;

/** platform.md: 5 failed logins lock the account for 15 minutes; failures and the lockout are audited. */
describe('login lockout', () => {
  let env: TestEnv;
  let user: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    user = await env.createUser({ roles: ['clerk'], login: false });
  });
  afterAll(() => env.close());

  const login = (password: string, caller: Caller = { sessionId: null }) =>
    env.backend.invoke(caller, 'auth.login', { username: user.username, password });
  const auditFor = () =>
    env.backend.store.reader.all<{
      action: string;
      user_id: number | null;
      user_name: string;
      summary: string;
    }>(
      `SELECT action, user_id, user_name, summary FROM audit_log WHERE channel = 'auth.login' AND user_name = ? ORDER BY id`,
      [user.username],
    );

  it('locks the account on the fifth wrong password, for 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) {
      expect(
        await env.fail({ sessionId: null }, 'auth.login', { username: user.username, password: `wrong${i}` }),
      ).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'errors.auth.invalid',
      });
    }
    const fifth = await env.fail({ sessionId: null }, 'auth.login', {
      username: user.username,
      password: 'wrong5',
    });
    expect(fifth).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.locked',
      details: { params: { minutes: 15 } },
    });

    const row = await env.backend.store.reader.get<{ locked_until: string }>(
      'SELECT locked_until FROM users WHERE id = ?',
      [user.id],
    );
    expect(row?.locked_until).toBe(new Date(env.clock.now().getTime() + 15 * MINUTE).toISOString());

    const audit = await auditFor();
    expect(audit.map((a) => a.action)).toEqual([
      'loginFailed',
      'loginFailed',
      'loginFailed',
      'loginFailed',
      'lockout',
    ]);
    expect(audit.every((a) => a.user_id === user.id)).toBe(true);
    expect(JSON.parse(audit[4]!.summary)).toMatchObject({ failures: 5 });
  });

  it('refuses even the right password while locked, saying how long is left', async () => {
    const caller: Caller = { sessionId: null };
    expect(await env.fail(caller, 'auth.login', { username: user.username, password: PASSWORD })).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.locked',
      details: { params: { minutes: 15 } },
    });
    env.clock.advance(14 * MINUTE);
    expect(await env.fail(caller, 'auth.login', { username: user.username, password: PASSWORD })).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.locked',
      details: { params: { minutes: 1 } },
    });
    expect(caller.sessionId).toBeNull();
    // Attempts against a locked account are on record too.
    const attempts = await env.backend.store.reader.all<{ action: string; summary: string }>(
      `SELECT action, summary FROM audit_log WHERE entity = 'user' AND entity_id = ? ORDER BY id DESC LIMIT 2`,
      [String(user.id)],
    );
    expect(attempts.map((a) => [a.action, JSON.parse(a.summary).reason])).toEqual([
      ['loginFailed', 'locked'],
      ['loginFailed', 'locked'],
    ]);
  });

  it('lets the right password in once the 15 minutes are over, and starts counting afresh', async () => {
    env.clock.advance(1 * MINUTE);
    const caller: Caller = { sessionId: null };
    await expect(login(PASSWORD, caller)).resolves.toMatchObject({ username: user.username });
    expect(caller.sessionId).toEqual(expect.any(String));
    const row = await env.backend.store.reader.get<{ failed_logins: number; locked_until: string | null }>(
      'SELECT failed_logins, locked_until FROM users WHERE id = ?',
      [user.id],
    );
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    expect((await auditFor()).at(-1)!.action).toBe('login');

    // Four more failures do not lock: the count restarted after the successful login.
    for (let i = 0; i < 4; i++)
      expect(
        (await env.fail({ sessionId: null }, 'auth.login', { username: user.username, password: 'nope' }))
          .code,
      ).toBe('UNAUTHENTICATED');
    await expect(login(PASSWORD)).resolves.toMatchObject({ username: user.username });
  });

  it('records a failed login for an unknown user name without revealing that it is unknown', async () => {
    const error = await env.fail({ sessionId: null }, 'auth.login', {
      username: 'nobody',
      password: 'whatever1',
    });
    expect(error).toEqual({ code: 'UNAUTHENTICATED', message: 'errors.auth.invalid' });
    const audit = await env.backend.store.reader.all<{
      action: string;
      user_id: number | null;
      summary: string;
    }>(`SELECT action, user_id, summary FROM audit_log WHERE user_name = 'nobody'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'loginFailed', user_id: null });
  });

  it('lets an admin unlock a locked account before the time is up', async () => {
    for (let i = 0; i < 5; i++)
      await env.fail({ sessionId: null }, 'auth.login', { username: user.username, password: 'bad' });
    expect(
      (await env.fail({ sessionId: null }, 'auth.login', { username: user.username, password: PASSWORD }))
        .message,
    ).toBe('errors.auth.locked');
    await env.call(env.admin.caller, 'users.unlock', { id: user.id });
    await expect(login(PASSWORD)).resolves.toMatchObject({ username: user.username });
  });
});
