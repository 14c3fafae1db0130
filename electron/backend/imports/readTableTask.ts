import { AppError } from '@shared/errors';
import { task } from '../workers/task';
import { openTable, type RawRow, type Table } from './readTable';

/**
 * The worker side of reading an upload (platform.md: imports run off the main event loop). Unzipping an .xlsx,
 * parsing its XML and decoding a .csv happen here; the rows go to the backend in batches, as `progress`
 * messages, while the backend checks and writes the batches before them. The backend says when it has taken a
 * batch ('more'), so at most `window` batches wait in its queue whatever the file's size; 'stop' ends the read
 * early (the mapping step needs only the first rows) without ending the thread, which goes back to the pool.
 */

export interface ReadTableInput {
  path: string;
  fileName: string;
  /** Rows per message. */
  batchRows: number;
  /** Batches sent before the backend has to say it took one. */
  window: number;
}

/** One message from the worker: rows, and what the table knows so far (for progress and the mapping step). */
export interface RowsBatch {
  rows: RawRow[];
  bytesRead: number;
  encoding: Table['encoding'];
  sheetName: string | null;
}

/** What the backend streams to the task. */
export type ReadSignal = 'more' | 'stop';

export const readTableTask = task<ReadTableInput, { rows: number; stopped: boolean }>(async ({ input, chunks, progress, signal }) => {
  let credits = input.window;
  let stopped = false;
  let wake = null as (() => void) | null; // set by send(), called by the listener below
  // The backend's signals arrive while rows are parsed; they are counted here, not waited for one by one.
  void (async () => {
    try {
      for await (const s of chunks as AsyncIterable<ReadSignal>) {
        if (s === 'stop') stopped = true;
        else credits++;
        wake?.();
      }
    } catch {
      // cancelled: the signal below ends the read
    }
  })();

  const table = await openTable(input.path, input.fileName);
  let batch: RawRow[] = [];
  let count = 0;
  /** Sends the batch once the backend has room for it; false when it asked to stop. */
  const send = async (): Promise<boolean> => {
    while (credits === 0 && !stopped && !signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    if (signal.aborted) throw new AppError('CONFLICT', 'imports.errors.cancelled');
    if (stopped) return false;
    credits--;
    progress({ rows: batch, bytesRead: table.bytesRead(), encoding: table.encoding, sheetName: table.sheetName } satisfies RowsBatch);
    batch = [];
    return true;
  };
  signal.addEventListener('abort', () => wake?.(), { once: true });

  for await (const row of table.rows()) {
    batch.push(row);
    count++;
    if (batch.length >= input.batchRows && !(await send())) return { rows: count, stopped: true };
  }
  // The last batch goes even when empty: it carries the final byte count, the encoding and the sheet's name.
  return { rows: count, stopped: !(await send()) };
});
