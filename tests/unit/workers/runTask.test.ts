import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { runTask, WorkerStopped } from '../../../electron/backend/workers/runTask';

const tasksModule = new URL('./fixtures/testTasks.ts', import.meta.url);
const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});
async function tempFile(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'neiqin-worker-'));
  dirs.push(dir);
  return join(dir, name);
}

/** A feed that yields `count` chunks, resolving `onSent(n)` as each is pulled, and waits on `gate` before chunk `pauseAt`. */
async function* numbers(count: number, pauseAt?: number, gate?: Promise<void>): AsyncGenerator<string> {
  for (let i = 1; i <= count; i++) {
    if (i === pauseAt) await gate;
    yield `line ${i}`;
  }
}

describe('runTask: a named task in a worker thread', () => {
  it('returns the output of the task, with its input', async () => {
    expect(await runTask('test.echo', { text: '内勤' }, { tasksModule })).toBe('echo: 内勤');
  });

  it('relays every progress message in order', async () => {
    const seen: unknown[] = [];
    await runTask('test.progress', { steps: 5 }, { tasksModule, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((done) => ({ done, total: 5 })));
  });

  it('streams the feed to the task in order, all of it', async () => {
    const path = await tempFile('lines.txt');
    const n = await runTask('test.lines', { path }, { tasksModule, feed: numbers(500), maxInFlight: 2, output: path });
    expect(n).toBe(500);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(500);
    expect(lines[0]).toBe('line 1');
    expect(lines[499]).toBe('line 500');
  });

  it('holds the feed back to maxInFlight chunks the worker has not taken (backpressure)', async () => {
    const path = await tempFile('lines.txt');
    let pulled = 0;
    let acked = 0;
    async function* counted() {
      for (let i = 1; i <= 200; i++) {
        pulled++;
        // At most maxInFlight (3) sent and not taken, one taken and being written, one in the feed's hand.
        expect(pulled - acked).toBeLessThanOrEqual(3 + 2);
        yield `line ${i}`;
      }
    }
    await runTask('test.lines', { path }, { tasksModule, feed: counted(), maxInFlight: 3, onProgress: (p) => (acked = (p as { lines: number }).lines) });
    expect(pulled).toBe(200);
  });

  it('cancelled mid-way: the task stops, the partial file is removed, the run ends with the cancel error', async () => {
    const path = await tempFile('lines.txt');
    const controller = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = runTask('test.lines', { path }, {
      tasksModule,
      feed: numbers(1000, 50, gate),
      output: path,
      signal: controller.signal,
      cancelled: () => new AppError('CONFLICT', 'exports.errors.cancelled'),
      onProgress: (p) => {
        // 49 lines are in the file and the feed waits at line 50: cancel now, then let the feed go on.
        if ((p as { lines: number }).lines === 49) {
          expect(existsSync(path)).toBe(true);
          controller.abort();
          release();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CONFLICT', message: 'exports.errors.cancelled' });
    expect(existsSync(path)).toBe(false);
  });

  it('ends the thread of a task that ignores the cancel after the grace time, and removes its file', async () => {
    const path = await tempFile('deaf.txt');
    const controller = new AbortController();
    const started = performance.now();
    const run = runTask('test.deaf', { path }, { tasksModule, output: path, signal: controller.signal, graceMs: 200, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.cancelled' });
    expect(existsSync(path)).toBe(false);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses at once when the signal has already fired, starting nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runTask('test.echo', { text: 'x' }, { tasksModule, signal: controller.signal })).rejects.toMatchObject({ message: 'errors.cancelled' });
  });

  it('brings an AppError back intact: code, message key, field issues and params', async () => {
    const err = await runTask('test.refuse', {}, { tasksModule }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toShape()).toEqual({
      code: 'VALIDATION',
      message: 'v.invalid',
      details: { issues: [{ path: 'name', key: 'v.required' }], params: { max: 3 } },
    });
  });

  it('brings other errors back with their Node code and the worker stack', async () => {
    const err = (await runTask('test.nodeError', {}, { tasksModule }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err).not.toBeInstanceOf(AppError);
    expect(err.message).toBe('disk full');
    expect(err.code).toBe('ENOSPC');
    expect(err.stack).toContain('testTasks.ts');
  });

  it('a worker that exits mid-task is a clear error, not a hang', async () => {
    const err = await runTask('test.exit', {}, { tasksModule }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerStopped);
    expect((err as Error).message).toMatch(/test\.exit.*exit code 3/);
  });

  it('an uncaught exception in the worker is a clear error, not a hang', async () => {
    const err = await runTask('test.uncaught', {}, { tasksModule }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerStopped);
    expect((err as Error).message).toContain('boom outside the task');
  });

  it('an unknown task name is an error', async () => {
    await expect(runTask('test.nothing', {}, { tasksModule })).rejects.toThrow(/No worker task named test\.nothing/);
  });
});
