import type { Role } from '@shared/permissions';
import type { SessionUser, UserRow } from '@shared/schemas/auth';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { Session, SessionUserFacts } from './sessions';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  projectStaff: boolean;
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  roles: Role[];
}

const select = `SELECT u.id, u.username, u.display_name AS displayName, u.password_hash AS passwordHash,
  u.project_staff AS projectStaff, u.active, u.failed_logins AS failedLogins, u.locked_until AS lockedUntil,
  u.last_login_at AS lastLoginAt, u.must_change_password AS mustChangePassword, u.created_at AS createdAt,
  (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u`;

function toRecord(raw: Record<string, unknown>): UserRecord {
  return {
    ...(raw as unknown as UserRecord),
    projectStaff: raw.projectStaff === 1,
    active: raw.active === 1,
    mustChangePassword: raw.mustChangePassword === 1,
    roles: raw.roles ? (String(raw.roles).split(',') as Role[]).sort() : [],
  };
}

export async function findUserByName(db: Reader | Tx, username: string): Promise<UserRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`${select} WHERE u.username = ? COLLATE NOCASE`, [username]);
  return raw ? toRecord(raw) : undefined;
}

export async function findUser(db: Reader | Tx, id: number): Promise<UserRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`${select} WHERE u.id = ?`, [id]);
  return raw ? toRecord(raw) : undefined;
}

export function toUserRow(u: UserRecord): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    projectStaff: u.projectStaff,
    active: u.active,
    lastLoginAt: u.lastLoginAt,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
  };
}

export function sessionFacts(u: UserRecord): SessionUserFacts {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    projectStaff: u.projectStaff,
    mustChangePassword: u.mustChangePassword,
  };
}

export function toSessionUser(s: Session, idleMinutes: number): SessionUser {
  return {
    id: s.userId,
    username: s.username,
    displayName: s.displayName,
    roles: s.roles,
    projectStaff: s.projectStaff,
    permissions: [...s.permissions].sort(),
    mustChangePassword: s.mustChangePassword,
    idleMinutes,
  };
}

export async function insertUser(
  tx: Tx,
  values: { username: string; displayName: string; passwordHash: string; roles: readonly Role[]; projectStaff: boolean; mustChangePassword: boolean },
  now: string,
): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO users (username, display_name, password_hash, project_staff, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [values.username, values.displayName, values.passwordHash, values.projectStaff ? 1 : 0, values.mustChangePassword ? 1 : 0, now, now],
  );
  await setRoles(tx, lastID, values.roles);
  return lastID;
}

export async function setRoles(tx: Tx, userId: number, roles: readonly Role[]): Promise<void> {
  await tx.run('DELETE FROM user_roles WHERE user_id = ?', [userId]);
  for (const role of new Set(roles)) await tx.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [userId, role]);
}
