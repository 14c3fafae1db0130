import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '@shared/errors';
import type { Store } from '../db/store';
import type { SwitchableStore } from '../db/switchableStore';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { BackupCatalog, CatalogEntry } from './catalog';
import { sealAndCheck } from './checkCopy';
import { copyWithProgress, exists, fsyncDir, keepCurrent, putBack, type KeptFiles } from './fileOps';
import { backupFileName } from './names';

export interface RestoreControl {
  onProgress?: (progress: { phase: 'copy' | 'check' | 'swap'; done: number; total: number }) => void;
  signal?: AbortSignal;
}

export interface RestorePlace {
  dbFile: string;
  dir: string;
  clock: Clock;
  log: Logger;
  catalog: BackupCatalog;
  store: SwitchableStore;
  /** Opens the database file again (with its migrations), as at start. */
  openStore: () => Promise<Store>;
}

export interface Staged {
  /** The checked copy, next to the database file, ready to be renamed over it. */
  file: string;
  schema: number | null;
}

/** The name the database file gets while a restore prepares it: same folder, so the final rename is atomic. */
export const stagedName = (dbFile: string) => `${dbFile}.restoring`;

/**
 * Copies the chosen backup next to the database and checks that copy — what will be swapped in, so nothing can
 * change between the check and the swap. A damaged copy is logged as bad and refused; a copy written by a newer
 * Neiqin is refused. Either way nothing has changed.
 */
export async function stageBackup(
  place: RestorePlace,
  entry: CatalogEntry,
  control: RestoreControl,
): Promise<Staged> {
  const source = place.catalog.path(entry);
  if (entry.removedAt || !(await exists(source))) throw new AppError('NOT_FOUND', 'backups.errors.notFound');
  if (entry.kind === 'damaged')
    throw new AppError('CONFLICT', 'backups.errors.damaged', { params: { detail: entry.detail ?? '' } });
  const staged = stagedName(place.dbFile);
  await rm(staged, { force: true });
  await rm(`${staged}-journal`, { force: true });
  await copyWithProgress(source, staged, {
    signal: control.signal,
    onProgress: (p) => control.onProgress?.({ phase: 'copy', ...p }),
  });
  control.onProgress?.({ phase: 'check', done: 0, total: 1 });
  const check = await sealAndCheck(staged, control.signal).catch(async (err: unknown) => {
    await rm(staged, { force: true });
    throw err;
  });
  if (!check.good) {
    await rm(staged, { force: true });
    if (check.newer) throw new AppError('CONFLICT', 'backups.errors.newer');
    place.log.error(`Restore refused: ${entry.id} failed its integrity check`, { detail: check.detail });
    await place.catalog.update((entries) => {
      const e = entries.find((x) => x.id === entry.id);
      if (e) Object.assign(e, { check: 'bad', detail: check.detail });
    });
    throw new AppError('CONFLICT', 'backups.errors.damaged', {
      params: { detail: (check.detail ?? '').slice(0, 200) },
    });
  }
  control.onProgress?.({ phase: 'check', done: 1, total: 1 });
  return { file: staged, schema: check.schema };
}

/**
 * Swaps a staged copy in: every connection closed (running operations finish first, new ones wait), the current
 * file kept as `backups/pre-restore_….db` (or `damaged_….db` in recovery mode), the staged copy renamed over the
 * database file, the database opened again. If opening fails, the kept file is put back and opened.
 */
export async function swapIn(
  place: RestorePlace,
  staged: Staged,
  keepAs: 'pre-restore' | 'damaged',
  control: RestoreControl,
): Promise<CatalogEntry> {
  control.onProgress?.({ phase: 'swap', done: 0, total: 1 });
  await mkdir(place.dir, { recursive: true });
  const at = place.clock.now();
  const taken = new Set(place.catalog.list().map((e) => e.id));
  const keptName = backupFileName(keepAs, at, (n) => taken.has(n));
  const keptPath = join(place.dir, keptName);
  let kept: KeptFiles | null = null;
  await place.store.replace({
    swap: async () => {
      kept = await keepCurrent(place.dbFile, keptPath);
      await rename(staged.file, place.dbFile);
      await fsyncDir(dirname(place.dbFile));
    },
    reopen: place.openStore,
    undo: async () => {
      if (kept) await putBack(kept);
      await rm(staged.file, { force: true });
    },
  });
  control.onProgress?.({ phase: 'swap', done: 1, total: 1 });
  const entry: CatalogEntry = {
    id: keptName,
    folder: '',
    at: at.toISOString(),
    kind: keepAs === 'damaged' ? 'damaged' : 'preRestore',
    check: keepAs === 'damaged' ? 'bad' : 'unchecked',
    size: 0,
    durationMs: 0,
    schema: null,
    detail: null,
    removedAt: null,
  };
  await place.catalog.add(entry);
  place.log.info(`Database restored; the previous file is kept as backups/${basename(keptPath)}`);
  return entry;
}
