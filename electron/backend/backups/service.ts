import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { BackupKind, BackupSettings } from '@shared/schemas/backups';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { EventBus } from '../events';
import type { Sessions } from '../auth/sessions';
import type { Store } from '../db/store';
import type { SwitchableStore } from '../db/switchableStore';
import { readSetting } from '../settings/store';
import { BackupCatalog, type CatalogEntry } from './catalog';
import { sealAndCheck } from './checkCopy';
import { exists } from './fileOps';
import { JobSlot } from './jobSlot';
import { isPartialName } from './names';
import { cancelled } from './onlineCopy';
import { planRetention } from './retention';
import { stageBackup, stagedName, swapIn } from './restore';
import { takeBackup } from './takeBackup';
import { sendToTarget } from './toTarget';

/** How often the running app looks whether today's daily backup is due (it runs once per local day). */
export const DAILY_CHECK_MS = 15 * 60_000;

/**
 * A good backup just made, for whoever copies backups elsewhere (the delivery outbox, issue 4 item 5 "and,
 * through the outbox, to a target"). Errors are logged, never fail the backup.
 */
export type BackupListener = (entry: CatalogEntry, file: string) => Promise<void>;

export interface BackupServiceDeps {
  dataDir: string;
  dbFile: string;
  clock: Clock;
  log: Logger;
  events: EventBus;
  sessions: Sessions;
  store: SwitchableStore;
  openStore: () => Promise<Store>;
  /** Set when the database failed its start-up check: recovery mode. */
  damage: string | null;
}

/**
 * 备份与恢复 for one backend: the backup log, the one-job-at-a-time slot, daily and exit backups, retention,
 * restore and recovery mode. Jobs are async functions taking progress callbacks and an AbortSignal, so they can
 * move into a worker thread (issue 4 item 6) without changing their callers.
 */
export class BackupService {
  readonly dir: string;
  readonly slot = new JobSlot();
  private timer: ReturnType<typeof setInterval> | null = null;
  private listeners: BackupListener[] = [];
  private restoredListeners: ((fromRecovery: boolean) => void)[] = [];
  /** Work started after a job returned (checking a kept file), awaited on close. */
  private background = new Set<Promise<unknown>>();
  private damage: string | null;
  /** Failed recovery logins (the users table of a backup cannot record them): in memory, per username. */
  readonly recoveryFailures = new Map<string, { count: number; lockedUntil: number }>();

  private constructor(
    private readonly deps: BackupServiceDeps,
    readonly catalog: BackupCatalog,
  ) {
    this.dir = join(deps.dataDir, 'backups');
    this.damage = deps.damage;
  }

  static async create(deps: BackupServiceDeps): Promise<BackupService> {
    const dir = join(deps.dataDir, 'backups');
    await removeLeftovers(dir, deps.dbFile, deps.log);
    const service = new BackupService(deps, await BackupCatalog.load(dir));
    service.onGoodBackup(
      sendToTarget({
        dataDir: deps.dataDir,
        store: deps.store,
        clock: deps.clock,
        log: deps.log,
        events: deps.events,
      }),
    );
    if (deps.damage)
      deps.log.error('The database failed its start-up check: recovery mode', { detail: deps.damage });
    return service;
  }

  get recovery(): { active: boolean; detail: string | null } {
    return { active: this.damage !== null, detail: this.damage };
  }

  /** Registers what must run once a restore reopened the database (`fromRecovery`: the app was in recovery mode). */
  onRestored(listener: (fromRecovery: boolean) => void): void {
    this.restoredListeners.push(listener);
  }

  /** Registers who gets each good backup (the outbox); returns how to unregister. */
  onGoodBackup(listener: BackupListener): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  async settings(): Promise<BackupSettings> {
    if (!this.deps.store.open) return { keepDaily: 14, keepMonthly: 12, targetId: null };
    return {
      keepDaily: await readSetting(this.deps.store.reader, 'backups.keepDaily'),
      keepMonthly: await readSetting(this.deps.store.reader, 'backups.keepMonthly'),
      targetId: await readSetting(this.deps.store.reader, 'backups.targetId'),
    };
  }

