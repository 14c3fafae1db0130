import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, fieldError } from '@shared/errors';
import type { Clock } from '../clock';
import { Connection } from '../db/connection';
import { DB_FILE, openStore, type Store } from '../db/store';
import { SwitchableStore } from '../db/switchableStore';
import { decoyHash, verifyPassword } from '../auth/passwords';
import { findUserByName, type UserRecord } from '../auth/users';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../auth/login';
import { isDamage, quickCheck } from './checkCopy';
import { BackupCatalog } from './catalog';
import type { BackupService } from './service';

export interface OpenedDatabase {
  store: SwitchableStore;
  dbFile: string;
  /** What is wrong with the database; null when it opened normally. */
  damage: string | null;
  openStore: () => Promise<Store>;
}

/** A message of SQLite's, or of the migration that wrapped one, that says the file is damaged. */
function damageOf(err: unknown): string | null {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause)
    if (isDamage(e)) return (e as Error).message;
  return null;
}

/**
 * Opens the database for the backend, after a quick integrity check. A damaged file — or a missing/empty one
 * while good backups exist (the file was lost, not a first start) — does not crash the app and is never replaced
 * by an empty database: the store stays closed and the backend runs in recovery mode.
 */
export async function openOrRecover(options: { dataDir: string; clock: Clock }): Promise<OpenedDatabase> {
  await mkdir(options.dataDir, { recursive: true });
  const dbFile = join(options.dataDir, DB_FILE);
  const open = () => openStore({ dataDir: options.dataDir, clock: options.clock });
  const recovery = (damage: string): OpenedDatabase => ({
    store: new SwitchableStore(dbFile, null),
    dbFile,
    damage,
    openStore: open,
  });

  const size = await stat(dbFile).then(
    (s) => s.size,
    () => -1,
  );
  if (size <= 0) {
    const catalog = await BackupCatalog.load(join(options.dataDir, 'backups'));
    if (catalog.list().some((e) => e.check === 'good' && !e.removedAt && e.kind !== 'preRestore')) {
      return recovery(size < 0 ? 'The database file is missing' : 'The database file is empty');
    }
  } else {
    const damage = await quickCheck(dbFile);
    if (damage) return recovery(damage);
  }
  try {
    return { store: new SwitchableStore(dbFile, await open()), dbFile, damage: null, openStore: open };
  } catch (err) {
    const damage = damageOf(err);
    if (damage) return recovery(damage);
    throw err;
  }
}

/** The channels that answer in recovery mode; every other one is refused with UNAVAILABLE. */
export const RECOVERY_CHANNELS: ReadonlySet<string> = new Set(['recovery.status', 'recovery.restore']);

export const recoveryRefusal = () => new AppError('UNAVAILABLE', 'backups.errors.recoveryMode').toShape();

/**
 * Who may restore in recovery mode: an active admin of the chosen backup, by that backup's password. The damaged
 * database's own users table may be unreadable, and the restored database will hold exactly the backup's accounts,
 * so the backup is the right judge. Failures are counted in memory (nothing may be written to a backup) and lock
 * the username for the usual 15 minutes after 5 tries.
 */
export async function recoveryAdmin(
  service: BackupService,
  clock: Clock,
  file: string,
  username: string,
  password: string,
): Promise<UserRecord> {
  const key = username.toLowerCase();
  const now = clock.now().getTime();
  const failures = service.recoveryFailures.get(key);
  if (failures && failures.lockedUntil > now) {
    throw new AppError('FORBIDDEN', 'errors.auth.locked', {
      params: { minutes: Math.ceil((failures.lockedUntil - now) / 60_000) },
    });
  }
  let user: UserRecord | undefined;
  try {
    const db = await Connection.open(file, { readOnly: true });
    try {
      user = await findUserByName(db, username);
    } finally {
      await db.close();
    }
  } catch (err) {
    throw new AppError('CONFLICT', 'backups.errors.damaged', {
      params: { detail: (err as Error).message.slice(0, 200) },
    });
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok) {
    const count = (failures?.count ?? 0) + 1;
    const locks = count >= MAX_FAILED_LOGINS;
    service.recoveryFailures.set(key, {
      count: locks ? 0 : count,
      lockedUntil: locks ? now + LOCK_MINUTES * 60_000 : 0,
    });
    if (locks) throw new AppError('FORBIDDEN', 'errors.auth.locked', { params: { minutes: LOCK_MINUTES } });
    // A field error, not UNAUTHENTICATED: there is no session to renew, the form shows it under the password.
    throw fieldError('password', 'errors.auth.invalid');
  }
  service.recoveryFailures.delete(key);
  if (!user.active || !user.roles.includes('admin'))
    throw new AppError('FORBIDDEN', 'backups.errors.notAdmin');
  return user;
}
