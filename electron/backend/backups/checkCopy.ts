import sqlite3 from 'sqlite3';
import { MIGRATIONS } from '../db/migrations';
import { cancelled } from './onlineCopy';

/** SQLite's ways of saying the file is damaged or not a database at all (as opposed to "cannot open"). */
const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_VTAB',
]);
export const isDamage = (err: unknown) => DAMAGE_CODES.has((err as { code?: string } | null)?.code ?? '');

export interface CopyCheck {
  /** The integrity check said "ok" and the schema is ours or older. */
  good: boolean;
  /** What was wrong, for the log and the page; null when good. */
  detail: string | null;
  /** The last migration the copy carries; null when it has none or could not be read. */
  schema: number | null;
  /** The copy was written by a newer Neiqin (its migrations are not a prefix of ours). */
  newer: boolean;
}

function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}
const all = <T>(db: sqlite3.Database, sql: string) =>
  new Promise<T[]>((resolve, reject) =>
    db.all(sql, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))),
  );
const close = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

/** Runs a statement, interrupting it if the signal fires (integrity_check of a large file takes a while). */
async function interruptible<T>(db: sqlite3.Database, sql: string, signal?: AbortSignal): Promise<T[]> {
  if (signal?.aborted) throw cancelled();
  const stop = () => db.interrupt();
  signal?.addEventListener('abort', stop);
  try {
    return await all<T>(db, sql);
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    throw err;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Compares the copy's applied migrations with this app's: older is fine (migrated on open), newer is refused. */
async function schemaOf(db: sqlite3.Database): Promise<{ schema: number | null; newer: boolean }> {
  const hasTable = await all<{ n: number }>(
    db,
    `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
  );
  if (!hasTable[0]?.n) return { schema: null, newer: false };
  const applied = await all<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM schema_migrations ORDER BY id',
  );
  const prefix =
    applied.length <= MIGRATIONS.length &&
    applied.every((m, i) => m.id === MIGRATIONS[i]!.id && m.name === MIGRATIONS[i]!.name);
  return { schema: applied.at(-1)?.id ?? null, newer: !prefix };
}

/**
 * Makes a fresh copy self-contained and checks it: the copy inherits WAL mode from the live database, so it is
 * switched to a rollback journal (one file, nothing beside it), then `PRAGMA integrity_check` runs over every
 * page and index. A copy counts only if this says "ok".
 */
export async function sealAndCheck(file: string, signal?: AbortSignal): Promise<CopyCheck> {
  let db: sqlite3.Database;
  try {
    db = await open(file, sqlite3.OPEN_READWRITE);
  } catch (err) {
    return { good: false, detail: (err as Error).message, schema: null, newer: false };
  }
  try {
    await interruptible(db, 'PRAGMA journal_mode = DELETE', signal);
    const rows = await interruptible<{ integrity_check: string }>(db, 'PRAGMA integrity_check', signal);
    const ok = rows.length === 1 && rows[0]!.integrity_check === 'ok';
    const { schema, newer } = ok ? await schemaOf(db) : { schema: null, newer: false };
    const detail = !ok
      ? rows
          .slice(0, 5)
          .map((r) => r.integrity_check)
          .join('; ')
      : newer
        ? 'written by a newer Neiqin'
        : null;
    return { good: ok && !newer, detail, schema, newer };
  } catch (err) {
    if ((err as Error).message === 'backups.errors.cancelled') throw err;
    return { good: false, detail: (err as Error).message, schema: null, newer: false };
  } finally {
    await close(db);
  }
}

/**
 * The start-up check: `PRAGMA quick_check` (every page and record, without comparing indexes to their tables — the
 * full check runs on each backup). Returns null when the file is sound, else what SQLite said. A file that cannot
 * be opened at all (permissions, a missing folder) is not "damaged": that error is thrown.
 */
export async function quickCheck(file: string): Promise<string | null> {
  const db = await open(file, sqlite3.OPEN_READWRITE);
  try {
    db.configure('busyTimeout', 5000);
    const rows = await all<{ quick_check: string }>(db, 'PRAGMA quick_check');
    const ok = rows.length === 1 && rows[0]!.quick_check === 'ok';
    return ok
      ? null
      : rows
          .slice(0, 5)
          .map((r) => r.quick_check)
          .join('; ');
  } catch (err) {
    if (isDamage(err)) return (err as Error).message;
    throw err;
  } finally {
    await close(db);
  }
}
