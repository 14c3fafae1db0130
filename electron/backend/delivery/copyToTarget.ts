import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { expandSubFolder } from '@shared/deliveryPaths';
import type { DeliveryFs, ReadableFile } from './fsLayer';
import { checkAborted, DeliveryFailure, failureOf, withTimeout } from './failures';
import { freeSpace } from './targetCheck';
import { safeFileName, temporaryName, withSuffix } from './fileNames';

/**
 * One attempt to put one outbox file on its target, with the guarantees of exports.md: copy under a temporary
 * name → flush, and verify size and SHA-256 by reading it back → give it its final name without ever replacing a
 * file (a hard link fails on an existing name; `(2)`, `(3)` … are tried) → remove the temporary name. A reader of
 * the share never sees a file under its final name that is not complete and verified.
 *
 * Plain async code with an AbortSignal and a progress callback, so it can move into a worker thread (issue 4
 * item 6) unchanged.
 */

export interface CopyTimeouts {
  /** Each operation on the target (stat, mkdir, open, flush, rename …) waits at most this long. */
  opMs: number;
  /** Writing or reading one chunk waits at most this long: a share that stalls mid-copy fails the attempt. */
  chunkMs: number;
}

export interface CopyHooks {
  /** Called before each chunk is written (tests slow the copy down, or take the folder away mid-copy). */
  beforeChunk?(info: { jobId: number; written: number; bytes: number }): Promise<void> | void;
  /** Called once the temporary file is verified, just before it takes its final name. */
  beforeRename?(info: { jobId: number; tempPath: string }): Promise<void> | void;
  /** Called once the file has its final name, before the job is recorded as delivered (crash tests stop here). */
  afterRename?(info: { jobId: number; finalPath: string }): Promise<void> | void;
}

export interface DeliverRequest {
  jobId: number;
  /** The file in the outbox. */
  source: string;
  bytes: number;
  sha256: string;
  fileName: string;
  register: string;
  /** The export's local date (YYYY-MM-DD): the {yyyy}/{MM}/{dd} of the sub-folder. */
  exportDate: string;
  target: { folder: string; subFolder: string; manifest: boolean };
  /** The final path an earlier attempt was about to take (see delivery_jobs.pending_path). */
  pendingPath: string | null;
  manifestLine: Record<string, unknown>;
}

export interface DeliverEnv {
  fs: DeliveryFs;
  timeouts: CopyTimeouts;
  chunkBytes: number;
  signal?: AbortSignal;
  hooks?: CopyHooks;
  /** Records the final name about to be taken, before taking it (null clears it). */
  notePendingPath(path: string | null): Promise<void>;
  onProgress?(written: number, bytes: number): void;
}

