import { AppError } from '@shared/errors';
import type { Tx } from '../db/writeQueue';
import type { RowPlan } from './checkRow';
import type { ImportJob } from './jobs';
import type { KeptDryRun } from './keptDryRuns';
import { customersByCode, loadLookups } from './lookups';
import { CHUNK, PROGRESS_EVERY_MS, type RunCounts } from './runRows';

/**
 * The commit of a file whose dry run was kept: what the database decides is checked again inside the import's
 * write transaction, then the dry run's plans are written without reading the file again.
 */

/**
 * Whether the dry run's plans are still what checking the file now would give: the same active staff and
 * code-list entries, and for every code of the file the same customer on file (or still none) with the same
 * contacts. Anything else — a code added, a customer edited or archived, a manager deactivated — and the commit
 * checks the whole file again (and refuses it if a row became invalid).
 */
export async function dryRunStillHolds(tx: Tx, kept: KeptDryRun): Promise<boolean> {
  if ((await loadLookups(tx)).fingerprint !== kept.lookups) return false;
  for (const chunk of kept.chunks) {
    const now = await customersByCode(tx, chunk.codes);
    if (now.size !== chunk.onFile.size) return false;
    for (const [code, found] of now) if (chunk.onFile.get(code) !== JSON.stringify(found)) return false;
  }
  return true;
}

/** Writes the kept plans chunk by chunk with the same progress events and cancel points as a full run. */
export async function writeKept(
  kept: KeptDryRun,
  options: {
    job: ImportJob;
    /** The file's size: progress is counted in the file's bytes, as a full run counts them. */
    size: number;
    progress(p: { done: number; total: number; rows: number }): void;
    write(plans: RowPlan[]): Promise<void>;
  },
): Promise<RunCounts> {
  const { job, plans, size } = { ...options, plans: kept.plans };
  let lastProgress = 0;
  const report = (rows: number, force: boolean) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    options.progress({ done: Math.round((rows / plans.length) * size), total: size, rows });
  };
  for (let i = 0; i < plans.length; i += CHUNK) {
    if (job.cancelled) throw new AppError('CONFLICT', 'imports.errors.cancelled');
    const chunk = plans.slice(i, i + CHUNK);
    await options.write(chunk);
    report(i + chunk.length, false);
  }
  if (job.cancelled) throw new AppError('CONFLICT', 'imports.errors.cancelled');
  report(plans.length, true);
  return { ...kept.counts };
}
