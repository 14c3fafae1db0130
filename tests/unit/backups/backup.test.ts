import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_ID_RE } from '@shared/schemas/backups';
import { Connection } from '../../../electron/backend/db/connection';
import { DB_FILE } from '../../../electron/backend/db/store';
import { BackupCatalog } from '../../../electron/backend/backups/catalog';
import { sealAndCheck } from '../../../electron/backend/backups/checkCopy';
import { takeBackup } from '../../../electron/backend/backups/takeBackup';
import { freshBackend, tempDir, type TestEnv } from '../helpers/env';
import {
  addCustomers,
  corruptMiddlePages,
  corruptPages,
  fileSnapshot,
  jobId,
  liveSnapshot,
  rootPageOf,
} from './support';

let env: TestEnv;
afterEach(async () => {
  expect(env.loggedErrors).toEqual([]);
  await env.close();
});

const backupsDir = () => join(env.dir, 'backups');

describe('a backup (exports.md "Backups")', () => {
  it('is an online copy under neiqin_YYYY-MM-DD_HHmmss.db, checked, one self-contained file equal to the database', async () => {
    env = await freshBackend();
    await addCustomers(env, 5);
    const progress: { phase: string; done: number; total: number }[] = [];
    const id = jobId();
    const stop = env.backend.events.subscribe((name, payload) => {
      if (name === 'backup.progress' && (payload as { jobId: string }).jobId === id)
        progress.push(payload as (typeof progress)[number]);
    });
    const row = await env.call(env.admin.caller, 'backups.run', { jobId: id });
    stop();

    expect(row).toMatchObject({
      kind: 'manual',
      check: 'good',
      presence: 'present',
      restorable: true,
      detail: null,
    });
    // The local time of the manual clock (START is 10:00 in Beijing, 02:00 UTC).
    const local = new Date('2026-11-25T02:00:00Z');
    const hh = String(local.getHours()).padStart(2, '0');
    expect(row.id).toBe(`neiqin_2026-11-25_${hh}0000.db`);
    expect(row.id).toMatch(BACKUP_ID_RE);
    expect(row.schema).toBeGreaterThan(0);

    const files = await readdir(backupsDir());
    // One file, no -wal/-shm/-journal beside it, no temporary file left.
    expect(files.filter((f) => f.startsWith(row.id))).toEqual([row.id]);
    expect(files.filter((f) => f.includes('partial'))).toEqual([]);
    expect((await stat(join(backupsDir(), row.id))).size).toBe(row.size);

    expect(await fileSnapshot(join(backupsDir(), row.id), ['audit_log'])).toBe(
      await liveSnapshot(env, ['audit_log']),
    );
    expect(progress.map((p) => p.phase)).toContain('copy');
    expect(progress.at(-1)).toMatchObject({ phase: 'check', done: 1, total: 1 });
    const copy = progress.filter((p) => p.phase === 'copy').at(-1)!;
    expect(copy.done).toBe(copy.total);

    // The run is audited; a second backup in the same second gets its own name.
    const audit = await env.call(env.admin.caller, 'audit.query', {
      startRow: 0,
      endRow: 5,
      filterModel: { entity: { filterType: 'set', values: ['backup'] } },
    });
    expect(audit.rows[0]).toMatchObject({ action: 'backup', entityId: row.id });
    const second = await env.call(env.admin.caller, 'backups.run', { jobId: jobId() });
    expect(second.id).toBe(`neiqin_2026-11-25_${hh}0000-2.db`);
  });

  it('stays consistent while writes go on through the writer queue', async () => {
    env = await freshBackend();
    await env.backend.store.write((tx) =>
      tx.run(
        'CREATE TABLE load_test (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, payload BLOB NOT NULL)',
      ),
    );
    // ~2 MB to copy, so the copy takes many steps.
    for (let b = 0; b < 40; b++) {
      await env.backend.store.write(async (tx) => {
        for (let i = 0; i < 10; i++)
          await tx.run('INSERT INTO load_test (batch, payload) VALUES (?, randomblob(5000))', [b]);
      });
    }
    let writing = true;
    let batchesDuring = 0;
    let copying = false;
    const writer = (async () => {
      for (let b = 1000; writing; b++) {
        await env.backend.store.write(async (tx) => {
          for (let i = 0; i < 10; i++)
            await tx.run('INSERT INTO load_test (batch, payload) VALUES (?, randomblob(100))', [b]);
        });
        if (copying) batchesDuring++;
      }
    })();
    const entry = await env.backend.backups.backup('manual', jobId(), {
      pagesPerStep: 8,
      onProgress: (p) => {
        if (p.phase === 'copy' && p.done < p.total) copying = true;
      },
    });
    writing = false;
    await writer;

    expect(entry.check).toBe('good');
    expect(batchesDuring).toBeGreaterThan(3);
    const copy = await Connection.open(join(backupsDir(), entry.id), { readOnly: true });
    try {
      const batches = await copy.all<{ batch: number; n: number }>(
        'SELECT batch, count(*) AS n FROM load_test GROUP BY batch ORDER BY batch',
      );
      // Whole transactions only: every batch in the copy has all its 10 rows; the seed batches are all there.
      expect(batches.every((b) => b.n === 10)).toBe(true);
      expect(batches.filter((b) => b.batch < 1000)).toHaveLength(40);
      expect(await copy.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await copy.close();
    }
    const live = await env.backend.store.reader.get<{ n: number }>('SELECT count(*) AS n FROM load_test');
    expect(live!.n).toBeGreaterThan(400);
  });

  it('can be cancelled: no file under a backup name, nothing in the log', async () => {
    env = await freshBackend();
    await addCustomers(env, 3);
    const id = jobId();
    const running = env.backend.backups.backup('manual', id, {
      pagesPerStep: 1,
      onProgress: () => env.backend.backups.slot.cancel(id),
    });
    await expect(running).rejects.toMatchObject({ code: 'CONFLICT', message: 'backups.errors.cancelled' });
    expect(await readdir(backupsDir())).toEqual([]);
    expect(env.backend.backups.catalog.list()).toEqual([]);
  });

  it('refuses a second job while one runs', async () => {
    env = await freshBackend();
    const id = jobId();
    let second: unknown = null;
    await env.backend.backups.backup('manual', id, {
      pagesPerStep: 1,
      onProgress: () => {
        second ??= env.fail(env.admin.caller, 'backups.run', { jobId: jobId() });
      },
    });
    expect(await second).toEqual({ code: 'CONFLICT', message: 'backups.errors.busy' });
  });
});

describe('the integrity check of a copy', () => {
  it('moves a damaged copy to backups/bad/, logs it as bad, and never counts it', async () => {
    env = await freshBackend();
    await addCustomers(env, 40);
    const { dir, remove } = await tempDir('neiqin-damaged-');
    try {
      // A damaged table in the source yields a damaged copy: the page copy carries the damage over unread.
      await env.backend.store.write(async (tx) => {
        await tx.run('CREATE TABLE filler (id INTEGER PRIMARY KEY, payload BLOB)');
        for (let i = 0; i < 300; i++) await tx.run('INSERT INTO filler (payload) VALUES (randomblob(1500))');
      });
      const source = join(dir, 'damaged.sqlite');
      const made = await env.backend.backups.backup('manual', jobId());
      await copyFile(join(backupsDir(), made.id), source);
      await corruptPages(source, [await rootPageOf(source, 'filler')]);
      const catalog = await BackupCatalog.load(join(dir, 'backups'));
      const logged: string[] = [];
      const entry = await takeBackup(
        {
          dbFile: source,
          dir: join(dir, 'backups'),
          clock: env.clock,
          log: { info: () => undefined, error: (m) => logged.push(m) },
          catalog,
        },
        'daily',
      );
      expect(entry).toMatchObject({ check: 'bad', folder: 'bad' });
      expect(entry.detail).toBeTruthy();
      expect(logged).toHaveLength(1);
      expect(await readdir(join(dir, 'backups'))).toEqual(expect.not.arrayContaining([entry.id]));
      expect(await readdir(join(dir, 'backups', 'bad'))).toEqual([entry.id]);
      expect(catalog.list()).toEqual([expect.objectContaining({ id: entry.id, check: 'bad' })]);
    } finally {
      await remove();
    }
  });

  it('says "good" for a sound file and names the damage of a corrupted one', async () => {
    env = await freshBackend();
    await addCustomers(env, 40);
    const made = await env.backend.backups.backup('manual', jobId());
    const file = join(backupsDir(), made.id);
    expect(await sealAndCheck(file)).toMatchObject({ good: true, detail: null, newer: false });
    await corruptMiddlePages(file);
    const check = await sealAndCheck(file);
    expect(check.good).toBe(false);
    expect(check.detail).toMatch(/page|corrupt|malformed|btree/i);
  });

  it('refuses with a clear message when the live database itself is damaged where the copy reads it', async () => {
    env = await freshBackend();
    await addCustomers(env, 40);
    // Everything into the main file first, so the damage is not hidden behind newer pages in the WAL.
    const side = await Connection.open(env.backend.store.file);
    await side.get('PRAGMA wal_checkpoint(TRUNCATE)');
    await side.close();
    await corruptMiddlePages(env.backend.store.file);
    const error = await env.fail(env.admin.caller, 'backups.run', { jobId: jobId() });
    expect(error).toEqual({ code: 'CONFLICT', message: 'backups.errors.sourceDamaged' });
    expect(env.loggedErrors).toEqual([
      expect.stringMatching(/^Backup neiqin_.* impossible: the database is damaged/),
    ]);
    env.loggedErrors.length = 0;
    expect((await readdir(backupsDir())).filter((n) => !n.startsWith('.'))).toEqual([]);
  });

  it('copies the file the backend has open, with the name DB_FILE', async () => {
    env = await freshBackend();
    expect(env.backend.store.file).toBe(join(env.dir, DB_FILE));
  });
});