export interface DeliverOutcome {
  finalPath: string;
  /** True when an earlier attempt had already put the file in place (it was cut short before recording it). */
  recovered: boolean;
  /** Set when the file was delivered but its manifest line could not be written. */
  manifestError: string | null;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EINVAL', 'EOPNOTSUPP']);
const MAX_SUFFIX = 999;

/** The folder a file goes to: the target folder plus its expanded sub-folders, proven to stay inside it. */
export function folderFor(target: DeliverRequest['target'], register: string, exportDate: string): string {
  const segments = expandSubFolder(target.subFolder, { register, date: exportDate });
  const dir = join(target.folder, ...segments);
  const rel = relative(target.folder, dir);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new DeliveryFailure('badPath', `leaves the target: ${dir}`);
  return dir;
}

export async function deliverFile(req: DeliverRequest, env: DeliverEnv): Promise<DeliverOutcome> {
  const { fs, timeouts } = env;
  const op = <T>(p: Promise<T>, what: string) => withTimeout(p, timeouts.opMs, what);

  // The outbox copy is the job's only copy: without it there is nothing to deliver (never guess).
  const source = await open(req.source, 'r').catch((err: unknown) => {
    throw new DeliveryFailure('outboxMissing', err instanceof Error ? err.message : String(err));
  });
  let tempPath: string | null = null;
  try {
    const root = await op(fs.stat(req.target.folder), 'stat target').catch((err: unknown) => {
      throw failureOf(err).reason === 'timeout' ? failureOf(err) : new DeliveryFailure('unreachable', failureOf(err).detail);
    });
    if (!root.isDirectory()) throw new DeliveryFailure('unreachable', `not a folder: ${req.target.folder}`);
    const dir = folderFor(req.target, req.register, req.exportDate);
    tempPath = join(dir, temporaryName(req.jobId));

    if (req.pendingPath && (await isOurFile(req.pendingPath, req, env))) {
      // A previous attempt renamed the verified file and was stopped before it could say so: it is delivered.
      await op(fs.unlink(tempPath), 'remove temporary file').catch(() => undefined);
      await env.notePendingPath(null);
      return { finalPath: req.pendingPath, recovered: true, manifestError: await appendManifest(req, req.pendingPath, env) };
    }

    await op(fs.mkdir(dir), 'create sub-folder');
    const free = await freeSpace(dir, { fs, timeoutMs: timeouts.opMs });
    if (free !== null && free < req.bytes) throw new DeliveryFailure('full', `${free} bytes free, ${req.bytes} needed`);

    await copyInto(tempPath, source, req, env);
    await env.hooks?.beforeRename?.({ jobId: req.jobId, tempPath });
    checkAborted(env.signal);

    const finalPath = await takeFinalName(dir, tempPath, req, env);
    tempPath = null;
    await env.hooks?.afterRename?.({ jobId: req.jobId, finalPath });
    await op(fs.syncDir(dir), 'flush folder').catch(() => undefined);
    return { finalPath, recovered: false, manifestError: await appendManifest(req, finalPath, env) };
  } catch (err) {
    if (tempPath) await withTimeout(fs.unlink(tempPath), timeouts.opMs, 'remove temporary file').catch(() => undefined);
    throw failureOf(err);
  } finally {
    await source.close().catch(() => undefined);
  }
}

async function copyInto(tempPath: string, source: ReadableFile, req: DeliverRequest, env: DeliverEnv): Promise<void> {
  const { fs, timeouts } = env;
  const file = await withTimeout(fs.openWrite(tempPath), timeouts.opMs, 'create temporary file', (late) => void late.close().catch(() => undefined));
  let closed = false;
  try {
    const buffer = Buffer.allocUnsafe(Math.min(env.chunkBytes, Math.max(req.bytes, 1)));
    let written = 0;
    while (written < req.bytes) {
      checkAborted(env.signal);
      await env.hooks?.beforeChunk?.({ jobId: req.jobId, written, bytes: req.bytes });
      const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, req.bytes - written), written);
      if (bytesRead === 0) throw new DeliveryFailure('outboxMissing', `the outbox file ended at ${written} of ${req.bytes} bytes`);
      let done = 0;
      while (done < bytesRead) {
        const { bytesWritten } = await withTimeout(file.write(buffer, done, bytesRead - done), timeouts.chunkMs, 'write');
        done += bytesWritten;
      }
      written += bytesRead;
      env.onProgress?.(written, req.bytes);
    }
    // The flush and the read-back run side by side: reading returns the very bytes the flush writes out, and the
    // rename waits for both, so nothing reaches the final name unflushed or unverified (and the delivery is not
    // slowed by doing one after the other).
    // A share may hold the whole file in its write cache: the flush may take as long as writing every chunk did.
    const flushMs = Math.max(timeouts.opMs, timeouts.chunkMs * Math.ceil(req.bytes / buffer.length));
    await Promise.all([withTimeout(file.sync(), flushMs, 'flush'), verify(tempPath, req, env)]);
    closed = true;
    await withTimeout(file.close(), timeouts.opMs, 'close');
  } finally {
    if (!closed) await file.close().catch(() => undefined);
  }
}

