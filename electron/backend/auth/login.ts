import { AppError } from '@shared/errors';
import { handlers } from '../registry';
import type { ManualContext } from '../handlers';
import type { Session } from './sessions';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { findUser, findUserByName, insertUser, sessionFacts, toSessionUser } from './users';
import { loadDemoOffice } from '../demo/demoOffice';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const loginHandlers = handlers({
  'setup.status': async (_input, ctx) => {
    const row = await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM users');
    return { needsAdmin: (row?.n ?? 0) === 0 };
  },

  /** First start: the admin account; optionally the demo office. Refused once any user exists. */
  'setup.createAdmin': async (input, ctx) => {
    const passwordHash = await hashPassword(input.password);
    const session = await ctx.write(async (w) => {
      const existing = await w.tx.get<{ n: number }>('SELECT count(*) AS n FROM users');
      if ((existing?.n ?? 0) > 0) throw new AppError('CONFLICT', 'errors.auth.setupDone');
      const now = ctx.clock.now().toISOString();
      const id = await insertUser(w.tx, { username: input.username, displayName: input.displayName, passwordHash, roles: ['admin'], projectStaff: false, mustChangePassword: false }, now);
      await w.tx.run('UPDATE users SET last_login_at = ? WHERE id = ?', [now, id]);
      await w.audit({ action: 'setup', entity: 'user', entityId: id, summary: { username: input.username }, actor: { userId: id, username: input.username } });
      const user = (await findUser(w.tx, id))!;
      return ctx.sessions.start(sessionFacts(user));
    });
    ctx.caller.sessionId = session.id;
    if (input.loadDemo) await loadDemoOffice(ctx as ManualContext<Session | null> as ManualContext, session);
    return toSessionUser(session, ctx.sessions.idleMinutes);
  },

  'auth.login': async (input, ctx) => {
    const now = ctx.clock.now();
    const user = await findUserByName(ctx.db, input.username);
    const actor = { userId: user?.id ?? null, username: input.username };
    if (!user) {
      await verifyPassword(input.password, await decoyHash());
      await ctx.write((w) => w.audit({ action: 'loginFailed', entity: 'user', summary: { username: input.username, reason: 'unknown user' }, actor }));
      throw new AppError('UNAUTHENTICATED', 'errors.auth.invalid');
    }
    if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
      const minutes = Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 60_000);
      await ctx.write((w) =>
        w.audit({ action: 'loginFailed', entity: 'user', entityId: user.id, summary: { username: user.username, reason: 'locked', minutes }, actor }),
      );
      throw new AppError('FORBIDDEN', 'errors.auth.locked', { params: { minutes } });
    }
    const ok = await verifyPassword(input.password, user.passwordHash);
    if (!ok) {
      const failures = user.failedLogins + 1;
      const locks = failures >= MAX_FAILED_LOGINS;
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
      await ctx.write(async (w) => {
        await w.tx.run('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?', [locks ? 0 : failures, locks ? lockedUntil : user.lockedUntil, user.id]);
        await w.audit({ action: locks ? 'lockout' : 'loginFailed', entity: 'user', entityId: user.id, summary: { username: user.username, failures }, actor });
      });
      if (locks) throw new AppError('FORBIDDEN', 'errors.auth.locked', { params: { minutes: LOCK_MINUTES } });
      throw new AppError('UNAUTHENTICATED', 'errors.auth.invalid');
    }
    if (!user.active) throw new AppError('FORBIDDEN', 'errors.auth.inactive');
    await ctx.write(async (w) => {
      await w.tx.run('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?', [now.toISOString(), user.id]);
      await w.audit({ action: 'login', entity: 'user', entityId: user.id, summary: { username: user.username }, actor });
    });
    ctx.sessions.end(ctx.caller.sessionId);
    const session = ctx.sessions.start(sessionFacts(user));
    ctx.caller.sessionId = session.id;
    return toSessionUser(session, ctx.sessions.idleMinutes);
  },

  'auth.logout': async (_input, ctx) => {
    await ctx.write((w) => w.audit({ action: 'logout', entity: 'user', entityId: ctx.session.userId, summary: { username: ctx.session.username } }));
    ctx.sessions.end(ctx.caller.sessionId);
    ctx.caller.sessionId = null;
    return { ok: true as const };
  },

  'auth.session': async (_input, ctx) => toSessionUser(ctx.session, ctx.sessions.idleMinutes),

  'auth.changePassword': async (input, ctx) => {
    const user = (await findUser(ctx.tx, ctx.session.userId))!;
    if (!(await verifyPassword(input.current, user.passwordHash))) {
      throw new AppError('VALIDATION', 'errors.auth.wrongCurrent', { issues: [{ path: 'current', key: 'errors.auth.wrongCurrent' }] });
    }
    await ctx.tx.run('UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?', [
      await hashPassword(input.next),
      ctx.clock.now().toISOString(),
      user.id,
    ]);
    await ctx.audit({ action: 'changePassword', entity: 'user', entityId: user.id, summary: { username: user.username } });
    ctx.afterCommit(() => {
      ctx.session.mustChangePassword = false;
    });
    return { ok: true as const };
  },
});