  private progress(jobId: string) {
    return (p: { phase: 'copy' | 'check' | 'swap'; done: number; total: number }) =>
      this.deps.events.emit('backup.progress', { jobId, ...p });
  }

  /** A backup now (立即备份, daily, exit); refused while another job runs. */
  async backup(
    kind: BackupKind,
    jobId: string,
    options: {
      pagesPerStep?: number;
      onProgress?: (p: { phase: string; done: number; total: number }) => void;
    } = {},
  ): Promise<CatalogEntry> {
    if (!this.deps.store.open) throw new AppError('UNAVAILABLE', 'backups.errors.recoveryMode');
    const emit = this.progress(jobId);
    const entry = await this.slot.run('backup', jobId, async (signal) => {
      const entry = await takeBackup(
        {
          dbFile: this.deps.dbFile,
          dir: this.dir,
          clock: this.deps.clock,
          log: this.deps.log,
          catalog: this.catalog,
        },
        kind,
        {
          signal,
          pagesPerStep: options.pagesPerStep,
          onProgress: (p) => {
            emit(p);
            options.onProgress?.(p);
          },
        },
      );
      if (entry.check === 'good') {
        await this.prune();
        this.notify(entry);
      }
      return entry;
    });
    // After the slot is free again, so a page reloading on this event no longer sees a job running.
    this.deps.events.emit('data.changed', { entity: 'backup' });
    return entry;
  }

  private notify(entry: CatalogEntry) {
    const file = this.catalog.path(entry);
    for (const listener of this.listeners) {
      this.track(
        listener(entry, file).catch((err: unknown) =>
          this.deps.log.error(`Handing backup ${entry.id} on failed`, err),
        ),
      );
    }
  }

