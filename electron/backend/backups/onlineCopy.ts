import sqlite3 from 'sqlite3';
import { AppError } from '@shared/errors';

/** Pages per step: 1,024 pages of 4 KiB = 4 MiB, small enough for steady progress and a quick cancel. */
export const PAGES_PER_STEP = 1024;
const BUSY_RETRIES = 100;
const BUSY_WAIT_MS = 50;

export interface JobControl {
  /** `done` of `total` units (pages for a copy). */
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
}

export const cancelled = () => new AppError('CONFLICT', 'backups.errors.cancelled');

/** The node-sqlite3 Backup object (its typings do not describe it). */
interface SqliteBackup {
  step(pages: number, callback: (err: (Error & { code?: string }) | null) => void): void;
  finish(callback: (err: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
  readonly remaining: number;
  readonly pageCount: number;
}

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    // Never create: a missing source is an error, not an empty database to copy.
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(db)));
  });
}

const exec = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
const close = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

function startBackup(db: sqlite3.Database, dest: string): Promise<SqliteBackup> {
  return new Promise((resolve, reject) => {
    const backup = (
      db as unknown as { backup(file: string, cb: (err: Error | null) => void): SqliteBackup }
    ).backup(dest, (err) => (err ? reject(err) : resolve(backup)));
  });
}

const step = (backup: SqliteBackup, pages: number) =>
  new Promise<void>((resolve, reject) => backup.step(pages, (err) => (err ? reject(err) : resolve())));
const finish = (backup: SqliteBackup) => new Promise<void>((resolve) => backup.finish(() => resolve()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Copies a live database with SQLite's online backup API, page by page, into `dest` (which must not exist yet).
 *
 * The copy is one consistent snapshot although the app keeps writing: its own connection holds a read transaction
 * across every step (WAL lets the writer go on meanwhile). Without it, each write made by another connection
 * between two steps would restart the copy from page one — under steady writes it would never finish.
 * Steps run on libuv's thread pool, so the event loop stays free; progress is reported after each step and the
 * signal is honoured between steps. An async function with progress and a signal: it can move to a worker as is.
 */
export async function onlineCopy(
  source: string,
  dest: string,
  control: JobControl & { pagesPerStep?: number } = {},
): Promise<{ pages: number }> {
  const pagesPerStep = control.pagesPerStep ?? PAGES_PER_STEP;
  if (control.signal?.aborted) throw cancelled();
  const db = await open(source);
  try {
    db.configure('busyTimeout', 5000);
    await exec(db, 'PRAGMA query_only = ON');
    // BEGIN is deferred: the first read starts the snapshot that every step then shares.
    await exec(db, 'BEGIN; SELECT count(*) FROM sqlite_master;');
    const backup = await startBackup(db, dest);
    let busy = 0;
    while (!backup.completed) {
      if (control.signal?.aborted) {
        await finish(backup);
        throw cancelled();
      }
      try {
        await step(backup, pagesPerStep);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!backup.failed && (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') && busy++ < BUSY_RETRIES) {
          await sleep(BUSY_WAIT_MS);
          continue;
        }
        await finish(backup);
        throw err;
      }
      if (backup.failed) throw new Error('The online backup failed');
      control.onProgress?.({ done: backup.pageCount - backup.remaining, total: backup.pageCount });
    }
    return { pages: backup.pageCount };
  } finally {
    await exec(db, 'ROLLBACK').catch(() => undefined);
    await close(db);
  }
}