/** Reads the copy back from the target: its size and SHA-256 must be the outbox file's. */
async function verify(path: string, req: DeliverRequest, env: DeliverEnv): Promise<void> {
  const { fs, timeouts } = env;
  const info = await withTimeout(fs.stat(path), timeouts.opMs, 'stat copy');
  if (info.size !== req.bytes) throw new DeliveryFailure('verifyFailed', `size ${info.size}, expected ${req.bytes}`);
  const hash = await hashOf(path, req.bytes, env);
  if (hash !== req.sha256) throw new DeliveryFailure('verifyFailed', `SHA-256 ${hash}, expected ${req.sha256}`);
}

async function hashOf(path: string, bytes: number, env: DeliverEnv): Promise<string> {
  const { fs, timeouts } = env;
  const file = await withTimeout(fs.openRead(path), timeouts.opMs, 'open copy', (late) => void late.close().catch(() => undefined));
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(env.chunkBytes, Math.max(bytes, 1)));
    let position = 0;
    for (;;) {
      checkAborted(env.signal);
      const { bytesRead } = await withTimeout(file.read(buffer, 0, buffer.length, position), timeouts.chunkMs, 'read back');
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return hash.digest('hex');
  } finally {
    await file.close().catch(() => undefined);
  }
}

/** Whether `path` holds exactly this job's file (size and hash), as a crash after the rename leaves it. */
async function isOurFile(path: string, req: DeliverRequest, env: DeliverEnv): Promise<boolean> {
  try {
    const info = await withTimeout(env.fs.stat(path), env.timeouts.opMs, 'stat final');
    return info.size === req.bytes && (await hashOf(path, req.bytes, env)) === req.sha256;
  } catch {
    return false;
  }
}

/**
 * Gives the verified temporary file its final name, never replacing a file: a hard link fails with EEXIST when
 * the name is taken, so two writers can never both get one name. Where the share has no hard links, the name is
 * checked free and the file renamed (Neiqin delivers one file at a time, so only another program racing for
 * the very same name in that instant could collide).
 */
async function takeFinalName(dir: string, tempPath: string, req: DeliverRequest, env: DeliverEnv): Promise<string> {
  const { fs, timeouts } = env;
  const op = <T>(p: Promise<T>, what: string) => withTimeout(p, timeouts.opMs, what);
  const name = safeFileName(req.fileName);
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const candidate = join(dir, withSuffix(name, n));
    await env.notePendingPath(candidate);
    try {
      await op(fs.link(tempPath, candidate), 'link final name');
      await op(fs.unlink(tempPath), 'remove temporary name').catch(() => undefined);
      return candidate;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'EEXIST') continue;
      if (!code || !NO_HARD_LINKS.has(code)) throw err;
      const taken = await op(fs.stat(candidate), 'stat final name').then(
        () => true,
        (e: unknown) => {
          if ((e as { code?: string }).code === 'ENOENT') return false;
          throw e;
        },
      );
      if (taken) continue;
      await op(fs.rename(tempPath, candidate), 'rename');
      return candidate;
    }
  }
  throw new DeliveryFailure('failed', `no free name for ${name} in ${dir}`);
}

/** One JSON line per delivered file in `_manifest.jsonl` at the target's root; a failure here does not undo the delivery. */
async function appendManifest(req: DeliverRequest, finalPath: string, env: DeliverEnv): Promise<string | null> {
  if (!req.target.manifest) return null;
  const file = relative(req.target.folder, finalPath).split(sep).join('/');
  const line = `${JSON.stringify({ file, ...req.manifestLine })}\n`;
  try {
    await withTimeout(env.fs.appendFile(join(req.target.folder, '_manifest.jsonl'), line), env.timeouts.opMs, 'append manifest');
    return null;
  } catch (err) {
    return failureOf(err).message;
  }
}
