/**
 * Delivery to an export target (issue 4):
 *
 * 1. 100,000 rows of the customer register exported to a target through the outbox, and the delivered .xlsx read
 *    back with ExcelJS's streaming reader (every row counted, codes in order), on the large benchmark office (the
 *    unit suite runs the same check on 100,000 bulk-made customers: tests/unit/delivery/largeExport.test.ts).
 * 2. Throughput of delivering a 50 MB file to a local target folder — copy under a temporary name with the
 *    read-back SHA-256 trailing the writes, flushes during the copy and at the end, rename — against a plain `cp`
 *    of the same outbox file into the same folder, in the same run, alternating. Target: delivery ≥ 80 % of cp's
 *    throughput. `cp` neither flushes nor verifies, so the table also shows `cp` followed by an fsync of the copy,
 *    which is what the delivery guarantee costs at least, and the delivery against that — and a copy that only
 *    writes and flushes as deliverFile does (chunks, a flush started every 8 MiB, a final fsync) with no check at
 *    all: the share of cp that flushing alone leaves, whatever the verification costs.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { createBackend, type Backend, type Caller } from '../../electron/backend';
import { insertJob, outboxPath, putInOutbox } from '../../electron/backend/delivery/outbox';
import { deliverFile } from '../../electron/backend/delivery/copyToTarget';
import type { TargetRecord } from '../../shared/schemas/delivery';
import { benchCaller, type Benchmark } from './context';
import { heading, stats, type Row } from './measure';

const run = promisify(execFile);
const ROWS = 100_000;
const FILE_MB = 50;
const THROUGHPUT_RUNS = 15;
const TARGET_RATIO = 0.8;

/** Codes KH000001…KH099999 and KH100000: the seed numbers customers from 1, so this is 100,000 rows. */
const view = {
  filterModel: {
    code: {
      filterType: 'text',
      operator: 'OR',
      conditions: [
        { filterType: 'text', type: 'startsWith', filter: 'KH0' },
        { filterType: 'text', type: 'equals', filter: 'KH100000' },
      ],
    },
  },
  sortModel: [{ colId: 'code', sort: 'asc' }],
  quickSearch: '',
};

async function benchTarget(backend: Backend, caller: Caller, name: string, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  const page = (await backend.invoke(caller, 'delivery.targets.query', { startRow: 0, endRow: 100, quickSearch: name })) as { rows: TargetRecord[] };
  const found = page.rows.find((r) => r.name === name);
  if (found) return found.id;
  const made = (await backend.invoke(caller, 'delivery.targets.create', { target: { name, folder, subFolder: '' } })) as TargetRecord;
  return made.id;
}

/** Reads a delivered register back with ExcelJS: how many data rows, and whether the codes ascend from first to last. */
async function readBack(path: string): Promise<{ rows: number; first: string; last: string; ordered: boolean }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache' });
  let rows = 0;
  let first = '';
  let last = '';
  let ordered = true;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number <= 3) continue;
      const code = String((row.values as ExcelJS.CellValue[])[1]);
      if (rows === 0) first = code;
      else if (code <= last) ordered = false;
      last = code;
      rows++;
    }
  }
  return { rows, first, last, ordered };
}

/** deliverFile's writing and flushing without its temporary name, read-back or hash: what the flush alone costs. */
async function flushedCopy(from: string, to: string, chunkBytes: number): Promise<void> {
  const source = await open(from, 'r');
  const target = await open(to, 'w');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let position = 0;
    let sinceFlush = 0;
    let flushing: Promise<void> | null = null;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, chunkBytes, position);
      if (bytesRead === 0) break;
      await target.write(buffer, 0, bytesRead, position);
      position += bytesRead;
      sinceFlush += bytesRead;
      if (sinceFlush >= 8 * 2 ** 20 && !flushing) {
        sinceFlush = 0;
        flushing = target.sync().then(() => void (flushing = null));
      }
    }
    await flushing;
    await target.sync();
  } finally {
    await source.close();
    await target.close();
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  await handle.sync();
  await handle.close();
}

