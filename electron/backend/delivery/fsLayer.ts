import * as fsp from 'node:fs/promises';

/**
 * The file operations delivery performs on a target, behind one interface so fault tests can inject what a real
 * folder cannot always be made to do on the test machine (a read-only share when tests run as root, a full
 * disk, a share that hangs). Production uses `nodeDeliveryFs`, a thin pass-through to node:fs/promises.
 */
export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  /** Flushes the file's data to the device (fsync). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface ReadableFile {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

export interface DeliveryFs {
  stat(path: string): Promise<{ size: number; isDirectory(): boolean }>;
  mkdir(path: string): Promise<void>;
  /** Free space of the volume holding `path`. */
  statfs(path: string): Promise<{ bavail: number; bsize: number }>;
  /** Opens for writing, truncating a leftover (a temporary file of an earlier, interrupted attempt). */
  openWrite(path: string): Promise<WritableFile>;
  /** Creates a file that must not exist yet (the probe of a check). */
  openExclusive(path: string): Promise<WritableFile>;
  openRead(path: string): Promise<ReadableFile>;
  /** Gives `existing` a second name; fails with EEXIST when `newPath` exists — the no-overwrite rename. */
  link(existing: string, newPath: string): Promise<void>;
  /** Renames; may replace `newPath` (only used after checking it is free, where hard links are unsupported). */
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  appendFile(path: string, text: string): Promise<void>;
  /** Flushes a folder's entries (a rename) to the device; a no-op where folders cannot be opened (Windows). */
  syncDir(path: string): Promise<void>;
}

export const nodeDeliveryFs: DeliveryFs = {
  stat: (path) => fsp.stat(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  statfs: (path) => fsp.statfs(path),
  openWrite: (path) => fsp.open(path, 'w'),
  openExclusive: (path) => fsp.open(path, 'wx'),
  openRead: (path) => fsp.open(path, 'r'),
  link: (existing, newPath) => fsp.link(existing, newPath),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  appendFile: (path, text) => fsp.appendFile(path, text, 'utf8'),
  syncDir: async (path) => {
    if (process.platform === 'win32') return;
    const handle = await fsp.open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
