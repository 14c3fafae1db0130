import type { Task } from './task';

/**
 * Every task a worker thread can run, by name (runTask's first argument), each loaded only by the worker that
 * runs it — a backup's worker does not load ExcelJS. The imports are static strings, so the bundled worker
 * (out/main/worker.js) carries every task. Add a task: write it with `task()` (task.ts) in its domain's folder,
 * name it here.
 */
export const TASKS = {
  /** Writes an export file (.xlsx/.csv) from streamed batches of cells (grid/exportWriter.ts). */
  'export.write': async () => (await import('../grid/exportTask')).writeExportTask,
  /** SQLite online backup of the live database into a new file (backups/takeBackup.ts). */
  'backup.copy': async () => (await import('../backups/copyTasks')).copyDatabaseTask,
  /** Seals a fresh copy (rollback journal) and runs its integrity check (backups/takeBackup.ts). */
  'backup.check': async () => (await import('../backups/copyTasks')).checkCopyTask,
  /** Parses an uploaded .xlsx/.csv and streams its rows back in batches (imports/readTableInWorker.ts). */
  'import.read': async () => (await import('../imports/readTableTask')).readTableTask,
} satisfies Record<string, () => Promise<Task<never, unknown>>>;

export type TaskTable = Record<string, () => Promise<Task<never, unknown>>>;