export const deliveryBench: Benchmark = {
  name: 'delivery',
  description: '100,000-row register to a target (checked with ExcelJS); 50 MB delivery vs cp',
  async run(ctx) {
    const office = await ctx.largeOffice();
    // No delivery timer: the bench runs every attempt itself, so the timer never takes a job before cp has read it.
    const backend = await createBackend({ dataDir: office.dataDir, delivery: { autoStart: false } });
    const rows: Row[] = [];
    try {
      const caller = await benchCaller(backend, { username: 'bench-delivery', displayName: '发送测试', roles: ['admin'], projectStaff: true });
      const folder = join(ctx.workDir, 'delivery-target');
      await rm(folder, { recursive: true, force: true });
      const targetId = await benchTarget(backend, caller, '基准测试目标', folder);

      // 1. The 100,000-row register, exported to the target and read back.
      rows.push(heading(`Export of ${ROWS.toLocaleString('en-US')} customers → .xlsx → outbox → target, read back with ExcelJS`));
      let t = performance.now();
      const file = (await backend.invoke(caller, 'customers.export', { view, columns: ['code', 'name', 'abcClass', 'managerName', 'phone', 'address'], format: 'xlsx', locale: 'zh-CN', targetId })) as {
        rows: number;
        delivery: { jobId: number };
      };
      const exportMs = performance.now() - t;
      t = performance.now();
      await backend.delivery.runDue();
      const deliverMs = performance.now() - t;
      const job = await backend.store.reader.get<{ status: string; finalPath: string; bytes: number }>(
        'SELECT status, final_path AS finalPath, bytes FROM delivery_jobs WHERE id = ?',
        [file.delivery.jobId],
      );
      t = performance.now();
      const back = job?.finalPath ? await readBack(job.finalPath) : null;
      const readMs = performance.now() - t;
      const ok = job?.status === 'delivered' && back?.rows === ROWS && back.ordered && back.first === 'KH000001' && back.last === 'KH100000';
      ctx.log(`  100k: export ${(exportMs / 1000).toFixed(1)} s, delivery ${(deliverMs / 1000).toFixed(2)} s, read back ${(readMs / 1000).toFixed(1)} s → ${back?.rows ?? 0} rows`);
      rows.push(
        { label: `export (${file.rows.toLocaleString('en-US')} rows, ${((job?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB) and queue`, median: `${(exportMs / 1000).toFixed(2)} s` },
        { label: 'delivery to the target (copy, SHA-256 check, flush, rename)', median: `${(deliverMs / 1000).toFixed(2)} s` },
        {
          label: `ExcelJS reads the delivered file: ${back?.rows.toLocaleString('en-US') ?? 0} data rows, ${back?.first ?? '?'} … ${back?.last ?? '?'}`,
          median: `${(readMs / 1000).toFixed(2)} s`,
          target: `${ROWS.toLocaleString('en-US')} rows, in order`,
          verdict: ok ? 'meets' : 'misses',
        },
      );
      if (job?.finalPath) await rm(job.finalPath, { force: true });

      // 2. Throughput: a 50 MB file, delivery vs cp, alternating in the same run.
      const scratch = join(ctx.workDir, 'delivery-scratch');
      await mkdir(scratch, { recursive: true });
      const source = join(scratch, 'fifty.bin');
      await writeFile(source, randomBytes(FILE_MB * 2 ** 20));
      const wholeJob: number[] = [];
      const copyOnly: number[] = [];
      const cp: number[] = [];
      const cpSync: number[] = [];
      const flushOnly: number[] = [];
      const settings = backend.delivery.settings;
      for (let i = 0; i < THROUGHPUT_RUNS; i++) {
        const kept = await putInOutbox(backend.dataDir, source);
        const jobId = await backend.store.write((tx) =>
          insertJob(tx, { ...kept, registerKey: null, register: '基准测试', fileName: `基准测试_${i}.bin`, rows: 0, targetId, userId: null, userName: 'bench', createdAt: new Date().toISOString() }),
        );
        const outboxFile = outboxPath(backend.dataDir, kept.outboxFile);
        const copy = join(folder, `cp-${i}.bin`);
        // Four ways to copy the same outbox file into the folder, in a rotating order so load from elsewhere falls
        // on all of them alike; then the whole job, last, since it removes the outbox file the others read.
        const probes: [number[], () => Promise<void>][] = [
          [cp, async () => void (await run('cp', [outboxFile, copy]))],
          [cpSync, async () => {
            await run('cp', [outboxFile, copy]);
            await fsyncFile(copy);
          }],
          [flushOnly, () => flushedCopy(outboxFile, copy, settings.chunkBytes)],
          [copyOnly, async () => {
            const out = await deliverFile(
              { jobId: 0, source: outboxFile, bytes: kept.bytes, sha256: kept.sha256, fileName: `copy_${i}.bin`, register: '基准测试', exportDate: '2026-11-26', target: { folder, subFolder: '', manifest: false }, pendingPath: null, manifestLine: {} },
              { fs: backend.delivery.fs, timeouts: { opMs: settings.opTimeoutMs, chunkMs: settings.chunkTimeoutMs }, chunkBytes: settings.chunkBytes, notePendingPath: async () => undefined },
            );
            await rm(out.finalPath);
          }],
        ];
        for (let k = 0; k < probes.length; k++) {
          const [into, probe] = probes[(i + k) % probes.length]!;
          t = performance.now();
          await probe();
          into.push(performance.now() - t);
          await rm(copy, { force: true });
        }
        t = performance.now();
        await backend.delivery.runDue();
        wholeJob.push(performance.now() - t);
        const done = await backend.store.reader.get<{ status: string; finalPath: string }>('SELECT status, final_path AS finalPath FROM delivery_jobs WHERE id = ?', [jobId]);
        if (done?.status !== 'delivered') throw new Error(`bench job ${jobId} was not delivered`);
        await rm(done.finalPath);
        ctx.log(
          `  50 MB run ${i + 1}/${THROUGHPUT_RUNS}: job ${wholeJob.at(-1)!.toFixed(0)} ms, copy ${copyOnly.at(-1)!.toFixed(0)} ms, flushed copy without check ${flushOnly.at(-1)!.toFixed(0)} ms, cp ${cp.at(-1)!.toFixed(0)} ms, cp+fsync ${cpSync.at(-1)!.toFixed(0)} ms`,
        );
      }
      await rm(scratch, { recursive: true, force: true });
      const mbps = (ms: number) => FILE_MB / (ms / 1000);
      const [j, d, c, cs, f] = [stats(wholeJob), stats(copyOnly), stats(cp), stats(cpSync), stats(flushOnly)];
      const share = (a: number, b: number) => `${((b / a) * 100).toFixed(0)} %`;
      const ratio = c.median / j.median;
      rows.push(
        heading(`Delivery of a ${FILE_MB} MB file to a local target folder vs cp (${THROUGHPUT_RUNS} runs, rotating; median, and best in p95's column)`),
        { label: 'cp of the same outbox file into the target folder', median: `${mbps(c.median).toFixed(0)} MB/s`, p95: `${mbps(c.min).toFixed(0)} MB/s` },
        { label: 'cp, then fsync of the copy', median: `${mbps(cs.median).toFixed(0)} MB/s`, p95: `${mbps(cs.min).toFixed(0)} MB/s` },
        { label: 'writes and flushes as deliverFile does, no check at all', median: `${mbps(f.median).toFixed(0)} MB/s`, p95: `${mbps(f.min).toFixed(0)} MB/s` },
        { label: 'the copy alone (deliverFile: temp name, trailing SHA-256, flushes, rename)', median: `${mbps(d.median).toFixed(0)} MB/s`, p95: `${mbps(d.min).toFixed(0)} MB/s` },
        { label: 'the whole job (runDue: + attempt log, job row, outbox removal)', median: `${mbps(j.median).toFixed(0)} MB/s`, p95: `${mbps(j.min).toFixed(0)} MB/s` },
        { label: 'the copy as a share of cp + fsync (median; best runs)', median: share(d.median, cs.median), p95: share(d.min, cs.min), target: '≥ 80 % of cp + fsync', verdict: cs.median / d.median >= TARGET_RATIO ? 'meets' : 'misses' },
        { label: 'the whole job as a share of cp + fsync (median; best runs)', median: share(j.median, cs.median), p95: share(j.min, cs.min) },
        { label: 'flushing alone (no check) as a share of cp (median; best runs): the ceiling for any flushed copy', median: share(f.median, c.median), p95: share(f.min, c.min) },
        {
          label: 'the whole job as a share of cp (median; best runs)',
          median: share(j.median, c.median),
          p95: share(j.min, c.min),
          target: `≥ ${TARGET_RATIO * 100} % of cp`,
          verdict: ratio >= TARGET_RATIO ? 'meets' : 'misses',
        },
      );
    } finally {
      await backend.close();
    }
    return rows;
  },
};
