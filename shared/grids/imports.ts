import type { GridColumns } from '../grid';

/** 导入记录: the import log grid's column whitelist. */
export const importLogColumns = {
  startedAt: 'date',
  userName: 'text',
  fileName: 'text',
  result: 'set',
  rows: 'number',
  created: 'number',
  updated: 'number',
  contacts: 'number',
  problems: 'number',
  receivedOn: 'date',
} as const satisfies GridColumns;
