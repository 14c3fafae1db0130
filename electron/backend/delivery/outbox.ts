import { createHash, randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Tx } from '../db/writeQueue';
import type { Reader } from '../db/connection';

/**
 * The outbox (exports.md "Delivery guarantees" 1): every file bound for a target is first kept complete in the
 * data folder's `outbox/`, with its SHA-256, and a pending job row says where it goes. Delivery works from this
 * copy only, so a target that is away for days loses nothing; the copy is removed once delivered.
 *
 * Other areas hand files to a target with `putInOutbox` + `insertJob` (inside their own write transaction, with
 * their audit entry), then `delivererFor(store)?.kick()` (see deliverer.ts) — as exportRouting.ts does for exports.
 */

export const OUTBOX_DIR = 'outbox';
const READ_CHUNK = 4 * 1024 * 1024;

export function outboxDir(dataDir: string): string {
  return join(dataDir, OUTBOX_DIR);
}

export function outboxPath(dataDir: string, outboxFile: string): string {
  return join(outboxDir(dataDir), outboxFile);
}

export interface OutboxFile {
  /** The file's name inside the outbox (opaque; the job row keeps it). */
  outboxFile: string;
  bytes: number;
  sha256: string;
}

/**
 * Puts a finished file into the outbox: a hard link where possible (same volume, no copy), else a copy; then its
 * SHA-256 and size, a flush to disk, and only then its final outbox name. A crash leaves at most a `.part` file,
 * which the deliverer removes at the next start.
 */
export async function putInOutbox(dataDir: string, sourcePath: string): Promise<OutboxFile> {
  const dir = outboxDir(dataDir);
  await mkdir(dir, { recursive: true });
  const token = randomUUID();
  const part = join(dir, `${token}.part`);
  const outboxFile = `${token}.bin`;
  try {
    await link(sourcePath, part).catch(() => copyFile(sourcePath, part));
    const handle = await open(part, 'r+');
    let bytes = 0;
    const hash = createHash('sha256');
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
        bytes += bytesRead;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(part, join(dir, outboxFile));
    return { outboxFile, bytes, sha256: hash.digest('hex') };
  } catch (err) {
    await unlink(part).catch(() => undefined);
    throw err;
  }
}

export interface NewJob extends OutboxFile {
  /** Key under `registers.*` (e.g. `customers`), when the file is a register. */
  registerKey: string | null;
  /** The register's name as the file names it (客户档案台账): the `{register}` of sub-folders. */
  register: string;
  fileName: string;
  rows: number;
  targetId: number;
  userId: number | null;
  userName: string;
  /** When the file was made (ISO UTC): its local date fills {yyyy}/{MM}/{dd}. */
  createdAt: string;
}

/** Records a pending job, due at once. Runs inside the caller's write transaction. */
export async function insertJob(tx: Tx, job: NewJob): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO delivery_jobs (register_key, register, file_name, outbox_file, rows, bytes, sha256, target_id, user_id, user_name,
       status, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    [job.registerKey, job.register, job.fileName, job.outboxFile, job.rows, job.bytes, job.sha256, job.targetId, job.userId, job.userName, job.createdAt, job.createdAt],
  );
  return lastID;
}

/**
 * Removes outbox files no pending job needs: leftovers of a crash while a file was being put in (`.part`, or a
 * `.bin` whose job row was never written) and files of delivered jobs whose removal was cut short.
 */
export async function pruneOutbox(dataDir: string, db: Reader, olderThanMs: number, now: number): Promise<number> {
  const dir = outboxDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const pending = new Set((await db.all<{ f: string }>(`SELECT outbox_file AS f FROM delivery_jobs WHERE status = 'pending'`)).map((r) => r.f));
  let removed = 0;
  for (const name of names) {
    if (pending.has(name)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (!info || now - info.mtimeMs < olderThanMs) continue;
    await unlink(join(dir, name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
