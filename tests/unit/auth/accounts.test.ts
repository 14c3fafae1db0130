import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, PASSWORD, type TestEnv } from '../helpers/env';

describe('user accounts', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await freshBackend();
  });
  afterAll(() => env.close());

  const hashOf = async (id: number) =>
    (await env.backend.store.reader.get<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = ?',
      [id],
    ))!.password_hash;

  it('stores passwords as scrypt hashes with a salt of their own', async () => {
    const a = await env.createUser({ roles: ['clerk'], login: false });
    const b = await env.createUser({ roles: ['clerk'], login: false });
    const [ha, hb] = [await hashOf(a.id), await hashOf(b.id)];
    for (const h of [ha, hb]) {
      expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
      expect(h).not.toContain(PASSWORD);
      expect(Buffer.from(h.split('$')[4]!, 'base64')).toHaveLength(16);
    }
    // Same password, different salts, different hashes.
    expect(ha.split('$')[4]).not.toBe(hb.split('$')[4]);
    expect(ha.split('$')[5]).not.toBe(hb.split('$')[5]);
    expect(await hashOf(env.admin.id)).toMatch(/^scrypt\$/);
  });

  it('refuses a second user with the same name in another letter case', async () => {
    const taken = await env.createUser({ roles: ['clerk'], username: 'Zhangsan', login: false });
    const error = await env.fail(env.admin.caller, 'users.create', {
      username: 'zhangsan',
      displayName: '张三',
      password: PASSWORD,
      roles: ['clerk'],
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'errors.user.usernameTaken' });
    expect(taken.username).toBe('Zhangsan');
  });

  it('makes a new or reset user change the password before anything else', async () => {
    const created = await env.call(env.admin.caller, 'users.create', {
      username: 'newbie',
      displayName: '新人',
      password: PASSWORD,
      roles: ['clerk'],
    });
    const caller = await env.login('newbie', PASSWORD);
    expect((await env.call(caller, 'auth.session', {})).mustChangePassword).toBe(true);
    expect(await env.fail(caller, 'dashboard.summary', {})).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.mustChangePassword',
    });
    expect(await env.fail(caller, 'customers.query', { startRow: 0, endRow: 5 })).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.mustChangePassword',
    });

    const wrong = await env.fail(caller, 'auth.changePassword', { current: 'not-it-1', next: 'Brand1New' });
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: 'errors.auth.wrongCurrent' });
    const weak = await env.fail(caller, 'auth.changePassword', { current: PASSWORD, next: 'short1' });
    expect(weak.details?.issues).toEqual([{ path: 'next', key: 'v.passwordShort', params: { min: 8 } }]);
    expect(await env.fail(caller, 'dashboard.summary', {})).toMatchObject({
      message: 'errors.auth.mustChangePassword',
    });

    expect(await env.call(caller, 'auth.changePassword', { current: PASSWORD, next: 'Brand1New' })).toEqual({
      ok: true,
    });
    expect((await env.call(caller, 'auth.session', {})).mustChangePassword).toBe(false);
    await expect(env.call(caller, 'dashboard.summary', {})).resolves.toBeDefined();
    expect(
      await env.fail({ sessionId: null }, 'auth.login', { username: 'newbie', password: PASSWORD }),
    ).toMatchObject({ code: 'UNAUTHENTICATED' });

    // An admin's reset puts the flag back, on the live session too.
    await env.call(env.admin.caller, 'users.resetPassword', { id: created.id, password: 'Reset2026' });
    expect(await env.fail(caller, 'dashboard.summary', {})).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.auth.mustChangePassword',
    });
    const again = await env.login('newbie', 'Reset2026');
    expect(await env.fail(again, 'customers.query', { startRow: 0, endRow: 5 })).toMatchObject({
      message: 'errors.auth.mustChangePassword',
    });
    await env.call(again, 'auth.changePassword', { current: 'Reset2026', next: 'Mine2026x' });
    await expect(env.call(again, 'customers.query', { startRow: 0, endRow: 5 })).resolves.toMatchObject({
      rowCount: 0,
    });
    await expect(env.call(again, 'auth.logout', {})).resolves.toEqual({ ok: true });

    const actions = await env.backend.store.reader.all<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = ? AND action IN ('create', 'changePassword', 'resetPassword') ORDER BY id`,
      [String(created.id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'create',
      'changePassword',
      'resetPassword',
      'changePassword',
    ]);
  });

  it('never removes the last active admin', async () => {
    const me = env.admin;
    expect(await env.fail(me.caller, 'users.update', { id: me.id, roles: ['clerk'] })).toEqual({
      code: 'CONFLICT',
      message: 'errors.user.lastAdmin',
    });
    expect(await env.fail(me.caller, 'users.update', { id: me.id, active: false })).toEqual({
      code: 'CONFLICT',
      message: 'errors.user.selfDeactivate',
    });

    const second = await env.createUser({ roles: ['admin'] });
    // With two admins, one may step down …
    await expect(
      env.call(second.caller, 'users.update', { id: me.id, roles: ['admin', 'clerk'] }),
    ).resolves.toMatchObject({ roles: ['admin', 'clerk'] });
    await expect(
      env.call(second.caller, 'users.update', { id: me.id, active: false }),
    ).resolves.toMatchObject({ active: false });
    // … but now the second is the last one.
    expect(await env.fail(second.caller, 'users.update', { id: second.id, roles: ['manager'] })).toEqual({
      code: 'CONFLICT',
      message: 'errors.user.lastAdmin',
    });
    const roles = await env.backend.store.reader.all<{ role: string }>(
      'SELECT role FROM user_roles WHERE user_id = ?',
      [second.id],
    );
    expect(roles).toEqual([{ role: 'admin' }]);
    await env.call(second.caller, 'users.update', { id: me.id, active: true });
    me.caller = await env.login(me.username, me.password);
  });

  it('never deletes a user row', async () => {
    await expect(
      env.backend.store.write((tx) => tx.run('DELETE FROM users WHERE id = ?', [env.admin.id])),
    ).rejects.toThrow(/never deleted/);
  });
});
