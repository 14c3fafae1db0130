import type { ColumnFilter, GridColumns } from '../grid';
import type { JobState } from '../schemas/delivery';

/** 导出目标: the admin's list of targets with their live state. */
export const targetGridColumns = {
  name: 'text',
  folder: 'text',
  subFolder: 'text',
  enabled: 'set',
  state: 'set',
  freeBytes: 'number',
  checkedAt: 'date',
  pendingJobs: 'number',
} as const satisfies GridColumns;

/** 导出任务: every file handed to the outbox, waiting, failed (retrying), delivered, or closed without delivery (abandoned, lost). */
export const jobGridColumns = {
  id: 'number',
  createdAt: 'date',
  register: 'text',
  fileName: 'text',
  rows: 'number',
  bytes: 'number',
  targetName: 'text',
  userName: 'text',
  state: 'set',
  attempts: 'number',
  lastError: 'set',
  nextAttemptAt: 'date',
  finalPath: 'text',
  deliveredAt: 'date',
} as const satisfies GridColumns;

/** The state views of the 导出任务 page (全部 / 未送达 / 已送达), keys of `delivery.jobs.stateFilter`. */
export const JOB_STATE_VIEWS = ['all', 'undelivered', 'delivered'] as const;
export type JobStateView = (typeof JOB_STATE_VIEWS)[number];

/**
 * 未送达 is every job whose file did not reach the share: waiting and failed (still tried), and closed without
 * delivery — abandoned (已放弃) and undeliverable (无法投递) — so nothing that failed to arrive hides from the clerk
 * (exports.md: a report that could not be delivered is never lost). Which of them can still be retried is the
 * state column's and the row's buttons' business, not the view's.
 */
const VIEW_STATES: Record<Exclude<JobStateView, 'all'>, readonly JobState[]> = {
  undelivered: ['pending', 'failed', 'abandoned', 'lost'],
  delivered: ['delivered'],
};

/** The filter a state view puts on the jobs grid (the `state` set column; 全部 filters nothing). */
export function jobStateFilter(view: JobStateView): Record<string, ColumnFilter> {
  return view === 'all' ? {} : { state: { filterType: 'set', values: [...VIEW_STATES[view]] } };
}
