import { AppError } from '@shared/errors';
import type { CsvEncoding, ExportFormat } from '@shared/grid';
import { runTask } from '../workers/runTask';
import type { Cell } from './exportSheet';
import type { ExportTaskProgress } from './exportTask';

export interface ExportColumn<R> {
  header: string;
  /** Width in Excel character units. */
  width: number;
  value: (row: R) => Cell;
  numFmt?: string;
}

export interface ExportJob<R> {
  path: string;
  format: ExportFormat;
  /** A .csv's encoding (the office's setting, exports.csvEncoding); UTF-8 when absent. */
  csvEncoding?: CsvEncoding;
  /** The register's name: the sheet name and the title row. */
  title: string;
  /** "生成时间 … 制表人 …" under the title. */
  subtitle: string;
  columns: ExportColumn<R>[];
  rows: AsyncIterable<R[]>;
  /** Rows written so far, after each batch. */
  onRows?: (rows: number) => void;
  /** Cancels: the partial file is removed and the export ends with `exports.errors.cancelled`. */
  signal?: AbortSignal;
}

export const exportCancelled = () => new AppError('CONFLICT', 'exports.errors.cancelled');

/** Batches of cells in flight to the worker: with the SQL's 2,000-row chunks, about 8,000 rows at most. */
const MAX_BATCHES_IN_FLIGHT = 4;

/**
 * Writes a register as .xlsx (streamed, A4 landscape, frozen header) or .csv (UTF-8 BOM or GB18030, CRLF). Returns the row
 * count. The split (platform.md: heavy work off the event loop): this side runs the SQL (node-sqlite3 already
 * queries on libuv's threads) and turns each row into plain cells; a worker thread does the XML, zip and CSV
 * work (exportTask.ts). Batches are sent with backpressure, so memory stays bounded however long the register.
 */
export async function writeExport<R>(job: ExportJob<R>): Promise<number> {
  const { columns, rows } = job;
  async function* cells(): AsyncGenerator<Cell[][]> {
    for await (const chunk of rows) yield chunk.map((row) => columns.map((c) => c.value(row)));
  }
  return runTask(
    'export.write',
    {
      path: job.path,
      format: job.format,
      ...(job.format === 'csv' && job.csvEncoding ? { csvEncoding: job.csvEncoding } : {}),
      title: job.title,
      subtitle: job.subtitle,
      columns: columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { numFmt: c.numFmt } : {}) })),
    },
    {
      feed: cells(),
      maxInFlight: MAX_BATCHES_IN_FLIGHT,
      output: job.path,
      signal: job.signal,
      cancelled: exportCancelled,
      onProgress: (p) => job.onRows?.((p as ExportTaskProgress).rows),
    },
  );
}
