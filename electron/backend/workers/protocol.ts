import { AppError, ERROR_CODES, type ErrorCode, type ErrorDetails } from '@shared/errors';

/**
 * The messages between a caller (runTask.ts) and its worker (workerMain.ts). Plain data only: everything crosses
 * the thread boundary by structured clone, so no functions, no class instances. A worker runs one task at a time
 * and may be reused for the next (pool.ts); every message names its run, so a late chunk of one run never
 * reaches the next.
 */
export type ToWorker =
  | { type: 'start'; run: number; task: string; input: unknown; tasksModule: string | null }
  | { type: 'chunk'; run: number; chunk: unknown }
  | { type: 'end'; run: number }
  | { type: 'cancel'; run: number };

export type FromWorker = { run: number } & (
  | { type: 'progress'; progress: unknown }
  /** The worker took one chunk off its queue: the caller may send another (backpressure). */
  | { type: 'ack' }
  | { type: 'done'; output: unknown }
  | { type: 'failed'; error: WorkerError }
);

/** An error as it crosses the boundary: an AppError keeps its code, message key and details intact. */
export interface WorkerError {
  app: boolean;
  name: string;
  message: string;
  /** AppError's code, or a Node/SQLite code (`SQLITE_CORRUPT`, `ENOSPC`) the caller may test. */
  code?: string;
  details?: ErrorDetails;
  stack?: string;
}

export function toWorkerError(err: unknown): WorkerError {
  if (err instanceof AppError) return { app: true, name: err.name, message: err.message, code: err.code, details: err.details, stack: err.stack };
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return { app: false, name: e.name, message: e.message, stack: e.stack, ...(typeof code === 'string' ? { code } : {}) };
}

/** Back into an error on the caller's side: an AppError again, or an Error carrying the worker's stack and code. */
export function fromWorkerError(data: WorkerError): Error {
  if (data.app && (ERROR_CODES as readonly string[]).includes(data.code ?? ''))
    return new AppError(data.code as ErrorCode, data.message, data.details);
  const err = new Error(data.message) as Error & { code?: string };
  err.name = data.name;
  if (data.code) err.code = data.code;
  if (data.stack) err.stack = data.stack;
  return err;
}
