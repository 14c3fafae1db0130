import { stat, unlink } from 'node:fs/promises';
import { localDate } from '@shared/dates';
import type { DeliveryError, JobState } from '@shared/schemas/delivery';
import type { Store } from '../db/store';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { EventBus } from '../events';
import { nodeDeliveryFs, type DeliveryFs } from './fsLayer';
import { deliverFile, type CopyHooks } from './copyToTarget';
import { DeliveryFailure, failureOf } from './failures';
import { outboxPath, pruneOutbox } from './outbox';
import { stateOfFailure } from './targetCheck';
import { backoffMs } from './backoff';

/**
 * The deliverer: works through the outbox's due jobs one at a time, while the app runs (a timer) and at every
 * start, and logs every attempt. A failed attempt leaves the job pending with its reason and the time of its
 * next try (backoff 30 s, 1 min, 2 min … 30 min); nothing is ever dropped.
 */

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DeliveryOptions {
  /** File operations on targets (tests inject faults). */
  fs?: DeliveryFs;
  /** How often the timer looks for due jobs (ms). Due times come from the Clock, so tests move the Clock and call runDue(). */
  tickMs?: number;
  timers?: Timers;
  /** Each operation on a target (stat, mkdir, open, flush, rename …) waits at most this long. */
  opTimeoutMs?: number;
  /** Writing or reading one chunk waits at most this long. */
  chunkTimeoutMs?: number;
  chunkBytes?: number;
  /** A target with less free space than this is 空间不足 when checked. */
  minFreeBytes?: number;
  hooks?: CopyHooks;
  /** False: no timer and no work at start (a process that only reads, such as the seed CLI). */
  autoStart?: boolean;
}

export interface DelivererDeps {
  dataDir: string;
  store: Store;
  clock: Clock;
  log: Logger;
  events: EventBus;
}

interface DueJob {
  id: number;
  register: string;
  fileName: string;
  outboxFile: string;
  rows: number;
  bytes: number;
  sha256: string;
  userName: string;
  createdAt: string;
  failures: number;
  pendingPath: string | null;
  targetId: number;
  targetName: string;
  folder: string;
  subFolder: string;
  manifest: number;
  enabled: number;
}

const JOB_SELECT = `SELECT j.id, j.register, j.file_name AS fileName, j.outbox_file AS outboxFile, j.rows, j.bytes, j.sha256,
  j.user_name AS userName, j.created_at AS createdAt, j.failures, j.pending_path AS pendingPath,
  t.id AS targetId, t.name AS targetName, t.folder, t.sub_folder AS subFolder, t.manifest, t.enabled
  FROM delivery_jobs j JOIN delivery_targets t ON t.id = j.target_id`;

export const DEFAULTS = {
  tickMs: 5_000,
  opTimeoutMs: 15_000,
  chunkTimeoutMs: 30_000,
  chunkBytes: 4 * 1024 * 1024,
  minFreeBytes: 64 * 1024 * 1024,
};

const registry = new WeakMap<Store, Deliverer>();

/** The running deliverer of a backend, found from its store (handlers have the store, not the backend). */
export function delivererFor(store: Store): Deliverer | undefined {
  return registry.get(store);
}

export class Deliverer {
  readonly fs: DeliveryFs;
  readonly settings: typeof DEFAULTS;
  private timer: unknown = null;
  private readonly timers: Timers;
  private chain: Promise<void> = Promise.resolve();
  private dueQueued: Promise<void> | null = null;
  private stopped = false;
  private current: AbortController | null = null;

