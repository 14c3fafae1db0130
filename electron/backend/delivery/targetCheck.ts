import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { TargetState } from '@shared/schemas/delivery';
import type { DeliveryFs } from './fsLayer';
import { DeliveryFailure, failureOf, withTimeout } from './failures';

export interface CheckResult {
  state: Exclude<TargetState, 'unchecked'>;
  /** What the OS said when the state is not ok; null when ok. */
  detail: string | null;
  freeBytes: number | null;
}

export interface CheckOptions {
  fs: DeliveryFs;
  /** Each operation on the folder waits at most this long (a dead share must not hang the backend). */
  timeoutMs: number;
  /** Below this much free space the target is 空间不足. */
  minFreeBytes: number;
}

const PROBE = Buffer.from('neiqin probe\n');

/** 可用 / 不可达 / 只读 / 空间不足 from a failure's reason. */
export function stateOfFailure(failure: DeliveryFailure): CheckResult['state'] {
  if (failure.reason === 'readOnly') return 'readOnly';
  if (failure.reason === 'full') return 'full';
  return 'unreachable';
}

/**
 * Checks a target folder: it exists and is a folder, a probe file can be written, flushed and removed, and its
 * volume has room. Never throws; every step is bounded by the timeout.
 */
export async function checkTargetFolder(folder: string, options: CheckOptions): Promise<CheckResult> {
  const { fs, timeoutMs } = options;
  try {
    const info = await withTimeout(fs.stat(folder), timeoutMs, 'stat');
    if (!info.isDirectory()) throw new DeliveryFailure('unreachable', `ENOTDIR: not a folder: ${folder}`);
    const probe = join(folder, `.~neiqin-probe-${randomBytes(6).toString('hex')}.tmp`);
    const file = await withTimeout(fs.openExclusive(probe), timeoutMs, 'create probe', (late) => void late.close().catch(() => undefined));
    try {
      await withTimeout(file.write(PROBE, 0, PROBE.length), timeoutMs, 'write probe');
      await withTimeout(file.sync(), timeoutMs, 'flush probe');
    } finally {
      await withTimeout(file.close(), timeoutMs, 'close probe').catch(() => undefined);
      await withTimeout(fs.unlink(probe), timeoutMs, 'remove probe').catch(() => undefined);
    }
    const freeBytes = await freeSpace(folder, options);
    if (freeBytes !== null && freeBytes < options.minFreeBytes) {
      return { state: 'full', detail: `${freeBytes} bytes free`, freeBytes };
    }
    return { state: 'ok', detail: null, freeBytes };
  } catch (err) {
    const failure = failureOf(err);
    return { state: stateOfFailure(failure), detail: `${failure.reason}: ${failure.detail}`.slice(0, 500), freeBytes: null };
  }
}

/** Free bytes for an unprivileged writer, or null where the volume cannot say (some network file systems). */
export async function freeSpace(folder: string, options: Pick<CheckOptions, 'fs' | 'timeoutMs'>): Promise<number | null> {
  try {
    const s = await withTimeout(options.fs.statfs(folder), options.timeoutMs, 'statfs');
    return Number(s.bavail) * Number(s.bsize);
  } catch (err) {
    const failure = failureOf(err);
    if (failure.reason === 'unreachable' || failure.reason === 'timeout') throw failure;
    return null;
  }
}
