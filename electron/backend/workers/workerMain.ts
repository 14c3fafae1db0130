import { parentPort } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { TASKS, type TaskTable } from './tasks';
import { toWorkerError, type FromWorker, type ToWorker } from './protocol';
import type { Task } from './task';

/**
 * The worker thread's main: runs the tasks it is sent, one at a time — feeds each the chunks the caller streams,
 * relays its progress, reports its output or its error — then waits for the next (the caller may keep the
 * thread for reuse, pool.ts).
 */
const port = parentPort;
if (!port) throw new Error('workerMain runs only inside a worker thread');

interface Run {
  id: number;
  controller: AbortController;
  queue: unknown[];
  ended: boolean;
  wake: (() => void) | null;
}
let current: Run | null = null;

port.on('message', (message: ToWorker) => {
  if (message.type === 'start') return void start(message);
  const run = current;
  if (!run || run.id !== message.run) return; // a late message of a finished run
  if (message.type === 'chunk') run.queue.push(message.chunk);
  else if (message.type === 'end') run.ended = true;
  else run.controller.abort();
  run.wake?.();
});

/** The caller's chunks in order; each one taken is acknowledged so the caller may send the next. */
async function* chunks(run: Run, post: (m: FromWorker) => void): AsyncGenerator<unknown> {
  for (;;) {
    // A cancelled task must never see a short stream as a complete one.
    if (run.controller.signal.aborted) throw new AppError('CONFLICT', 'errors.cancelled');
    if (run.queue.length) {
      const chunk = run.queue.shift();
      post({ run: run.id, type: 'ack' });
      yield chunk;
    } else if (run.ended) return;
    else await new Promise<void>((resolve) => (run.wake = resolve));
  }
}

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const run: Run = { id: message.run, controller: new AbortController(), queue: [], ended: false, wake: null };
  current = run;
  const post = (m: FromWorker) => port!.postMessage(m);
  try {
    const table: TaskTable = message.tasksModule ? ((await import(message.tasksModule)) as { TASKS: TaskTable }).TASKS : TASKS;
    const load = Object.prototype.hasOwnProperty.call(table, message.task) ? table[message.task] : undefined;
    if (!load) throw new Error(`No worker task named ${message.task}`);
    const task = (await load()) as Task<unknown>;
    const output = await task({
      input: message.input,
      chunks: chunks(run, post),
      progress: (progress) => post({ run: run.id, type: 'progress', progress }),
      signal: run.controller.signal,
    });
    post({ run: run.id, type: 'done', output });
  } catch (err) {
    post({ run: run.id, type: 'failed', error: toWorkerError(err) });
  } finally {
    if (current === run) current = null;
  }
}
