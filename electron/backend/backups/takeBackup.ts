import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import type { BackupKind } from '@shared/schemas/backups';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { BackupCatalog, CatalogEntry } from './catalog';
import { runTask } from '../workers/runTask';
import { isDamage } from './checkCopy';
import { exists, fsyncDir } from './fileOps';
import { backupFileName, partialName } from './names';
import { cancelled } from './onlineCopy';

export interface BackupJobControl {
  /** Phase and how far it has come: pages for the copy, 0/1 for the check. */
  onProgress?: (progress: { phase: 'copy' | 'check'; done: number; total: number }) => void;
  signal?: AbortSignal;
  pagesPerStep?: number;
}

export interface BackupPlace {
  /** The live database file. */
  dbFile: string;
  /** The backups folder. */
  dir: string;
  clock: Clock;
  log: Logger;
  catalog: BackupCatalog;
}

/**
 * One backup: an online copy under a temporary name, sealed and integrity-checked, then renamed to its final
 * name `neiqin_YYYY-MM-DD_HHmmss.db` — so a copy that was cut short (cancel, crash, kill) never appears under a
 * backup's name. A copy that fails its check goes to `backups/bad/` and is logged as bad; it never counts.
 */
export async function takeBackup(
  place: BackupPlace,
  kind: BackupKind,
  control: BackupJobControl = {},
): Promise<CatalogEntry> {
  const started = place.clock.now();
  const t0 = performance.now();
  await mkdir(place.dir, { recursive: true });
  const taken = new Set(place.catalog.list().map((e) => e.id));
  const name = backupFileName('neiqin', started, (n) => taken.has(n));
  const temp = join(place.dir, partialName(name));
  await rm(temp, { force: true });
  try {
    // Copy and check run in a worker thread (copyTasks.ts), each on its own connection: the main loop stays free.
    await runTask(
      'backup.copy',
      { source: place.dbFile, dest: temp, ...(control.pagesPerStep ? { pagesPerStep: control.pagesPerStep } : {}) },
      {
        signal: control.signal,
        cancelled,
        onProgress: (p) => control.onProgress?.({ phase: 'copy', ...(p as { done: number; total: number }) }),
      },
    ).catch((err: unknown) => {
      if (!isDamage(err)) throw err;
      // The live database itself is damaged where the copy had to read it: say so, loudly.
      place.log.error(`Backup ${name} (${kind}) impossible: the database is damaged`, err);
      throw new AppError('CONFLICT', 'backups.errors.sourceDamaged');
    });
    control.onProgress?.({ phase: 'check', done: 0, total: 1 });
    const check = await runTask('backup.check', { file: temp }, { signal: control.signal, cancelled });
    control.onProgress?.({ phase: 'check', done: 1, total: 1 });
    const folder = check.good ? '' : 'bad';
    const target = join(place.dir, folder, name);
    if (folder) await mkdir(join(place.dir, folder), { recursive: true });
    if (await exists(target)) throw new Error(`A backup named ${name} exists already`);
    await rename(temp, target);
    await fsyncDir(join(place.dir, folder));
    const entry: CatalogEntry = {
      id: name,
      folder,
      at: started.toISOString(),
      kind,
      check: check.good ? 'good' : 'bad',
      size: (await stat(target)).size,
      durationMs: Math.round(performance.now() - t0),
      schema: check.schema,
      detail: check.detail,
      removedAt: null,
    };
    await place.catalog.add(entry);
    if (check.good)
      place.log.info(`Backup ${name} (${kind}) done: ${entry.size} bytes in ${entry.durationMs} ms`);
    else
      place.log.error(`Backup ${name} (${kind}) failed its integrity check; kept in backups/bad/`, {
        detail: check.detail,
      });
    return entry;
  } finally {
    await rm(temp, { force: true });
    await rm(`${temp}-journal`, { force: true });
  }
}
