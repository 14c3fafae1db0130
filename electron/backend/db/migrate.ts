import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from './connection';
import type { Migration } from './migrations';
import type { Clock } from '../clock';

export class NewerDatabaseError extends Error {
  constructor(readonly applied: { id: number; name: string }[]) {
    super(
      `This database was written by a newer Neiqin (migrations ${applied.map((m) => `${m.id}_${m.name}`).join(', ')}); ` +
        'it will not be opened by this older version.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface MigrationOutcome {
  applied: number[];
  backupFile: string | null;
}

/**
 * Brings the database up to this app's schema. Refuses a database whose applied migrations are not a prefix of
 * ours (written by a newer app), and copies an existing database to `backups/` before changing it.
 */
export async function migrate(
  db: Connection,
  migrations: readonly Migration[],
  options: { backupsDir: string; clock: Clock },
): Promise<MigrationOutcome> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const applied = await db.all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
  const isPrefix =
    applied.length <= migrations.length &&
    applied.every((row, i) => row.id === migrations[i]!.id && row.name === migrations[i]!.name);
  if (!isPrefix) throw new NewerDatabaseError(applied);

  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return { applied: [], backupFile: null };

  let backupFile: string | null = null;
  if (applied.length > 0) {
    await mkdir(options.backupsDir, { recursive: true });
    const stamp = options.clock.now().toISOString().replace(/[:.]/g, '-');
    backupFile = join(options.backupsDir, `neiqin-before-migration-${applied.at(-1)!.id}-to-${pending.at(-1)!.id}-${stamp}.sqlite`);
    // VACUUM INTO writes a consistent, compact copy even while WAL holds recent pages.
    await db.run('VACUUM INTO ?', [backupFile]);
  }

  for (const m of pending) {
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(m.sql);
      if (m.backfill) await m.backfill(db);
      await db.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
        m.id,
        m.name,
        options.clock.now().toISOString(),
      ]);
      await db.exec('COMMIT');
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${m.id}_${m.name} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  return { applied: pending.map((m) => m.id), backupFile };
}
