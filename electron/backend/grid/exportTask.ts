import { task } from '../workers/task';
import { writeSheet, type Cell, type SheetSpec } from './exportSheet';

/** What the export task reports: rows written so far. */
export interface ExportTaskProgress {
  rows: number;
}

/**
 * The worker half of an export: the main side runs the SQL and turns each row into cells; this writes the file
 * from the batches it streams (ctx.chunks) and reports the rows written after each batch.
 */
export const writeExportTask = task<SheetSpec, number>(async ({ input, chunks, progress }) =>
  writeSheet(input, chunks as AsyncIterable<Cell[][]>, (rows) => progress({ rows } satisfies ExportTaskProgress)),
);
