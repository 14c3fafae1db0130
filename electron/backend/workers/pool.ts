import { Worker } from 'node:worker_threads';
import { workerFile } from './launch';

/** Idle threads kept warm for the next task: starting one costs little bundled, but ~0.5 s under tsx. */
const MAX_IDLE = 2;
/** An idle thread not reused within this time is ended. */
const IDLE_MS = 15_000;

/** Drops a run's listeners; only these events — the Worker's own internal listeners must stay. */
export function forget(worker: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) worker.removeAllListeners(event);
}

/**
 * A thread's old-generation heap limit: a runaway task (a bug, an input far beyond the limits) ends as
 * WorkerStopped (out of memory) instead of taking the whole app down. The tasks of today stream and stay far
 * below it (import.read included: a 100,000-row .xlsx streams, only its shared strings are held); a task that needs
 * more should stream too before this is raised.
 */
const HEAP_LIMIT_MB = 256;

const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

/** How many threads wait warm for the next task (tests check that a task stopped early gives its thread back). */
export function idleThreads(): number {
  return idle.length;
}

/** A worker thread for one task: a warm idle one, or a new one. */
export function takeWorker(): Worker {
  for (;;) {
    const spare = idle.pop();
    if (!spare) break;
    clearTimeout(spare.timer);
    forget(spare.worker);
    if (spare.worker.threadId < 0) continue; // it has exited meanwhile
    spare.worker.ref();
    return spare.worker;
  }
  const { file, entry } = workerFile();
  return new Worker(file, { workerData: { entry }, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
}

/**
 * Gives back a thread whose task finished normally (output or error). A thread that was cancelled, crashed or
 * ended is never given back. Idle threads do not keep the process alive.
 */
export function giveBackWorker(worker: Worker): void {
  forget(worker);
  if (idle.length >= MAX_IDLE) return void worker.terminate();
  worker.unref();
  const entry = { worker, timer: setTimeout(() => drop(entry), IDLE_MS).unref() };
  worker.once('exit', () => drop(entry, false));
  worker.on('error', () => drop(entry));
  idle.push(entry);
}

function drop(entry: { worker: Worker; timer: NodeJS.Timeout }, terminate = true): void {
  const i = idle.indexOf(entry);
  if (i >= 0) idle.splice(i, 1);
  clearTimeout(entry.timer);
  if (terminate) void entry.worker.terminate();
}
