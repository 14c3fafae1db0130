import { AppError } from '@shared/errors';
import type { userGridColumns } from '@shared/grids/admin';
import type { UserRow } from '@shared/schemas/auth';
import type { Role } from '@shared/permissions';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import type { GridSpec } from '../grid/spec';
import { gridPage } from '../grid/page';
import { likeEscape } from '../grid/sql';
import { hashPassword } from './passwords';
import { findUser, insertUser, sessionFacts, setRoles, toUserRow, type UserRecord } from './users';

const userGrid: GridSpec<typeof userGridColumns, UserRow> = {
  from: 'users u',
  countFrom: 'users u',
  id: 'u.id',
  select: `u.id, u.username, u.display_name AS displayName, u.project_staff AS projectStaff, u.active,
    u.last_login_at AS lastLoginAt, u.locked_until AS lockedUntil, u.created_at AS createdAt,
    (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles`,
  columns: {
    username: { sql: 'u.username' },
    displayName: { sql: 'u.display_name' },
    roles: { sql: '(SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id)' },
    projectStaff: { sql: 'u.project_staff', setValue: (v) => (v === 'true' ? 1 : 0) },
    active: { sql: 'u.active', setValue: (v) => (v === 'true' ? 1 : 0) },
    lastLoginAt: { sql: 'u.last_login_at', dateKind: 'instant' },
    createdAt: { sql: 'u.created_at', dateKind: 'instant' },
  },
  defaultSort: [{ colId: 'username', sort: 'asc' }],
  quickSearch: (text) => ({
    sql: `(u.username LIKE ? ESCAPE '\\' OR u.display_name LIKE ? ESCAPE '\\')`,
    params: [`%${likeEscape(text)}%`, `%${likeEscape(text)}%`],
  }),
  mapRow: (raw) => ({
    ...(raw as unknown as UserRow),
    projectStaff: raw.projectStaff === 1,
    active: raw.active === 1,
    roles: raw.roles ? (String(raw.roles).split(',') as Role[]).sort() : [],
  }),
};

/** A user has several roles: filtering "roles" by a set means "has any of these roles". */
const roleFilter = (roles: string[]) => ({
  sql: `u.id IN (SELECT user_id FROM user_roles WHERE role IN (${roles.map(() => '?').join(', ')}))`,
  params: roles,
});

async function activeAdmins(ctx: WriteContext, exceptId: number): Promise<number> {
  const row = await ctx.tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.active = 1 AND u.id <> ?`,
    [exceptId],
  );
  return row?.n ?? 0;
}

/**
 * Applies an account change to the user's live sessions the moment the change commits. The facts are read inside
 * the transaction so the effect is synchronous: the very next call of that user already sees the new roles (or
 * finds the session ended).
 */
function followSessions(ctx: WriteContext, user: UserRecord) {
  return () => ctx.sessions.refreshUser(user.id, { ...sessionFacts(user), active: user.active });
}

export const userAdminHandlers = handlers({
  'users.query': async (input, ctx) => {
    const { roles, ...filterModel } = input.filterModel;
    const extra = roles && 'values' in roles ? [roleFilter(roles.values)] : [];
    return gridPage(ctx.db, userGrid, { ...input, filterModel }, extra);
  },

  'users.create': async (input, ctx) => {
    const taken = await ctx.tx.get('SELECT 1 FROM users WHERE username = ? COLLATE NOCASE', [input.username]);
    if (taken) {
      throw new AppError('CONFLICT', 'errors.user.usernameTaken', {
        params: { username: input.username },
        issues: [{ path: 'username', key: 'errors.user.usernameTaken', params: { username: input.username } }],
      });
    }
    const id = await insertUser(
      ctx.tx,
      { username: input.username, displayName: input.displayName, passwordHash: await hashPassword(input.password), roles: input.roles, projectStaff: input.projectStaff, mustChangePassword: true },
      ctx.clock.now().toISOString(),
    );
    await ctx.audit({ action: 'create', entity: 'user', entityId: id, summary: { username: input.username, roles: input.roles, projectStaff: input.projectStaff } });
    return toUserRow((await findUser(ctx.tx, id))!);
  },

  'users.update': async (input, ctx) => {
    const before = await findUser(ctx.tx, input.id);
    if (!before) throw new AppError('NOT_FOUND', 'errors.user.notFound');
    const losesAdmin =
      (input.active === false && before.roles.includes('admin')) || (input.roles !== undefined && before.roles.includes('admin') && !input.roles.includes('admin'));
    if (input.active === false && input.id === ctx.session.userId) throw new AppError('CONFLICT', 'errors.user.selfDeactivate');
    if (losesAdmin && (await activeAdmins(ctx, input.id)) === 0) throw new AppError('CONFLICT', 'errors.user.lastAdmin');
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (input.displayName !== undefined) set('display_name', input.displayName);
    if (input.projectStaff !== undefined) set('project_staff', input.projectStaff ? 1 : 0);
    if (input.active !== undefined) set('active', input.active ? 1 : 0);
    await ctx.tx.run(`UPDATE users SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [...params, ctx.clock.now().toISOString(), input.id]);
    if (input.roles) await setRoles(ctx.tx, input.id, input.roles);
    const after = (await findUser(ctx.tx, input.id))!;
    await ctx.audit({
      action: 'update',
      entity: 'user',
      entityId: input.id,
      summary: {
        username: before.username,
        before: { displayName: before.displayName, roles: before.roles, projectStaff: before.projectStaff, active: before.active },
        after: { displayName: after.displayName, roles: after.roles, projectStaff: after.projectStaff, active: after.active },
      },
    });
    ctx.afterCommit(followSessions(ctx, after));
    return toUserRow(after);
  },

  'users.resetPassword': async (input, ctx) => {
    const user = await findUser(ctx.tx, input.id);
    if (!user) throw new AppError('NOT_FOUND', 'errors.user.notFound');
    await ctx.tx.run('UPDATE users SET password_hash = ?, must_change_password = 1, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [
      await hashPassword(input.password),
      ctx.clock.now().toISOString(),
      input.id,
    ]);
    await ctx.audit({ action: 'resetPassword', entity: 'user', entityId: input.id, summary: { username: user.username } });
    ctx.afterCommit(followSessions(ctx, (await findUser(ctx.tx, input.id))!));
    return { ok: true as const };
  },

  'users.unlock': async (input, ctx) => {
    const user = await findUser(ctx.tx, input.id);
    if (!user) throw new AppError('NOT_FOUND', 'errors.user.notFound');
    await ctx.tx.run('UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [ctx.clock.now().toISOString(), input.id]);
    await ctx.audit({ action: 'unlock', entity: 'user', entityId: input.id, summary: { username: user.username } });
    return { ok: true as const };
  },
});
