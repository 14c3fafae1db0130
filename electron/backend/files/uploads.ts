import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, type AppErrorShape } from '@shared/errors';
import { UPLOAD_MAX_BYTES, UPLOAD_MAX_MB } from '@shared/schemas/imports';
import type { Caller } from '../handlers';
import type { Sessions } from '../auth/sessions';
import type { Logger } from '../log';

interface UploadEntry {
  path: string;
  fileName: string;
  size: number;
}

export interface UploadedFile {
  path: string;
  fileName: string;
  size: number;
}

/** Uploads are filed per user: an id is only ever found together with its owner. */
const entryKey = (userId: number, uploadId: string) => `${userId}-${uploadId}`;

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** The refusal of a file over the limit; the host may send it before reading the body at all. */
export function tooLargeError(size: number | null): AppError {
  return new AppError('VALIDATION', 'imports.errors.tooLarge', {
    params: { max: UPLOAD_MAX_MB, ...(size === null ? {} : { size: mb(size) }) },
  });
}

/** A file name as the user's system gave it, without any folder part and without control characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'upload').slice(0, 200);
}

/**
 * Files a user handed to the backend (imports), under `uploads/` in the data folder. The renderer never names a
 * path: the host streams the bytes here and the renderer gets an opaque id, which only its own user can use.
 */
export class UploadedFiles {
  private readonly entries = new Map<string, UploadEntry>();

  constructor(
    private readonly dir: string,
    readonly maxBytes = UPLOAD_MAX_BYTES,
  ) {}

  /**
   * Streams `source` to disk for `userId`. Beyond the limit the partial file is removed and the upload refused
   * with the limit in the message: nothing is kept.
   */
  async receive(
    userId: number,
    fileName: string,
    source: AsyncIterable<Uint8Array>,
    /** Normally a fresh random id; tests hand one file to several users under one id. */
    uploadId = randomBytes(18).toString('base64url'),
  ): Promise<{ uploadId: string; size: number }> {
    const key = entryKey(userId, uploadId);
    const folder = join(this.dir, key);
    await mkdir(folder, { recursive: true });
    const path = join(folder, 'upload.bin');
    const out = createWriteStream(path);
    let size = 0;
    let over = false;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        // Past the limit the rest is read and dropped (a browser only sees the answer once its body was taken).
        if (over || (over = size > this.maxBytes)) continue;
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', r));
      }
      if (over) throw tooLargeError(size);
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    } catch (err) {
      out.destroy();
      await rm(folder, { recursive: true, force: true });
      throw err;
    }
    this.entries.set(key, { path, fileName: cleanFileName(fileName), size });
    return { uploadId, size };
  }

  /** The file behind an id, for the user who uploaded it. */
  resolve(uploadId: string, userId: number): UploadedFile | null {
    const entry = this.entries.get(entryKey(userId, uploadId));
    if (!entry) return null;
    return { path: entry.path, fileName: entry.fileName, size: entry.size };
  }

  /** Removes an upload once it has served (an import committed). */
  async discard(uploadId: string, userId: number): Promise<void> {
    const key = entryKey(userId, uploadId);
    if (!this.entries.delete(key)) return;
    await rm(join(this.dir, key), { recursive: true, force: true });
  }

  /** Removes uploads older than a day (imported or abandoned long ago). */
  async prune(maxAgeMs = 86_400_000): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const cutoff = Date.now() - maxAgeMs;
    for (const name of names) {
      const folder = join(this.dir, name);
      const info = await stat(folder).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        this.entries.delete(name);
        await rm(folder, { recursive: true, force: true });
      }
    }
  }
}

/**
 * A host hands over a file for a caller: only a live session whose password is settled may upload; the failure
 * comes back as an AppErrorShape, as a call's would.
 */
export async function acceptUpload(
  services: { sessions: Sessions; uploads: UploadedFiles; log: Logger },
  caller: Caller,
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ uploadId: string; size: number }> {
  try {
    const session = services.sessions.resolve(caller.sessionId, true);
    if (session.mustChangePassword) throw new AppError('FORBIDDEN', 'errors.auth.mustChangePassword');
    return await services.uploads.receive(session.userId, fileName, bytes);
  } catch (err) {
    if (err instanceof AppError) throw err.toShape();
    services.log.error('upload failed', err);
    throw { code: 'INTERNAL', message: 'errors.internal' } satisfies AppErrorShape;
  }
}
