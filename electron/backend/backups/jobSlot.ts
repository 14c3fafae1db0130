import { AppError } from '@shared/errors';

export type JobKind = 'backup' | 'restore';

interface Running {
  kind: JobKind;
  jobId: string;
  controller: AbortController;
  done: Promise<unknown>;
}

/**
 * One backup or restore at a time: a restore must not swap the file under a running copy, and two copies would
 * only compete for the disk. A second request is refused (the page shows who is busy), except where the caller
 * asks to wait (the backup on exit waits for a running one).
 */
export class JobSlot {
  private running: Running | null = null;

  get current(): JobKind | null {
    return this.running?.kind ?? null;
  }

  run<T>(kind: JobKind, jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running) throw new AppError('CONFLICT', 'backups.errors.busy');
    const controller = new AbortController();
    const done = work(controller.signal).finally(() => {
      this.running = null;
    });
    this.running = { kind, jobId, controller, done };
    return done;
  }

  /** Stops the job with this id (a page's cancel); returns whether one was running. */
  cancel(jobId: string): boolean {
    if (this.running?.jobId !== jobId) return false;
    this.running.controller.abort();
    return true;
  }

  /** Resolves once nothing runs. */
  async idle(): Promise<void> {
    while (this.running) await this.running.done.catch(() => undefined);
  }
}