  constructor(
    private readonly deps: DelivererDeps,
    private readonly options: DeliveryOptions = {},
  ) {
    this.fs = options.fs ?? nodeDeliveryFs;
    this.timers = options.timers ?? { setInterval: (cb, ms) => setInterval(cb, ms).unref(), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) };
    this.settings = {
      tickMs: options.tickMs ?? DEFAULTS.tickMs,
      opTimeoutMs: options.opTimeoutMs ?? DEFAULTS.opTimeoutMs,
      chunkTimeoutMs: options.chunkTimeoutMs ?? DEFAULTS.chunkTimeoutMs,
      chunkBytes: options.chunkBytes ?? DEFAULTS.chunkBytes,
      minFreeBytes: options.minFreeBytes ?? DEFAULTS.minFreeBytes,
    };
    registry.set(deps.store, this);
  }

  /**
   * At start: attempts a crash or a close cut short are closed as interrupted, every pending job is due again
   * at once ("and again at the next start"), stale outbox leftovers go, and the timer starts.
   */
  async start(): Promise<void> {
    if (this.options.autoStart === false) return;
    const now = this.deps.clock.now().toISOString();
    await this.deps.store.write(async (tx) => {
      await tx.run(
        `UPDATE delivery_attempts SET result = 'interrupted', finished_at = ?, error = 'interrupted', error_detail = 'the app stopped during the attempt' WHERE result = 'running'`,
        [now],
      );
      await tx.run(`UPDATE delivery_jobs SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`, [now, now]);
    });
    await pruneOutbox(this.deps.dataDir, this.deps.store.reader, 3_600_000, Date.now()).catch((err: unknown) => this.deps.log.error('outbox prune failed', err));
    this.timer = this.timers.setInterval(() => void this.runDue(), this.settings.tickMs);
    void this.runDue();
  }

  /** Stops the timer, interrupts the attempt in progress (its temporary file is removed) and waits for it. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    this.current?.abort();
    await this.chain;
    registry.delete(this.deps.store);
  }

  /** Delivers every job that is due now, one after another; resolves when none is left due. */
  runDue(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.dueQueued) return this.dueQueued;
    const run = this.chain.then(async () => {
      this.dueQueued = null;
      await this.drainDue();
    });
    this.chain = run.catch((err: unknown) => this.deps.log.error('delivery run failed', err));
    this.dueQueued = this.chain;
    return this.chain;
  }

  /** Looks for due jobs soon, without waiting (after an export was queued). */
  kick(): void {
    void this.runDue();
  }

  /**
   * Runs `work` between two attempts (after the one in progress, before the next), so housekeeping such as
   * abandoning a job never races an attempt on the same job. Its result or error is the caller's.
   */
  betweenAttempts<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Attempts one job now, after whatever attempt is running; resolves when this attempt is over. */
  runJobNow(jobId: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const run = this.chain.then(async () => {
      if (this.stopped) return;
      const job = await this.deps.store.reader.get<DueJob>(`${JOB_SELECT} WHERE j.id = ? AND j.status = 'pending'`, [jobId]);
      if (job && job.enabled === 1) await this.attempt(job);
    });
    this.chain = run.catch((err: unknown) => this.deps.log.error('delivery attempt failed', err));
    return this.chain;
  }

  private async drainDue(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const now = this.deps.clock.now().toISOString();
      // Jobs of a disabled target wait (the jobs page says so) until it is enabled again or they are redirected.
      const job = await this.deps.store.reader.get<DueJob>(
        `${JOB_SELECT} WHERE j.status = 'pending' AND j.next_attempt_at <= ? AND t.enabled = 1 ORDER BY j.next_attempt_at, j.id LIMIT 1`,
        [now],
      );
      if (!job) return;
      await this.attempt(job);
    }
  }

  private async attempt(job: DueJob): Promise<void> {
    const { store, clock, dataDir, log } = this.deps;
    const startedAt = clock.now().toISOString();
    const attemptId = await store.write(async (tx) => {
      const { lastID } = await tx.run(`INSERT INTO delivery_attempts (job_id, target_id, started_at) VALUES (?, ?, ?)`, [job.id, job.targetId, startedAt]);
      await tx.run(`UPDATE delivery_jobs SET attempts = attempts + 1 WHERE id = ?`, [job.id]);
      return lastID;
    });
    const controller = new AbortController();
    this.current = controller;
    try {
      const outcome = await deliverFile(
        {
          jobId: job.id,
          source: outboxPath(dataDir, job.outboxFile),
          bytes: job.bytes,
          sha256: job.sha256,
          fileName: job.fileName,
          register: job.register,
          exportDate: localDate(new Date(job.createdAt)),
          target: { folder: job.folder, subFolder: job.subFolder, manifest: job.manifest === 1 },
          pendingPath: job.pendingPath,
          manifestLine: {
            job: job.id,
            register: job.register,
            rows: job.rows,
            bytes: job.bytes,
            sha256: job.sha256,
            user: job.userName,
            exportedAt: job.createdAt,
            deliveredAt: clock.now().toISOString(),
          },
        },
        {
          fs: this.fs,
          timeouts: { opMs: this.settings.opTimeoutMs, chunkMs: this.settings.chunkTimeoutMs },
          chunkBytes: this.settings.chunkBytes,
          signal: controller.signal,
          hooks: this.options.hooks,
          notePendingPath: (path) => store.write((tx) => tx.run('UPDATE delivery_jobs SET pending_path = ? WHERE id = ?', [path, job.id])).then(() => undefined),
        },
      );
      const doneAt = clock.now().toISOString();
      await store.write(async (tx) => {
        await tx.run(
          `UPDATE delivery_jobs SET status = 'delivered', final_path = ?, delivered_at = ?, pending_path = NULL, last_error = NULL, last_error_detail = ? WHERE id = ?`,
          [outcome.finalPath, doneAt, outcome.manifestError ? `manifest: ${outcome.manifestError}`.slice(0, 500) : null, job.id],
        );
        await tx.run(`UPDATE delivery_attempts SET result = 'delivered', finished_at = ?, final_path = ? WHERE id = ?`, [doneAt, outcome.finalPath, attemptId]);
        await tx.run(`UPDATE delivery_targets SET state = 'ok', state_detail = NULL, checked_at = ? WHERE id = ?`, [doneAt, job.targetId]);
      });
      if (outcome.manifestError) log.error(`delivery job ${job.id}: manifest line not written`, outcome.manifestError);
      await unlink(outboxPath(dataDir, job.outboxFile)).catch(() => undefined);
      this.announce(job, 'delivered', null, outcome.finalPath);
    } catch (err) {
      const failure = failureOf(err);
      if (failure.reason === 'outboxMissing' && (await this.outboxGone(job))) {
        await this.closeLost(job, attemptId, failure);
        this.announce(job, 'lost', failure.reason, null);
      } else {
        await this.recordFailure(job, attemptId, failure);
        this.announce(job, 'failed', failure.reason, null);
      }
    } finally {
      this.current = null;
    }
  }

  private async recordFailure(job: DueJob, attemptId: number, failure: DeliveryFailure): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const interrupted = failure.reason === 'interrupted';
    // An attempt the app's closing cut short is tried again at the next start, without counting as a failure.
    const failures = interrupted ? job.failures : job.failures + 1;
    const next = interrupted ? now : new Date(now.getTime() + backoffMs(failures));
    const detail = failure.detail.slice(0, 500);
    await store.write(async (tx) => {
      await tx.run(
        `UPDATE delivery_jobs SET failures = ?, last_error = ?, last_error_detail = ?, next_attempt_at = ? WHERE id = ?`,
        [failures, failure.reason, detail, next.toISOString(), job.id],
      );
      await tx.run(`UPDATE delivery_attempts SET result = ?, finished_at = ?, error = ?, error_detail = ? WHERE id = ?`, [
        interrupted ? 'interrupted' : 'failed',
        now.toISOString(),
        failure.reason,
        detail,
        attemptId,
      ]);
      if (!interrupted && ['unreachable', 'readOnly', 'full', 'timeout'].includes(failure.reason)) {
        await tx.run(`UPDATE delivery_targets SET state = ?, state_detail = ?, checked_at = ? WHERE id = ?`, [
          stateOfFailure(failure),
          `${failure.reason}: ${detail}`.slice(0, 500),
          now.toISOString(),
          job.targetId,
        ]);
      }
    });
    if (!interrupted) this.deps.log.info(`delivery job ${job.id} to ${job.targetName} failed (${failure.reason}); next try ${next.toISOString()}`);
  }

  /** Whether the job's outbox file is gone or not the file it was (then no attempt can ever succeed). */
  private async outboxGone(job: DueJob): Promise<boolean> {
    try {
      return (await stat(outboxPath(this.deps.dataDir, job.outboxFile))).size !== job.bytes;
    } catch (err) {
      return (err as { code?: string }).code === 'ENOENT';
    }
  }

  /**
   * A job whose outbox file is gone — typically a database restored from a backup taken while the job was
   * pending, whose file was delivered and removed since — is closed as 无法投递 once, instead of retrying for ever.
   */
  private async closeLost(job: DueJob, attemptId: number, failure: DeliveryFailure): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const detail = failure.detail.slice(0, 500);
    await this.deps.store.write(async (tx) => {
      await tx.run(
        `UPDATE delivery_jobs SET status = 'lost', failures = failures + 1, last_error = 'outboxMissing', last_error_detail = ?,
           closed_at = ?, closed_reason = 'outboxMissing' WHERE id = ? AND status = 'pending'`,
        [detail, now, job.id],
      );
      await tx.run(`UPDATE delivery_attempts SET result = 'failed', finished_at = ?, error = 'outboxMissing', error_detail = ? WHERE id = ?`, [now, detail, attemptId]);
    });
    this.deps.log.info(`delivery job ${job.id} closed: its outbox file ${job.outboxFile} is gone (${detail})`);
  }

  private announce(job: DueJob, state: JobState, error: DeliveryError | null, finalPath: string | null) {
    this.deps.events.emit('delivery.job', { jobId: job.id, state, fileName: job.fileName, targetName: job.targetName, error, finalPath });
    this.deps.events.emit('data.changed', { entity: 'deliveryJobs' });
  }
}
