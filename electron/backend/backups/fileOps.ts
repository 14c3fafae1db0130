import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, link, open, rename, rm, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { cancelled, type JobControl } from './onlineCopy';

export const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Flushes a file's bytes to the disk. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (a rename) to the disk; Windows cannot open a folder for this and needs no help. */
export async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // EISDIR / EPERM on Windows: NTFS journals the rename itself.
  }
}

/** Copies a file with progress (bytes) and cancel, then flushes it. */
export async function copyWithProgress(
  source: string,
  dest: string,
  control: JobControl = {},
): Promise<void> {
  const total = (await stat(source)).size;
  let done = 0;
  let last = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, next) {
      done += chunk.length;
      if (done - last >= 4 * 2 ** 20 || done === total) {
        last = done;
        control.onProgress?.({ done, total });
      }
      next(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), counter, createWriteStream(dest, { flags: 'wx' }), {
      signal: control.signal,
    });
  } catch (err) {
    await rm(dest, { force: true });
    if (control.signal?.aborted) throw cancelled();
    throw err;
  }
  await fsyncFile(dest);
}

/** What `keepCurrent` did, so a failed restore can put everything back. */
export interface KeptFiles {
  main: string;
  kept: string;
  /** The -wal file moved along (it may hold committed pages the main file does not). */
  movedWal: boolean;
}

/**
 * Keeps the current database file under `kept` before a restore replaces it, with every connection closed.
 * A hard link costs nothing and leaves `main` in place until the atomic rename replaces it, so at no moment is
 * there no database (a crash mid-restore opens the old file); where links are impossible the file is copied.
 * A leftover -wal belongs to the old file: it moves with it (never to be applied to the restored one), and the
 * -shm index is dropped.
 */
export async function keepCurrent(main: string, kept: string): Promise<KeptFiles> {
  try {
    await link(main, kept);
  } catch {
    await copyFile(main, kept);
    await fsyncFile(kept);
  }
  let movedWal = false;
  if (await exists(`${main}-wal`)) {
    await rename(`${main}-wal`, `${kept}-wal`);
    movedWal = true;
  }
  await rm(`${main}-shm`, { force: true });
  return { main, kept, movedWal };
}

/** Puts the kept file back in place (a restore that could not open the new file). */
export async function putBack(files: KeptFiles): Promise<void> {
  await rm(`${files.main}-shm`, { force: true });
  await rm(`${files.main}-wal`, { force: true });
  if (files.movedWal) await rename(`${files.kept}-wal`, `${files.main}-wal`);
  await copyFile(files.kept, `${files.main}.back`);
  await rename(`${files.main}.back`, files.main);
}
