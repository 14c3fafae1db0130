import { addDays, localDate, startOfLocalDay } from '@shared/dates';
import { isAppErrorShape } from '@shared/errors';
import type { ExportedFile } from '@shared/grid';
import { dueTimesBetween, nextDue } from '@shared/schedules';
import { weekday } from '@shared/workingDays';
import type {
  RegisterOutcome,
  RunResult,
  RunRow,
  RunTrigger,
  ScheduleRecord,
} from '@shared/schemas/schedules';
import type { Store } from '../db/store';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { EventBus } from '../events';
import type { Caller } from '../handlers';
import type { Sessions } from '../auth/sessions';
import type { Timers } from '../delivery/deliverer';
import { findUser, sessionFacts } from '../auth/users';
import { loadTarget } from '../delivery/targets';
import { loadWorkingCalendar } from '../calendar/load';
import { listSchedules, loadRun, loadSchedule } from './store';
import { READ_ONLY_ACTIONS, SCHEDULABLE } from './registers';

/**
 * The scheduler of 定时导出: while the app runs a timer looks for due schedules (due times come from the backend's
 * Clock, so tests move a manualClock and fire the timer by hand), and at start a schedule whose due time passed
 * while the app was closed runs once — one catch-up however many occurrences it missed, which the run records.
 *
 * A run exports each register by calling the register's own export channel through the dispatcher, in a session
 * of the schedule's owner with the schedule's `targetId`: the owner's permissions, the register's filters, the
 * A-class rule, the audit entry and the outbox delivery are exactly those of the owner pressing 导出 → 发送到目标.
 * One register failing does not stop the others; every run and its outcome is a row of export_schedule_runs.
 */

export type Invoke = (caller: Caller, channel: string, input: unknown) => Promise<unknown>;

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  events: EventBus;
  sessions: Sessions;
  /** The backend's dispatcher: the same path a renderer's call takes. */
  invoke: Invoke;
}

export interface SchedulerOptions {
  /** How often the timer looks for due schedules (ms). */
  tickMs?: number;
  timers?: Timers;
  /** False: no timer and no catch-up (a process that only reads, such as the seed CLI). */
  autoStart?: boolean;
}

const registry = new WeakMap<Store, Scheduler>();

/** The running scheduler of a backend, found from its store (handlers have the store, not the backend). */
export function schedulerFor(store: Store): Scheduler | undefined {
  return registry.get(store);
}

class RunRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export class Scheduler {
  private timer: unknown = null;
  private readonly timers: Timers;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  readonly tickMs: number;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions = {},
  ) {
    this.timers = options.timers ?? {
      setInterval: (cb, ms) => setInterval(cb, ms).unref(),
      clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
    };
    this.tickMs = options.tickMs ?? 30_000;
    registry.set(deps.store, this);
  }

  /** At start: runs cut short by the last exit are closed as interrupted, missed schedules caught up, the timer set. */
  async start(): Promise<void> {
    if (this.options.autoStart === false) return;
    const now = this.deps.clock.now().toISOString();
    await this.deps.store.write((tx) =>
      tx.run(
        `UPDATE export_schedule_runs SET result = 'interrupted', finished_at = ?, error = 'schedules.errors.interrupted' WHERE result = 'running'`,
        [now],
      ),
    );
    await this.runDue(true);
    this.timer = this.timers.setInterval(() => void this.tick(), this.tickMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
    registry.delete(this.deps.store);
  }

  /** What the timer does: runs every schedule due now. Resolves when they have run. */
  tick(): Promise<void> {
    return this.runDue(false);
  }

  /** 立即运行: runs the schedule now (enabled or not), after any run in progress; its next due time stays. */
  async runNow(scheduleId: number): Promise<RunRow> {
    return this.serialized(async () => {
      const schedule = await loadSchedule(this.deps.store.reader, scheduleId);
      if (!schedule) throw new RunRefused('schedules.errors.notFound');
      return this.run(schedule, 'manual', null, 0);
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(work);
    this.chain = result.catch((err: unknown) => this.deps.log.error('scheduled export failed', err));
    return result;
  }

  private runDue(atStart: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.serialized(async () => {
      const now = this.deps.clock.now();
      const calendar = await loadWorkingCalendar(this.deps.store.reader);
      for (const schedule of await listSchedules(this.deps.store.reader)) {
        if (this.stopped || !schedule.enabled) continue;
        if (schedule.nextRunAt === null) {
          // Enabled without a next time (a rule with no due time in reach): look again, never run blindly.
          await this.setNext(schedule.id, nextDue(schedule.rule, now, calendar));
          continue;
        }
        const dueAt = new Date(schedule.nextRunAt);
        if (dueAt.getTime() > now.getTime()) continue;
        // Due times that passed besides this one: the app was closed (or the PC asleep) over them.
        const missed = dueTimesBetween(schedule.rule, dueAt, now, calendar);
        const trigger: RunTrigger = atStart || missed > 0 ? 'catchUp' : 'due';
        // The next due time is fixed before the run, so a run that fails is not started again at every tick.
        await this.setNext(schedule.id, nextDue(schedule.rule, now, calendar));
        await this.run(schedule, trigger, dueAt.toISOString(), missed + 1);
      }
    }).then(() => undefined);
  }

  private async setNext(id: number, next: Date | null): Promise<void> {
    await this.deps.store.write((tx) =>
      tx.run('UPDATE export_schedules SET next_run_at = ? WHERE id = ?', [next?.toISOString() ?? null, id]),
    );
  }

  /** One run: its row first, then each register through the export channel, then the outcome. */
  private async run(
    schedule: ScheduleRecord,
    trigger: RunTrigger,
    dueAt: string | null,
    occurrences: number,
  ): Promise<RunRow> {
    const { store, clock, events } = this.deps;
    const runId = await store.write(async (tx) => {
      const { lastID } = await tx.run(
        `INSERT INTO export_schedule_runs (schedule_id, trigger, due_at, missed, started_at) VALUES (?, ?, ?, ?, ?)`,
        [schedule.id, trigger, dueAt, trigger === 'catchUp' ? occurrences : 0, clock.now().toISOString()],
      );
      return lastID;
    });
    let outcomes: RegisterOutcome[] = [];
    let refused: RunRefused | null = null;
    try {
      outcomes = await this.exportRegisters(schedule, dueAt);
    } catch (err) {
      if (!(err instanceof RunRefused)) this.deps.log.error(`scheduled export ${schedule.id} failed`, err);
      refused = err instanceof RunRefused ? err : new RunRefused('errors.internal');
    }
    const result: RunResult = refused
      ? 'failed'
      : outcomes.some((o) => o.state === 'failed')
        ? outcomes.some((o) => o.state === 'sent')
          ? 'partial'
          : 'failed'
        : 'ok';
    const jobIds = outcomes.flatMap((o) => (o.jobId === null ? [] : [o.jobId]));
    const finishedAt = clock.now().toISOString();
    await store.write(async (tx) => {
      await tx.run(
        `UPDATE export_schedule_runs SET finished_at = ?, result = ?, job_ids = ?, outcomes = ?, error = ?, error_params = ? WHERE id = ?`,
        [
          finishedAt,
          result,
          JSON.stringify(jobIds),
          JSON.stringify(outcomes),
          refused?.key ?? null,
          refused ? JSON.stringify(refused.params) : null,
          runId,
        ],
      );
      await tx.run('UPDATE export_schedules SET last_run_at = ?, last_result = ? WHERE id = ?', [
        finishedAt,
        result,
        schedule.id,
      ]);
    });
    this.deps.log.info(
      `scheduled export ${schedule.id} (${trigger}) ${result}: jobs ${jobIds.join(', ') || 'none'}`,
    );
    events.emit('data.changed', { entity: 'exportSchedules' });
    return (await loadRun(store.reader, runId))!;
  }

  private async exportRegisters(schedule: ScheduleRecord, dueAt: string | null): Promise<RegisterOutcome[]> {
    const { store, sessions, invoke } = this.deps;
    // Refused before any export, so a run that cannot deliver leaves nothing behind.
    if (schedule.targetId === null) throw new RunRefused('schedules.errors.noTarget');
    const target = await loadTarget(store.reader, schedule.targetId);
    if (!target) throw new RunRefused('delivery.errors.targetNotFound');
    if (!target.enabled) throw new RunRefused('delivery.errors.targetDisabled', { name: target.name });
    if (schedule.ownerId === null) throw new RunRefused('schedules.errors.noOwner');
    const owner = await findUser(store.reader, schedule.ownerId);
    if (!owner) throw new RunRefused('schedules.errors.ownerNotFound');
    if (!owner.active) throw new RunRefused('schedules.errors.ownerInactive', { name: owner.displayName });

    const changedSince = schedule.changedOnly
      ? mondayOf(dueAt ? new Date(dueAt) : this.deps.clock.now())
      : null;
    // The owner's own session, for this run only: the dispatcher checks its permissions like any other call's.
    // (A pending password change is the owner's next login's business, not a reason to stop the office's files.)
    const session = sessions.start({ ...sessionFacts(owner), mustChangePassword: false });
    const caller: Caller = { sessionId: session.id };
    const outcomes: RegisterOutcome[] = [];
    try {
      for (const register of schedule.registers) {
        const spec = SCHEDULABLE[register];
        const base = { register, jobId: null, rows: null, fileName: null, error: null, errorParams: null };
        if (changedSince && !(await this.changedSince(spec.entities, changedSince))) {
          outcomes.push({ ...base, state: 'skipped' });
          continue;
        }
        try {
          const file = (await invoke(
            caller,
            spec.channel,
            spec.input(schedule.format, schedule.targetId),
          )) as ExportedFile;
          outcomes.push({
            ...base,
            state: 'sent',
            jobId: file.delivery?.jobId ?? null,
            rows: file.rows,
            fileName: file.fileName,
          });
        } catch (err) {
          const shape = isAppErrorShape(err) ? err : { message: 'errors.internal', details: undefined };
          const params = shape.details?.params ?? shape.details?.issues?.[0]?.params ?? null;
          outcomes.push({ ...base, state: 'failed', error: shape.message, errorParams: params });
        }
      }
    } finally {
      sessions.end(session.id);
    }
    return outcomes;
  }

  /** Whether any record of these audit entities changed (not merely read) since the instant. */
  private async changedSince(entities: readonly string[], since: string): Promise<boolean> {
    const row = await this.deps.store.reader.get<{ hit: number }>(
      `SELECT 1 AS hit FROM audit_log WHERE at >= ? AND entity IN (${entities.map(() => '?').join(', ')})
       AND action NOT IN (${READ_ONLY_ACTIONS.map(() => '?').join(', ')}) LIMIT 1`,
      [since, ...entities, ...READ_ONLY_ACTIONS],
    );
    return row !== undefined;
  }
}

/** Monday 00:00 (local) of the week an instant falls in: "this week" of the Friday bundle. */
export function mondayOf(at: Date): string {
  const day = localDate(at);
  return startOfLocalDay(addDays(day, -((weekday(day) + 6) % 7)));
}

export { RunRefused };
