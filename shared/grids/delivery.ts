import type { GridColumns } from '../grid';

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

/** 导出任务: every file handed to the outbox, waiting, failed (retrying) or delivered. */
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
