import { AppError } from '@shared/errors';
import type { ImportProblem } from '@shared/schemas/imports';
import type { Store } from '../db/store';
import type { RowProblem } from './checkRow';

/** At most this many problems are kept for the preview grid; all are counted. */
export const MAX_LISTED_PROBLEMS = 20_000;
/** Finished jobs kept (for their problem list) before the oldest is forgotten. */
const KEPT_JOBS = 20;

export interface ImportJob {
  readonly id: string;
  readonly userId: number;
  cancelled: boolean;
  running: boolean;
  problems: ImportProblem[];
  problemCount: number;
  problemRows: Set<number>;
  add(problems: readonly RowProblem[]): void;
}

/**
 * The imports a backend is running or has just run: cancel flags, and each run's problems for the preview grid.
 * In memory only: a dry run's findings are worth nothing once the app restarts (the file is checked again).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  /** Jobs cancelled before they started: the user pressed 取消 while the file was still being opened. */
  private readonly cancelledEarly = new Set<string>();

  begin(id: string, userId: number): ImportJob {
    const key = jobKey(userId, id);
    if (this.jobs.get(key)?.running) throw new AppError('CONFLICT', 'imports.errors.jobRunning');
    this.jobs.delete(key);
    const job: ImportJob = {
      id,
      userId,
      cancelled: this.cancelledEarly.delete(key),
      running: true,
      problems: [],
      problemCount: 0,
      problemRows: new Set(),
      add(found) {
        for (const p of found) {
          this.problemCount++;
          this.problemRows.add(p.row);
          if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ id: this.problems.length + 1, ...p });
        }
      },
    };
    this.jobs.set(key, job);
    while (this.jobs.size > KEPT_JOBS) {
      const oldest = [...this.jobs.entries()].find(([, j]) => !j.running);
      if (!oldest) break;
      this.jobs.delete(oldest[0]);
    }
    return job;
  }

  /** Stops the caller's job at its next chunk, or before it starts when it has not started yet. */
  cancel(id: string, userId: number): void {
    const key = jobKey(userId, id);
    const job = this.jobs.get(key);
    if (job?.running) job.cancelled = true;
    else if (!job) {
      this.cancelledEarly.add(key);
      // Bounded: a cancel whose job never comes must not pile up.
      if (this.cancelledEarly.size > KEPT_JOBS) this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
    }
  }

  /** The caller's own job; another user's job id finds nothing. */
  find(id: string, userId: number): ImportJob | undefined {
    return this.jobs.get(jobKey(userId, id));
  }
}

/** Jobs are filed per user: another user's job id finds nothing. */
const jobKey = (userId: number, id: string) => `${userId}:${id}`;

const registry = new WeakMap<Store, ImportJobs>();

/** The jobs of one backend (one store): tests run many backends in one process. */
export function importJobs(store: Store): ImportJobs {
  let jobs = registry.get(store);
  if (!jobs) registry.set(store, (jobs = new ImportJobs()));
  return jobs;
}
