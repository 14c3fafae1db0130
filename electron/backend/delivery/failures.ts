import type { DeliveryError } from '@shared/schemas/delivery';
import { PathEscapeError } from '@shared/deliveryPaths';

/** Why an attempt (or a check) failed, as the jobs page says it, plus what the OS said for the log. */
export class DeliveryFailure extends Error {
  constructor(
    readonly reason: DeliveryError,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'DeliveryFailure';
  }
}

const UNREACHABLE = new Set(['ENOENT', 'ENOTDIR', 'EHOSTDOWN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ECONNRESET', 'ECONNREFUSED', 'ENXIO', 'ESTALE', 'EBADF', 'UNKNOWN']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** Turns whatever a file operation threw into a reason the office understands. */
export function failureOf(err: unknown): DeliveryFailure {
  if (err instanceof DeliveryFailure) return err;
  if (err instanceof PathEscapeError) return new DeliveryFailure('badPath', err.message);
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if ((err as { name?: string } | null)?.name === 'AbortError') return new DeliveryFailure('interrupted', message);
  if (typeof code === 'string') {
    if (UNREACHABLE.has(code)) return new DeliveryFailure('unreachable', message);
    if (READ_ONLY.has(code)) return new DeliveryFailure('readOnly', message);
    if (FULL.has(code)) return new DeliveryFailure('full', message);
    if (code === 'ETIMEDOUT') return new DeliveryFailure('timeout', message);
  }
  return new DeliveryFailure('failed', message);
}

/**
 * Waits for a file operation at most `ms`. A share that stopped answering can block an operation for minutes;
 * this frees the delivery (and so the app) after the timeout. The operation itself may still finish later in
 * Node's thread pool; `onLate` receives its result then (to close a file that opened too late).
 */
export function withTimeout<T>(operation: Promise<T>, ms: number, what: string, onLate?: (value: T) => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new DeliveryFailure('timeout', `${what} did not answer within ${ms} ms`));
    }, ms);
  });
  operation.then(
    (value) => {
      if (timedOut) onLate?.(value);
    },
    () => undefined,
  );
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

/** Throws an AbortError when the app is closing, so an attempt stops between two writes. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const err = new Error('The delivery was interrupted (the app is closing)');
    err.name = 'AbortError';
    throw err;
  }
}