  private track(work: Promise<unknown>) {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** Deletes what retention no longer keeps; the log keeps their lines (marked removed). */
  async prune(): Promise<string[]> {
    const remove = planRetention(this.catalog.list(), await this.settings());
    if (remove.length === 0) return [];
    const at = this.deps.clock.now().toISOString();
    for (const id of remove) {
      const entry = this.catalog.find(id)!;
      await rm(this.catalog.path(entry), { force: true });
    }
    await this.catalog.update((entries) => {
      for (const e of entries) if (remove.includes(e.id)) e.removedAt = at;
    });
    this.deps.log.info(`Retention removed ${remove.length} backup(s): ${remove.join(', ')}`);
    return remove;
  }

  /**
   * Restores a backup (admin page or recovery screen): check a staged copy, keep the current file, swap, reopen.
   * `authorize` runs on the chosen file before anything is copied (recovery checks the admin's password against
   * it). Every session ends afterwards.
   */
  async restore(
    backupId: string,
    jobId: string,
    authorize?: (backupFile: string) => Promise<void>,
  ): Promise<{ restored: CatalogEntry; kept: CatalogEntry }> {
    const entry = this.catalog.find(backupId);
    if (!entry) throw new AppError('NOT_FOUND', 'backups.errors.notFound');
    const emit = this.progress(jobId);
    const recovering = this.damage !== null;
    return this.slot.run('restore', jobId, async (signal) => {
      const place = {
        dbFile: this.deps.dbFile,
        dir: this.dir,
        clock: this.deps.clock,
        log: this.deps.log,
        catalog: this.catalog,
        store: this.deps.store,
        openStore: this.deps.openStore,
      };
      if ((await this.presence(entry)) !== 'present')
        throw new AppError('NOT_FOUND', 'backups.errors.notFound');
      // Before the (long) copy and check: a wrong password is answered at once.
      await authorize?.(this.catalog.path(entry));
      const staged = await stageBackup(place, entry, { signal, onProgress: emit });
      if (signal.aborted) {
        await rm(staged.file, { force: true });
        throw cancelled();
      }
      const kept = await swapIn(place, staged, recovering ? 'damaged' : 'pre-restore', { onProgress: emit });
      this.deps.sessions.endAll();
      this.deps.sessions.idleMinutes = await readSetting(this.deps.store.reader, 'session.idleMinutes');
      if (recovering) {
        this.deps.log.info(`Recovery: restored ${entry.id}; the app runs normally again`);
        this.damage = null;
      }
      this.track(this.describeKept(kept, recovering));
      for (const listener of this.restoredListeners) listener(recovering);
      // No data.changed here: every session just ended, and pages refreshing now would only meet the login prompt.
      return { restored: entry, kept };
    });
  }

  /** Fills in the kept file's size and check (a pre-restore copy is checked like any backup; a damaged one is not). */
  private async describeKept(kept: CatalogEntry, damaged: boolean) {
    const file = this.catalog.path(kept);
    const check = damaged ? null : await sealAndCheck(file);
    const size = (await stat(file)).size;
    await this.catalog.update((entries) => {
      const e = entries.find((x) => x.id === kept.id);
      if (!e) return;
      e.size = size;
      if (check)
        Object.assign(e, { check: check.good ? 'good' : 'bad', schema: check.schema, detail: check.detail });
      else e.detail = this.deps.damage ?? e.detail;
    });
  }

  /** Whether there is a database worth keeping: a first start (no user yet) has nothing to lose. */
  private async worthKeeping(): Promise<boolean> {
    if (!this.deps.store.open) return false;
    const row = await this.deps.store.reader.get<{ n: number }>('SELECT EXISTS (SELECT 1 FROM users) AS n');
    return row?.n === 1;
  }

  /** The daily backup, if today (local date) has no good daily copy yet and nothing else runs. */
  async dailyIfDue(): Promise<CatalogEntry | null> {
    const today = localDate(this.deps.clock.now());
    const done = this.catalog
      .list()
      .some(
        (e) =>
          e.kind === 'daily' && e.check === 'good' && !e.removedAt && localDate(new Date(e.at)) === today,
      );
    if (done || this.slot.current || !(await this.worthKeeping())) return null;
    return this.backup('daily', `daily-${today}`);
  }

  /** Daily backups while the app runs: now (first start of the day) and every DAILY_CHECK_MS after. */
  startSchedule(): void {
    const tick = () => {
      this.track(this.dailyIfDue().catch((err: unknown) => this.deps.log.error('Daily backup failed', err)));
    };
    tick();
    this.timer = setInterval(tick, DAILY_CHECK_MS);
    this.timer.unref();
  }

  /** Resolves once no job runs and the work after the last one (sending, checking a kept file) is done. */
  async settled(): Promise<void> {
    await this.slot.idle();
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** On exit: waits for a running job, then (when scheduled) the exit backup, then the background work. */
  async close(options: { exitBackup: boolean }): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.slot.idle();
    if (options.exitBackup && (await this.worthKeeping().catch(() => false))) {
      await this.backup('exit', 'exit').catch((err: unknown) =>
        this.deps.log.error('Exit backup failed', err),
      );
    }
    await this.settled();
  }

  /** The log's entry and whether its file is there now. */
  async presence(entry: CatalogEntry): Promise<'present' | 'removed' | 'missing'> {
    if (entry.removedAt) return 'removed';
    return (await exists(this.catalog.path(entry))) ? 'present' : 'missing';
  }
}

/** Temporary files of a backup or restore cut short (a crash, a kill): never a backup, removed at start. */
async function removeLeftovers(dir: string, dbFile: string, log: Logger): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const partial = names.filter((n) => isPartialName(n) || /\.partial-(wal|shm|journal)$/.test(n));
  for (const name of partial) await rm(join(dir, name), { force: true });
  const staged = stagedName(dbFile);
  for (const f of [staged, `${staged}-journal`, `${staged}-wal`, `${staged}-shm`])
    await rm(f, { force: true });
  if (partial.length > 0)
    log.info(`Removed ${partial.length} unfinished backup file(s): ${partial.join(', ')}`);
}
