import { task } from '../workers/task';
import { onlineCopy } from './onlineCopy';
import { sealAndCheck, type CopyCheck } from './checkCopy';

/**
 * The two heavy steps of a backup as worker tasks (workers/): each opens its own sqlite3 connection in the
 * worker thread. Progress and cancel keep their meaning — pages of the copy; the signal interrupts the check.
 */
export const copyDatabaseTask = task<{ source: string; dest: string; pagesPerStep?: number }, { pages: number }>(
  ({ input, progress, signal }) =>
    onlineCopy(input.source, input.dest, { signal, pagesPerStep: input.pagesPerStep, onProgress: (p) => progress(p) }),
);

export const checkCopyTask = task<{ file: string }, CopyCheck>(({ input, signal }) => sealAndCheck(input.file, signal));
