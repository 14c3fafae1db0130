import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Connection } from '../../../electron/backend/db/connection';
import { NewerDatabaseError } from '../../../electron/backend/db/migrate';
import { MIGRATIONS } from '../../../electron/backend/db/migrations';
import { DB_FILE, openStore } from '../../../electron/backend/db/store';
import { manualClock } from '../../../electron/backend/clock';
import { tempDir } from '../helpers/env';

const clock = manualClock('2026-11-25T02:00:00Z');
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function dataDir(): Promise<string> {
  const { dir, remove } = await tempDir('neiqin-migrate-');
  cleanups.push(remove);
  return dir;
}

async function applied(dir: string): Promise<{ id: number; name: string }[]> {
  const conn = await Connection.open(join(dir, DB_FILE), { readOnly: true });
  try {
    return await conn.all('SELECT id, name FROM schema_migrations ORDER BY id');
  } finally {
    await conn.close();
  }
}

async function tableNames(file: string): Promise<string[]> {
  const conn = await Connection.open(file, { readOnly: true });
  try {
    return (
      await conn.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    ).map((r) => r.name);
  } finally {
    await conn.close();
  }
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps and have distinct names', () => {
    expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
  });

  it('records every migration on a fresh database, without a backup', async () => {
    const dir = await dataDir();
    const store = await openStore({ dataDir: dir, clock });
    expect(store.migration.applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(store.migration.backupFile).toBeNull();
    await store.close();
    expect(await applied(dir)).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    expect(await tableNames(join(dir, DB_FILE))).toEqual(
      expect.arrayContaining(['users', 'audit_log', 'customers', 'customer_changes', 'staff']),
    );
    expect(await readdir(dir)).not.toContain('backups');
  });

  it('applies nothing when the database is already current', async () => {
    const dir = await dataDir();
    await (await openStore({ dataDir: dir, clock })).close();
    const again = await openStore({ dataDir: dir, clock });
    expect(again.migration).toEqual({ applied: [], backupFile: null });
    await again.close();
    expect(await applied(dir)).toHaveLength(MIGRATIONS.length);
    expect(await readdir(dir)).not.toContain('backups');
  });

  it('copies the database to backups/ before migrating an existing one', async () => {
    const dir = await dataDir();
    const first = await openStore({ dataDir: dir, clock, migrations: MIGRATIONS.slice(0, 1) });
    expect(first.migration.applied).toEqual([1]);
    await first.write((tx) =>
      tx.run(
        `INSERT INTO settings (key, value, updated_at) VALUES ('probe', '"kept"', '2026-11-25T02:00:00.000Z')`,
      ),
    );
    await first.close();
    expect(await tableNames(join(dir, DB_FILE))).not.toContain('customers');

    const second = await openStore({ dataDir: dir, clock });
    expect(second.migration.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.id));
    const backupFile = second.migration.backupFile;
    expect(backupFile).not.toBeNull();
    await second.close();

    expect(await readdir(join(dir, 'backups'))).toHaveLength(1);
    expect(backupFile!.startsWith(join(dir, 'backups'))).toBe(true);
    // The copy is the database as it was before: migration 1 only, with its data.
    const backup = await Connection.open(backupFile!, { readOnly: true });
    try {
      expect(await backup.all('SELECT id, name FROM schema_migrations')).toEqual([
        { id: 1, name: MIGRATIONS[0]!.name },
      ]);
      expect(await backup.get(`SELECT value FROM settings WHERE key = 'probe'`)).toEqual({ value: '"kept"' });
      expect(await backup.get(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'customers'`)).toEqual({
        n: 0,
      });
    } finally {
      await backup.close();
    }
    expect(await applied(dir)).toHaveLength(MIGRATIONS.length);
  });

  it('refuses a database written by a newer app and leaves it unchanged', async () => {
    const dir = await dataDir();
    await (await openStore({ dataDir: dir, clock })).close();
    const file = join(dir, DB_FILE);
    const conn = await Connection.open(file);
    await conn.run(
      `INSERT INTO schema_migrations (id, name, applied_at) VALUES (99, 'from_the_future', '2027-01-01T00:00:00.000Z')`,
    );
    await conn.close();
    const before = await sha256(file);
    const filesBefore = (await readdir(dir)).sort();

    const error = await openStore({ dataDir: dir, clock }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as NewerDatabaseError).applied.map((m) => m.id)).toEqual([
      ...MIGRATIONS.map((m) => m.id),
      99,
    ]);

    expect(await sha256(file)).toBe(before);
    expect((await readdir(dir)).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')).sort()).toEqual(
      filesBefore.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')),
    );
    expect((await applied(dir)).map((m) => m.id)).toEqual([...MIGRATIONS.map((m) => m.id), 99]);
  });

  it('refuses a database whose migration history differs from ours (same id, other name)', async () => {
    const dir = await dataDir();
    await (await openStore({ dataDir: dir, clock, migrations: MIGRATIONS.slice(0, 1) })).close();
    const conn = await Connection.open(join(dir, DB_FILE));
    await conn.run(`UPDATE schema_migrations SET name = 'someone_elses' WHERE id = 1`);
    await conn.close();
    await expect(openStore({ dataDir: dir, clock })).rejects.toBeInstanceOf(NewerDatabaseError);
    expect(await tableNames(join(dir, DB_FILE))).not.toContain('customers');
  });

  it('rolls a failing migration back and leaves the database at the previous version', async () => {
    const dir = await dataDir();
    await (await openStore({ dataDir: dir, clock })).close();
    const broken = {
      id: MIGRATIONS.length + 1,
      name: 'broken',
      sql: `CREATE TABLE probe_half_done (x INTEGER);
            INSERT INTO probe_half_done VALUES (1);
            INSERT INTO no_such_table VALUES (1);`,
    };
    await expect(openStore({ dataDir: dir, clock, migrations: [...MIGRATIONS, broken] })).rejects.toThrow(
      /Migration \d+_broken failed/,
    );

    expect(await applied(dir)).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    expect(await tableNames(join(dir, DB_FILE))).not.toContain('probe_half_done');
    // The database still opens normally with the app's own migrations.
    const store = await openStore({ dataDir: dir, clock });
    expect(store.migration.applied).toEqual([]);
    await store.close();
  });

  it('rolls back a failing migration on a fresh database, keeping the earlier ones', async () => {
    const dir = await dataDir();
    const broken = { id: 2, name: 'broken', sql: `CREATE TABLE probe_x (x); SELECT no_such_function();` };
    await expect(openStore({ dataDir: dir, clock, migrations: [MIGRATIONS[0]!, broken] })).rejects.toThrow(
      /Migration 2_broken failed/,
    );
    expect(await applied(dir)).toEqual([{ id: 1, name: MIGRATIONS[0]!.name }]);
    expect(await tableNames(join(dir, DB_FILE))).not.toContain('probe_x');
  });

  it('fills data SQL cannot compute (the pinyin name key) for customers already on file', async () => {
    const dir = await dataDir();
    const before = MIGRATIONS.findIndex((m) => m.name === 'name_sort');
    const old = await openStore({ dataDir: dir, clock, migrations: MIGRATIONS.slice(0, before) });
    await old.write(async (tx) => {
      await tx.run(
        `INSERT INTO staff (employee_no, name, created_at, updated_at) VALUES ('KM1', '王经理', 'x', 'x')`,
      );
      await tx.run(
        `INSERT INTO customers (code, name, abc_class, manager_staff_id, registered_on, created_at, updated_at)
         VALUES ('C1', '重庆长城', 'B', 1, '2026-01-01', 'x', 'x'), ('C2', '阿里商行', 'C', 1, '2026-01-01', 'x', 'x')`,
      );
    });
    await old.close();
    const store = await openStore({ dataDir: dir, clock });
    cleanups.push(() => store.close());
    const rows = await store.reader.all<{ code: string; name_sort: string }>(
      'SELECT code, name_sort FROM customers ORDER BY name_sort',
    );
    expect(rows.map((r) => r.code)).toEqual(['C2', 'C1']);
    expect(rows[1]!.name_sort.startsWith('chong qing chang cheng')).toBe(true);
  });
});
