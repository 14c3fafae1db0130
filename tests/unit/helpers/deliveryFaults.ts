import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeDeliveryFs, type DeliveryFs, type WritableFile } from '../../../electron/backend/delivery/fsLayer';
import { insertJob, putInOutbox } from '../../../electron/backend/delivery/outbox';
import type { Backend } from '../../../electron/backend/index';

/**
 * Fault injection for delivery tests: a DeliveryFs whose operations pass through to the real file system unless
 * a test sets a replacement in `faults` (and clears it again). Used where the machine cannot produce the fault
 * itself — a read-only folder when tests run as root, a disk that fills, a share that stops answering.
 */
export function faultyFs(): { fs: DeliveryFs; faults: Partial<DeliveryFs> } {
  const faults: Partial<DeliveryFs> = {};
  const fs = Object.fromEntries(
    (Object.keys(nodeDeliveryFs) as (keyof DeliveryFs)[]).map((name) => [
      name,
      (...args: unknown[]) => ((faults[name] ?? nodeDeliveryFs[name]) as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as unknown as DeliveryFs;
  return { fs, faults };
}

/** An error as Node's fs reports it (`code` and `errno`-style message). */
export function fsError(code: string, path = ''): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, '${path}'`), { code });
}

/** A file that accepts `limit` bytes and then fails every write with `code` (a disk filling up). */
export function fillingFile(inner: WritableFile, limit: number, code = 'ENOSPC'): WritableFile {
  let written = 0;
  return {
    async write(buffer, offset, length) {
      if (written + length > limit) throw fsError(code);
      written += length;
      return inner.write(buffer, offset, length);
    },
    sync: () => inner.sync(),
    close: () => inner.close(),
  };
}

/**
 * Hands a file of `bytes` random bytes to the outbox for a target, as an export would, and returns the job id.
 * Random content: a copy that loses or changes any byte cannot pass the hash check by chance.
 */
export async function queueFile(backend: Backend, targetId: number, bytes: number, fileName = '测试台账_2026-11-25_1000.xlsx'): Promise<number> {
  const scratch = join(backend.dataDir, 'scratch');
  await mkdir(scratch, { recursive: true });
  const source = join(scratch, `${randomBytes(6).toString('hex')}.bin`);
  await writeFile(source, randomBytes(bytes));
  const kept = await putInOutbox(backend.dataDir, source);
  await rm(source);
  return backend.store.write((tx) =>
    insertJob(tx, {
      ...kept,
      registerKey: null,
      register: '测试台账',
      fileName,
      rows: 1,
      targetId,
      userId: null,
      userName: '测试',
      createdAt: new Date('2026-11-25T02:00:00Z').toISOString(),
    }),
  );
}

export const runsAsRoot = process.getuid?.() === 0;

/** Whether this machine lets the tests mount a small tmpfs (root with CAP_SYS_ADMIN, Linux). */
export function canMountTmpfs(probeDir: string): boolean {
  if (process.platform !== 'linux' || !runsAsRoot) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probeDir], { stdio: 'ignore' });
    execFileSync('umount', [probeDir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // Already unmounted.
  }
}

/** Makes a folder refuse new files even for root: the immutable attribute (ext4 and others; needs CAP_LINUX_IMMUTABLE). */
export function setImmutable(dir: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
