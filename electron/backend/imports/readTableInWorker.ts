import { AppError } from '@shared/errors';
import { runTask, WorkerStopped } from '../workers/runTask';
import { inspectUpload, type RawRow, type Table } from './readTable';
import type { ReadSignal, RowsBatch } from './readTableTask';

const BATCH_ROWS = 500;
const WINDOW = 4;
/** How long an early stop may take before the thread is ended instead. */
const STOP_GRACE_MS = 2000;

const cancelled = () => new AppError('CONFLICT', 'imports.errors.cancelled');

/**
 * Opens an upload whose rows are parsed in a worker thread (readTableTask.ts), so a 100,000-row register does not
 * hold up the backend's event loop — in Electron the main process, whose stall would freeze every window. What
 * cannot be read at all (.xls, an empty file, a wrong extension) is refused here at once, before any thread
 * starts; what the worker finds (a damaged zip, a malformed CSV) arrives as the same AppErrors the file's reader
 * throws. The returned Table behaves as readTable.ts's: rows in order, `bytesRead` for progress, and stopping
 * early (a `break`) ends the read.
 */
export async function openTableInWorker(path: string, fileName: string): Promise<Table> {
  const { kind, size } = await inspectUpload(path, fileName);
  let read = 0;
  const table: Table = {
    kind,
    encoding: null,
    sheetName: null,
    size,
    bytesRead: () => read,
    rows: () => rowsOf(path, fileName, (batch) => {
      read = batch.bytesRead;
      table.encoding = batch.encoding;
      table.sheetName = batch.sheetName;
    }),
  };
  return table;
}

async function* rowsOf(path: string, fileName: string, onBatch: (batch: RowsBatch) => void): AsyncGenerator<RawRow> {
  const queue: RowsBatch[] = [];
  let taken = 0;
  let stopping = false;
  // (`as`: the callbacks below change these; TypeScript would otherwise take them as always null here.)
  let settled = null as { error?: unknown } | null;
  let wakeReader = null as (() => void) | null;
  let wakeFeed = null as (() => void) | null;
  const wake = () => {
    wakeReader?.();
    wakeFeed?.();
  };
  const controller = new AbortController();

  /** Tells the worker each batch taken ('more'), or to stop early; ends when the run does. */
  async function* feed(): AsyncGenerator<ReadSignal> {
    for (;;) {
      while (taken === 0 && !stopping && !settled) await new Promise<void>((resolve) => (wakeFeed = resolve));
      wakeFeed = null;
      if (settled) return;
      if (stopping) {
        yield 'stop';
        return;
      }
      taken--;
      yield 'more';
    }
  }

  const running = runTask('import.read', { path, fileName, batchRows: BATCH_ROWS, window: WINDOW }, {
    feed: feed(),
    maxInFlight: WINDOW * 4,
    onProgress: (batch) => {
      queue.push(batch as RowsBatch);
      wakeReader?.();
    },
    signal: controller.signal,
    cancelled,
  }).then(
    () => void (settled = {}),
    (error: unknown) => void (settled = { error }),
  );
  void running.finally(wake);

  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        onBatch(batch);
        taken++;
        wakeFeed?.();
        yield* batch.rows;
        continue;
      }
      if (settled) {
        if (settled.error !== undefined) throw readError(settled.error);
        return;
      }
      await new Promise<void>((resolve) => (wakeReader = resolve));
      wakeReader = null;
    }
  } finally {
    if (!settled) {
      // Stopped early (the mapping step's sample, a cancel, a refusal): the worker stops at its next batch and
      // its thread is reused; one that does not answer in time is ended.
      stopping = true;
      wakeFeed?.();
      const timer = setTimeout(() => controller.abort(), STOP_GRACE_MS);
      await running;
      clearTimeout(timer);
    }
  }
}

/** The worker's thread died (out of memory on a pathological file, say): nothing was imported, say so plainly. */
function readError(error: unknown): unknown {
  if (error instanceof WorkerStopped) return new AppError('INTERNAL', 'imports.errors.readerStopped');
  return error;
}
