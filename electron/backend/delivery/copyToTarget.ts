import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { expandSubFolder } from '@shared/deliveryPaths';
import type { DeliveryFs, ReadableFile, WritableFile } from './fsLayer';
import { checkAborted, DeliveryFailure, failureOf, withTimeout } from './failures';
import { freeSpace } from './targetCheck';
import { safeFileName, temporaryName, withSuffix } from './fileNames';

/**
 * One attempt to put one outbox file on its target, with the guarantees of exports.md: copy under a temporary
 * name, reading each chunk back from the target → flush, and check size and SHA-256 of what the target holds →
 * give it its final name without ever replacing a file (a hard link fails on an existing name; `(2)`, `(3)` … are
 * tried) → remove the temporary name. A reader of the share never sees a file under its final name that is not
 * complete and verified.
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

/** How much is written between two flushes started during the copy (see copyInto). */
const FLUSH_AHEAD_BYTES = 8 * 1024 * 1024;
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

/**
 * Copies the outbox file under the temporary name and verifies it, as one pipeline (tests/bench/README.md has the
 * figures that chose it). The writer never waits for the check: while it writes chunk i (Node's thread pool) and
 * reads chunk i+1 from the outbox, a reader trails it, reading back from the target what is written so far and
 * hashing it (the main thread). Once everything is written the flush starts at once, beside whatever hashing is
 * left. What is verified is what the target holds — every byte is read back through the target after it was
 * written — and the rename waits for the flush, the size check and the hash, so nothing reaches a final name
 * unflushed or unverified. Every FLUSH_AHEAD_BYTES a flush is started without waiting for it, so the disk works
 * while the copy goes on. The outbox file's own hash is known already: it is not read twice.
 */
async function copyInto(tempPath: string, source: ReadableFile, req: DeliverRequest, env: DeliverEnv): Promise<void> {
  const { fs, timeouts } = env;
  const file = await withTimeout(fs.openWrite(tempPath), timeouts.opMs, 'create temporary file', (late) => void late.close().catch(() => undefined));
  let closed = false;
  let back: ReadableFile | null = null;
  let checking: Promise<void> = Promise.resolve();
  try {
    back = await withTimeout(fs.openRead(tempPath), timeouts.opMs, 'open copy', (late) => void late.close().catch(() => undefined));
    const size = Math.min(env.chunkBytes, Math.max(req.bytes, 1));
    const verifier = new ReadBack(back, size, env);
    // Two buffers on the outbox side: one is being written while the next chunk is read into the other.
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    const readChunk = async (buffer: Buffer, at: number): Promise<number> => {
      const { bytesRead } = await source.read(buffer, 0, Math.min(size, req.bytes - at), at);
      if (bytesRead === 0) throw new DeliveryFailure('outboxMissing', `the outbox file ended at ${at} of ${req.bytes} bytes`);
      return bytesRead;
    };
    let written = 0;
    let flushedAhead = 0;
    let flushingAhead: Promise<void> | null = null;
    let current = req.bytes > 0 ? await readChunk(buffers[0]!, 0) : 0;
    for (let i = 0; written < req.bytes; i++) {
      checkAborted(env.signal);
      await env.hooks?.beforeChunk?.({ jobId: req.jobId, written, bytes: req.bytes });
      const after = written + current;
      const next = after < req.bytes ? readChunk(buffers[(i + 1) % 2]!, after) : Promise.resolve(0);
      next.catch(() => undefined); // awaited below; if the write fails first it must not surface as unhandled
      await writeAll(file, buffers[i % 2]!, current, timeouts.chunkMs);
      written = after;
      env.onProgress?.(written, req.bytes);
      // Flushing ahead: the disk starts writing while the copy goes on, so the flush at the end has little left.
      if (written - flushedAhead >= FLUSH_AHEAD_BYTES && !flushingAhead) {
        flushedAhead = written;
        flushingAhead = file.sync().then(
          () => void (flushingAhead = null),
          () => void (flushingAhead = null), // the flush at the end reports what matters
        );
      }
      // The check trails the writer: it reads back up to what is written now, after what it was asked before.
      const upTo = written;
      checking = checking.then(() => verifier.upTo(upTo));
      checking.catch(() => undefined); // awaited below
      current = await next;
    }
    // A share may hold the whole file in its write cache: the flush may take as long as writing every chunk did.
    const flushMs = Math.max(timeouts.opMs, timeouts.chunkMs * Math.ceil(req.bytes / size));
    const flush = withTimeout(file.sync(), flushMs, 'flush');
    flush.catch(() => undefined); // awaited below
    const info = await withTimeout(fs.stat(tempPath), timeouts.opMs, 'stat copy');
    if (info.size !== req.bytes) throw new DeliveryFailure('verifyFailed', `size ${info.size}, expected ${req.bytes}`);
    await checking;
    await verifier.upTo(req.bytes);
    const hash = verifier.digest();
    await flush;
    if (hash !== req.sha256) throw new DeliveryFailure('verifyFailed', `SHA-256 ${hash}, expected ${req.sha256}`);
    closed = true;
    await withTimeout(file.close(), timeouts.opMs, 'close');
  } finally {
    // The reader may still be busy when the copy failed: let it stop before its file is closed.
    await checking.catch(() => undefined);
    await back?.close().catch(() => undefined);
    if (!closed) await file.close().catch(() => undefined);
  }
}

async function writeAll(file: WritableFile, buffer: Buffer, length: number, chunkMs: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesWritten } = await withTimeout(file.write(buffer, done, length - done), chunkMs, 'write');
    done += bytesWritten;
  }
}

/** Reads the temporary file back from the target, in order, hashing what it finds. */
class ReadBack {
  private readonly hash = createHash('sha256');
  private readonly buffer: Buffer;
  private position = 0;

  constructor(
    private readonly file: ReadableFile,
    chunk: number,
    private readonly env: DeliverEnv,
  ) {
    this.buffer = Buffer.allocUnsafe(chunk);
  }

  /** Reads and hashes everything before `end` not read yet. */
  async upTo(end: number): Promise<void> {
    while (this.position < end) {
      checkAborted(this.env.signal);
      const length = Math.min(this.buffer.length, end - this.position);
      const { bytesRead } = await withTimeout(this.file.read(this.buffer, 0, length, this.position), this.env.timeouts.chunkMs, 'read back');
      if (bytesRead === 0) throw new DeliveryFailure('verifyFailed', `the copy ended at ${this.position} of ${end} bytes`);
      this.hash.update(this.buffer.subarray(0, bytesRead));
      this.position += bytesRead;
    }
  }

  digest(): string {
    return this.hash.digest('hex');
  }
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
