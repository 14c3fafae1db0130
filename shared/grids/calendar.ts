import type { GridColumns } from '../grid';

/** The working-day calendar's grid (系统设置 › 工作日历): whitelisted columns and their filter kinds. */
export const calendarGridColumns = {
  date: 'date',
  weekday: 'set',
  kind: 'set',
  name: 'text',
  updatedAt: 'date',
  updatedBy: 'text',
} as const satisfies GridColumns;
