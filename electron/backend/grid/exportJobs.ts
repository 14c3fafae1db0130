import { channelSpec, type ChannelName } from '@shared/contract';
import { AppError } from '@shared/errors';
import { exportedFile } from '@shared/grid';
import type { Handler, ManualContext } from '../handlers';
import type { Store } from '../db/store';

/** What one export call carries besides its input: its client job id and the signal its cancel fires. */
export interface ExportJob {
  jobId: string;
  signal: AbortSignal;
}

/** Cancels of jobs not (yet) running, kept briefly: the 取消 may overtake its export's call. */
const KEPT_EARLY_CANCELS = 20;

/** The exports one backend (one store) is running, per user: cancel flags only, nothing outlives the call. */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>();
  private readonly cancelledEarly = new Set<string>();

  begin(userId: number, jobId: string): AbortController {
    const key = `${userId}:${jobId}`;
    if (this.running.has(key)) throw new AppError('CONFLICT', 'exports.errors.jobRunning');
    const controller = new AbortController();
    if (this.cancelledEarly.delete(key)) controller.abort();
    this.running.set(key, controller);
    return controller;
  }

  end(userId: number, jobId: string): void {
    this.running.delete(`${userId}:${jobId}`);
  }

  /** Cancels the caller's own export; another user's job id finds nothing. */
  cancel(userId: number, jobId: string): void {
    const key = `${userId}:${jobId}`;
    const running = this.running.get(key);
    if (running) return running.abort();
    this.cancelledEarly.add(key);
    if (this.cancelledEarly.size > KEPT_EARLY_CANCELS) this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
  }
}

const registry = new WeakMap<Store, ExportJobs>();

export function exportJobs(store: Store): ExportJobs {
  let jobs = registry.get(store);
  if (!jobs) registry.set(store, (jobs = new ExportJobs()));
  return jobs;
}

/** The job of the export call `ctx` belongs to (keyed by the call's own context, as exportNotes.ts does). */
const jobsOfCalls = new WeakMap<object, ExportJob>();
export const exportJobOf = (ctx: object): ExportJob | undefined => jobsOfCalls.get(ctx);

type AnyHandler = Handler<ChannelName>;
type AnyTable = Partial<Record<ChannelName, AnyHandler>>;
const tracked = new WeakSet<AnyHandler>();

/**
 * Wraps, in place, every export channel (output: an exported file) so that a call with a `jobId` can be
 * followed and cancelled: the job is registered for `exports.cancel` while the call runs, and exportRegister
 * (exportView.ts) finds it through the call's context. A call without a jobId runs exactly as before.
 */
export function trackExportJobs(parts: readonly AnyTable[]): void {
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part) as [ChannelName, AnyHandler][]) {
      if (channelSpec(name)?.output !== exportedFile || tracked.has(handler)) continue;
      const wrapped = withJob(handler);
      tracked.add(wrapped);
      part[name] = wrapped;
    }
  }
}

function withJob(handler: AnyHandler): AnyHandler {
  const run = handler as unknown as (input: unknown, ctx: ManualContext) => Promise<unknown>;
  const wrapped = async (input: unknown, ctx: ManualContext) => {
    const jobId = (input as { jobId?: unknown } | null)?.jobId;
    if (typeof jobId !== 'string') return run(input, ctx);
    const jobs = exportJobs(ctx.store);
    const controller = jobs.begin(ctx.session.userId, jobId);
    jobsOfCalls.set(ctx, { jobId, signal: controller.signal });
    try {
      return await run(input, ctx);
    } finally {
      jobs.end(ctx.session.userId, jobId);
    }
  };
  return wrapped as unknown as AnyHandler;
}
