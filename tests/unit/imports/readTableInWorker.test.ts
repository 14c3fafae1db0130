import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable, type RawRow } from '../../../electron/backend/imports/readTable';
import { openTableInWorker } from '../../../electron/backend/imports/readTableInWorker';
import type { ReadSignal, RowsBatch } from '../../../electron/backend/imports/readTableTask';
import { runTask } from '../../../electron/backend/workers/runTask';
import { idleThreads } from '../../../electron/backend/workers/pool';
import { tempDir } from '../helpers/env';
import { csvText, refusal, rowsOf, xlsxBytes } from '../helpers/imports';

/**
 * platform.md: imports are long work that must not hold up the main process's event loop. An upload's rows are
 * parsed in a worker thread (imports/readTableTask.ts) and reach the import in batches: the same rows as the
 * reader on this thread, the same refusals, a bounded queue whatever the file's size, and an early stop that
 * gives the thread back.
 */
describe('reading an upload in a worker thread', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let n = 0;
  beforeAll(async () => ({ dir, remove } = await tempDir('neiqin-read-worker-')));
  afterAll(() => remove());

  async function file(name: string, bytes: Uint8Array | string): Promise<string> {
    const path = join(dir, `${++n}-${name}`);
    await writeFile(path, bytes);
    return path;
  }

  const customerRows = (count: number) => [
    ['客户编号', '客户名称', '客户等级', '登记日期'],
    ...Array.from({ length: count }, (_, i) => [`KH${String(i + 1).padStart(6, '0')}`, `杭州第${i + 1}商贸有限公司`, 'ABC'[i % 3]!, '2026-11-25']),
  ];

  it('gives the same rows as the reader on this thread: dates, numbers, formulas, row numbers, sheet name', async () => {
    const path = await file('a.xlsx', await xlsxBytes([
      ['客户编号', '客户名称', '登记日期', '授信额度'],
      ['KH-001', '杭州华东商贸有限公司', new Date(Date.UTC(2026, 10, 25)), 50000.5],
      [null, null, null, null],
      ['KH-002', { formula: 'B2&"分公司"', result: '杭州华东商贸有限公司分公司' }, '2026/11/25', null],
      ...customerRows(1200).slice(1),
    ], { sheetName: '客户台账' }));
    const here = await openTable(path, '客户.xlsx');
    const there = await openTableInWorker(path, '客户.xlsx');
    const [mine, theirs] = [await rowsOf(here), await rowsOf(there)];
    expect(theirs.length).toBe(1203);
    expect(theirs).toEqual(mine);
    expect(theirs[1]!.cells[2]).toBeInstanceOf(Date);
    expect(theirs[2]!.cells[1]).toEqual({ formula: '=B2&"分公司"' });
    expect(there.kind).toBe('xlsx');
    expect(there.sheetName).toBe('客户台账');
    expect(there.bytesRead()).toBe(there.size);
  });

  it('tells a GB18030 .csv by its bytes, as on this thread', async () => {
    // GBK bytes of the header 客户编号,客户名称,客户等级 and one row, as Excel's plain "CSV (逗号分隔)" writes them.
    const gbk = Buffer.from(
      'bfcdbba7b1e0bac52cbfcdbba7c3fbb3c62cbfcdbba7b5c8bcb60d0a4b482d3030312cbabcd6ddbbaab6abc9ccc3b3d3d0cfdeb9abcbbe2c410d0a',
      'hex',
    );
    const there = await openTableInWorker(await file('gbk.csv', gbk), '客户.csv');
    const rows = await rowsOf(there);
    expect(there.encoding).toBe('gb18030');
    expect(rows.map((r) => r.cells)).toEqual([['客户编号', '客户名称', '客户等级'], ['KH-001', '杭州华东商贸有限公司', 'A']]);
  });

  it('refuses what cannot be read with the same messages: an .xls at once, a damaged .xlsx and a broken .csv from the worker', async () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal(openTableInWorker(await file('old.xls', ole2), '客户台账.xls'))).key).toBe('imports.errors.xls');
    expect((await refusal(openTableInWorker(await file('empty.csv', ''), 'empty.csv'))).key).toBe('imports.errors.empty');
    const zipButNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    expect((await refusal(rowsOf(await openTableInWorker(await file('damaged.xlsx', zipButNotXlsx), 'damaged.xlsx')))).key).toBe('imports.errors.unreadable');
    const broken = '客户编号,客户名称\r\nKH-001,"杭州华东商贸有限公司\r\n'; // a quote never closed
    expect((await refusal(rowsOf(await openTableInWorker(await file('broken.csv', broken), 'broken.csv')))).key).toBe('imports.errors.badCsv');
  });

  it('sends no more than its window of batches ahead of what the import has taken', async () => {
    const path = await file('big.csv', csvText(customerRows(20_000)));
    const batches: RowsBatch[] = [];
    const controller = new AbortController();
    // A feed that never says 'more': the task may send its first window of batches and no more.
    const never: AsyncIterable<ReadSignal> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<ReadSignal>>(() => undefined) }) };
    const run = runTask('import.read', { path, fileName: 'big.csv', batchRows: 500, window: 3 }, {
      feed: never,
      onProgress: (b) => batches.push(b as RowsBatch),
      signal: controller.signal,
    });
    run.catch(() => undefined);
    await waitFor(() => batches.length >= 3);
    await new Promise((r) => setTimeout(r, 400));
    expect(batches.map((b) => b.rows.length)).toEqual([500, 500, 500]);
    expect(batches[2]!.rows.at(-1)!.cells[0]).toBe('KH001499');
    controller.abort();
    expect((await refusal(run)).key).toBe('errors.cancelled');
  });

  it('stops early when the import has what it needs and gives its thread back; a full read after it gets every row', async () => {
    const path = await file('many.csv', csvText(customerRows(20_000)));
    const table = await openTableInWorker(path, 'many.csv');
    const first: RawRow[] = [];
    const started = performance.now();
    for await (const row of table.rows()) {
      first.push(row);
      if (first.length === 6) break;
    }
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(first.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(idleThreads()).toBeGreaterThan(0);

    const all = await rowsOf(await openTableInWorker(path, 'many.csv'));
    expect(all.length).toBe(20_001);
    expect(all.map((r) => r.row)).toEqual(Array.from({ length: 20_001 }, (_, i) => i + 1));
    expect(all.at(-1)!.cells[0]).toBe('KH020000');
  });

  it('leaves the main thread mostly idle while a large .xlsx is parsed', async () => {
    const path = await file('large.xlsx', await xlsxBytes(customerRows(30_000)));
    /** How busy this thread's event loop was during `work` (0…1), and how long it took. */
    const busy = async (work: () => Promise<void>) => {
      const before = performance.eventLoopUtilization();
      const started = performance.now();
      await work();
      return { utilization: performance.eventLoopUtilization(before).utilization, ms: performance.now() - started };
    };
    let count = 0;
    const worker = await busy(async () => {
      for await (const _ of (await openTableInWorker(path, 'large.xlsx')).rows()) count++;
    });
    expect(count).toBe(30_001);
    // The same file parsed on this thread, for comparison: unzipping and parsing the XML keep it busy throughout.
    const inline = await busy(async () => {
      for await (const _ of (await openTable(path, 'large.xlsx')).rows()) void _;
    });
    console.log(
      `parsing 30,000 rows — in the worker: this thread busy ${(worker.utilization * 100).toFixed(0)} % of ${worker.ms.toFixed(0)} ms; ` +
        `on this thread: busy ${(inline.utilization * 100).toFixed(0)} % of ${inline.ms.toFixed(0)} ms`,
    );
    expect(worker.utilization).toBeLessThan(inline.utilization * 0.6);
  }, 120_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
