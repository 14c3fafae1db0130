/**
 * Backup of a 1 GiB database (issue 4: "backup time of a 1 GB database (printed)"): the start-up quick check, the
 * online copy (backup API, paged, one read snapshot) and the integrity check of the copy, in a child process so
 * its peak memory is its own; next to it a plain file copy of the same database (`copyFile`) as the floor.
 * The database is the shared 200,000-customer office topped up with a filler table (random blobs and an index) to
 * 1 GiB, built once in .work/backup-1gib/.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '../../electron/backend/db/connection';
import { DB_FILE } from '../../electron/backend/db/store';
import { onlineCopy } from '../../electron/backend/backups/onlineCopy';
import type { Benchmark, BenchContext } from './context';
import { heading, type Row } from './measure';

const TARGET_BYTES = 2 ** 30;
const ROOT = resolve(import.meta.dirname, '../..');

async function prepare(ctx: BenchContext): Promise<string> {
  const dataDir = join(ctx.workDir, 'backup-1gib');
  const file = join(dataDir, DB_FILE);
  if (existsSync(file) && (await stat(file)).size >= TARGET_BYTES) {
    ctx.log(`Reusing ${file} (${((await stat(file)).size / 2 ** 30).toFixed(2)} GiB)`);
    return dataDir;
  }
  const office = await ctx.largeOffice();
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  ctx.log(`Building a 1 GiB database in ${dataDir}: the 200,000-customer office plus filler rows …`);
  await onlineCopy(office.dbFile, file);
  const db = await Connection.open(file);
  try {
    await db.exec('PRAGMA journal_mode = WAL');
    await db.exec(
      'CREATE TABLE IF NOT EXISTS bench_filler (id INTEGER PRIMARY KEY, note TEXT NOT NULL, payload BLOB NOT NULL)',
    );
    await db.exec('CREATE INDEX IF NOT EXISTS bench_filler_note ON bench_filler (note)');
    while (
      (await stat(file)).size + ((await stat(`${file}-wal`).catch(() => null))?.size ?? 0) <
      TARGET_BYTES
    ) {
      await db.exec(`BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
        INSERT INTO bench_filler (note, payload) SELECT hex(randomblob(12)), randomblob(1500) FROM n; COMMIT;`);
      await db.get('PRAGMA wal_checkpoint(TRUNCATE)');
    }
  } finally {
    await db.close();
  }
  ctx.log(`  built: ${((await stat(file)).size / 2 ** 30).toFixed(2)} GiB`);
  return dataDir;
}

interface ChildResult {
  quickCheckMs: number;
  quickCheckOk: boolean;
  totalMs: number;
  copyMs: number;
  checkMs: number;
  bytes: number;
  check: string;
  maxRssBytes: number;
  maxLoopDelayMs: number;
}

function runChild(dataDir: string): Promise<ChildResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/backupChild.ts', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c: string) => (out += c));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`backup child failed (${code}): ${out}`));
      else resolveRun(JSON.parse(line) as ChildResult);
    });
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mbps = (bytes: number, ms: number) => `${(bytes / 2 ** 20 / (ms / 1000)).toFixed(0)} MiB/s`;

export const backupBench: Benchmark = {
  name: 'backup',
  description: 'backup of a 1 GiB database: quick check, online copy, integrity check (one run)',
  async run(ctx): Promise<Row[]> {
    const dataDir = await prepare(ctx);
    const file = join(dataDir, DB_FILE);
    const size = (await stat(file)).size;
    ctx.log('  plain copyFile of the same file …');
    const cpTarget = join(dataDir, 'plain-copy.tmp');
    const t = performance.now();
    await copyFile(file, cpTarget);
    const cpMs = performance.now() - t;
    await rm(cpTarget, { force: true });
    ctx.log('  backup in a child process …');
    const r = await runChild(dataDir);
    const one = '(1 run)';
    return [
      heading(
        `Backup: ${(size / 2 ** 30).toFixed(2)} GiB database (${(size / 2 ** 20).toFixed(0)} MiB), 4 KiB pages`,
      ),
      {
        label: `start-up quick_check (${r.quickCheckOk ? 'ok' : 'DAMAGED'})`,
        median: s(r.quickCheckMs),
        p95: one,
        target: '',
        verdict: '',
      },
      {
        label: `online copy (backup API, 1,024 pages per step): ${mbps(r.bytes, r.copyMs)}`,
        median: s(r.copyMs),
        p95: one,
        target: '',
        verdict: '',
      },
      { label: 'integrity_check of the copy', median: s(r.checkMs), p95: one, target: '', verdict: '' },
      {
        label: `backup total (copy + check, result: ${r.check}): ${mbps(r.bytes, r.totalMs)}`,
        median: s(r.totalMs),
        p95: one,
        target: 'printed (issue 4)',
        verdict: '',
      },
      {
        label: `plain copyFile of the same file: ${mbps(size, cpMs)}`,
        median: s(cpMs),
        p95: one,
        target: '',
        verdict: '',
      },
      {
        label: `peak RSS of the backing-up process: ${(r.maxRssBytes / 2 ** 20).toFixed(0)} MiB`,
        median: '',
        p95: '',
        target: '',
        verdict: '',
      },
      {
        label: `longest event-loop stall during the backup: ${r.maxLoopDelayMs.toFixed(0)} ms`,
        median: '',
        p95: '',
        target: '',
        verdict: '',
      },
    ];
  },
};
