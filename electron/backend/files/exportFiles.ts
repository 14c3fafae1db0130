import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

interface ExportedFileEntry {
  path: string;
  fileName: string;
  userId: number;
  createdAt: number;
}

/**
 * Files an export produced, waiting for the host to hand them to the user (save dialog or download).
 * The renderer only ever holds the opaque id; the path stays in the backend.
 */
export class ExportFiles {
  private readonly entries = new Map<string, ExportedFileEntry>();

  constructor(private readonly dir: string) {}

  /** Reserves a place for a new export and returns its id and path. */
  async reserve(fileName: string, userId: number): Promise<{ fileId: string; path: string }> {
    const fileId = randomBytes(18).toString('base64url');
    const folder = join(this.dir, fileId);
    await mkdir(folder, { recursive: true });
    const path = join(folder, 'export.bin');
    this.entries.set(fileId, { path, fileName, userId, createdAt: Date.now() });
    return { fileId, path };
  }

  /** The file behind an id, for the user who made it. */
  resolve(fileId: string, userId: number): { path: string; fileName: string } | null {
    const entry = this.entries.get(fileId);
    if (!entry || entry.userId !== userId) return null;
    return { path: entry.path, fileName: entry.fileName };
  }

  /** Forgets an export that did not finish (cancelled, failed) and removes its folder: nothing is left behind. */
  async discard(fileId: string): Promise<void> {
    const entry = this.entries.get(fileId);
    this.entries.delete(fileId);
    if (entry) await rm(join(this.dir, fileId), { recursive: true, force: true });
  }

  /** Removes exports older than a day (they were saved or abandoned long ago). */
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
