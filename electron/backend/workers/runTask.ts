import type { Worker } from 'node:worker_threads';
import { rm } from 'node:fs/promises';
import { AppError } from '@shared/errors';
import type { TASKS } from './tasks';
import { fromWorkerError, type FromWorker, type ToWorker } from './protocol';
import { forget, giveBackWorker, takeWorker } from './pool';
import type { Task } from './task';

type Tasks = typeof TASKS;
export type TaskName = keyof Tasks & string;
type Loaded<N extends keyof Tasks> = Awaited<ReturnType<Tasks[N]>>;
type InputOf<T> = T extends Task<infer I, unknown> ? I : never;
type OutputOf<T> = T extends Task<never, infer O> ? O : never;

export interface RunOptions {
  /** Called with each progress message the task sends (plain data, as the task sent it). */
  onProgress?: (progress: unknown) => void;
  /** Cancels: the task is told, and its thread ended if it has not stopped within `graceMs`. */
  signal?: AbortSignal;
  /** How long a cancelled task may take to stop by itself (default 3 s). */
  graceMs?: number;
  /** The error a cancelled run ends with, whatever the task said (default `errors.cancelled`). */
  cancelled?: () => Error;
  /** Chunks streamed to the task (its `ctx.chunks`), at most `maxInFlight` sent and not yet taken by it. */
  feed?: AsyncIterable<unknown>;
  maxInFlight?: number;
  /** The file the task writes: removed when the run does not finish (cancel, error, crash). */
  output?: string;
  /** Tests only: a module exporting its own `TASKS` table, instead of the app's. */
  tasksModule?: URL;
}

/** The worker thread died (crash, exit, uncaught exception) before answering. */
export class WorkerStopped extends Error {
  override name = 'WorkerStopped';
}

type Outcome = { ok: true; output: unknown } | { ok: false; error: Error };
let runs = 0;

/**
 * Runs a named task (tasks.ts) in a worker thread so that heavy work (building an .xlsx, copying and checking a
 * database) never holds up the main event loop. Resolves with the task's output; rejects with the task's error
 * (an AppError stays an AppError, message key and details intact), with `cancelled()` after a cancel, or with
 * WorkerStopped when the thread died without an answer — never hangs.
 */
export function runTask<N extends TaskName>(name: N, input: InputOf<Loaded<N>>, options?: RunOptions): Promise<OutputOf<Loaded<N>>>;
export function runTask(name: string, input: unknown, options?: RunOptions): Promise<unknown>;
export async function runTask(name: string, input: unknown, options: RunOptions = {}): Promise<unknown> {
  const cancelled = options.cancelled ?? (() => new AppError('CONFLICT', 'errors.cancelled'));
  if (options.signal?.aborted) throw cancelled();
  const outcome = await runOn(takeWorker(), ++runs, name, input, options);
  if (outcome.ok) return outcome.output;
  // A run that did not finish after a cancel is a cancel, whatever the task made of it.
  const error = options.signal?.aborted ? cancelled() : outcome.error;
  if (options.output) await rm(options.output, { force: true }).catch(() => undefined);
  throw error;
}

/** One run on one thread; settles once the outcome is known and the thread is given back or has ended. */
function runOn(worker: Worker, run: number, name: string, input: unknown, options: RunOptions): Promise<Outcome> {
  const send = (message: ToWorker) => worker.postMessage(message);
  return new Promise<Outcome>((resolve) => {
    let finished = false;
    let credits = options.maxInFlight ?? 4;
    let creditWaiter: (() => void) | null = null;
    let graceTimer: NodeJS.Timeout | null = null;

    const finish = (outcome: Outcome, reusable: boolean) => {
      if (finished) return;
      finished = true;
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      creditWaiter?.();
      if (reusable && !options.signal?.aborted) {
        giveBackWorker(worker);
        return resolve(outcome);
      }
      // Settle only once the thread has ended: its files are closed, the caller may remove them.
      forget(worker);
      void worker.terminate().then(() => resolve(outcome), () => resolve(outcome));
    };

    const onAbort = () => {
      send({ type: 'cancel', run });
      graceTimer = setTimeout(() => finish({ ok: false, error: new Error('cancelled') }, false), options.graceMs ?? 3000);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: FromWorker) => {
      if (message.run !== run) return;
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'ack') {
        credits++;
        creditWaiter?.();
      } else if (message.type === 'done') finish({ ok: true, output: message.output }, true);
      else finish({ ok: false, error: fromWorkerError(message.error) }, true);
    });
    worker.on('error', (err) => {
      const stopped = new WorkerStopped(`The worker of task ${name} failed: ${err.message}`);
      stopped.stack = `${stopped.name}: ${stopped.message}\n${err.stack ?? ''}`;
      finish({ ok: false, error: stopped }, false);
    });
    worker.on('exit', (code) => finish({ ok: false, error: new WorkerStopped(`The worker of task ${name} stopped (exit code ${code}) before finishing`) }, false));

    send({ type: 'start', run, task: name, input, tasksModule: options.tasksModule?.href ?? null });

    // Streams the feed with backpressure: at most maxInFlight chunks sent and not yet taken by the worker.
    const pump = async () => {
      if (options.feed) {
        for await (const chunk of options.feed) {
          while (credits === 0 && !finished) await new Promise<void>((r) => (creditWaiter = r));
          creditWaiter = null;
          if (finished) return;
          credits--;
          send({ type: 'chunk', run, chunk });
        }
      }
      if (!finished) send({ type: 'end', run });
    };
    pump().catch((err: unknown) => {
      // The feed failed (its SQL, say): the task must not finish a file from half the rows.
      send({ type: 'cancel', run });
      finish({ ok: false, error: err instanceof Error ? err : new Error(String(err)) }, false);
    });
  });
}
