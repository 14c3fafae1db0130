import type { GridColumns } from '../grid';

/** 备份记录: the backup log's columns (sorted and filtered in the backend over the log). */
export const backupGridColumns = {
  at: 'date',
  kind: 'set',
  check: 'set',
  presence: 'set',
  size: 'number',
  durationMs: 'number',
  id: 'text',
} as const satisfies GridColumns;
