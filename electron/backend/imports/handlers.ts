import { stat } from 'node:fs/promises';
import { AppError, fieldError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { ImportRunInput, ImportSummary } from '@shared/schemas/imports';
import { handlers } from '../registry';
import type { BaseContext } from '../handlers';
import { gridPage } from '../grid/page';
import { isLate } from '../customers/history';
import { cellText } from './cellValues';
import { suggestMapping } from './headers';
import { importLogGrid, insertLogEntry } from './importLog';
import { importJobs, type ImportJob } from './jobs';
import type { RawCell } from './readTable';
import { openTableInWorker } from './readTableInWorker';
import { checkMapping, openRegister, runRows, type Register, type RunCounts } from './runRows';
import { importTemplate } from './template';
import { writeCreates, writeUpdates, type ImportWriter } from './writePlans';
import type { RowPlan } from './checkRow';
import type { UploadedFile } from '../files/uploads';
import type { Tx } from '../db/writeQueue';
import { dryRunStillHolds, writeKept } from './commitKept';
import { DryRunRecorder, keptDryRuns, runFingerprint } from './keptDryRuns';

const SAMPLE_ROWS = 5;

/** A cell as the mapping step shows it: a formula as its text, so the user sees why it will be refused. */
function sampleText(cell: RawCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'object' && 'formula' in cell) return cell.formula;
  if (typeof cell === 'object' && 'error' in cell) return cell.error;
  return cellText(cell);
}

function uploaded(ctx: BaseContext, uploadId: string): UploadedFile {
  const file = ctx.uploads.resolve(uploadId, ctx.session.userId);
  if (!file) throw new AppError('NOT_FOUND', 'imports.errors.uploadMissing');
  return file;
}

/** The file, its header row and the mapping checked — everything a run needs before its first data row. */
async function openChecked(file: UploadedFile, mapping: ImportRunInput['mapping']) {
  const table = await openTableInWorker(file.path, file.fileName);
  const register = await openRegister(table);
  try {
    checkMapping(mapping, register.header.headers);
  } catch (err) {
    await register.rows.return(undefined);
    throw err;
  }
  return { table, register };
}

function checkReceivedOn(ctx: BaseContext, input: ImportRunInput) {
  if (input.receivedOn > localDate(ctx.clock.now())) throw fieldError('receivedOn', 'v.futureDate');
}

/** What a dry run's plans are made for besides the database (keptDryRuns.ts): user, mapping, mode, the file. */
async function fingerprintOf(ctx: BaseContext, input: ImportRunInput, file: UploadedFile): Promise<string> {
  const { size, mtimeMs } = await stat(file.path);
  return runFingerprint({ session: ctx.session, mapping: input.mapping, mode: input.mode, file: { size, mtimeMs } });
}

const kept = (ctx: BaseContext) => keptDryRuns(ctx.store, ctx.clock);

function summary(job: ImportJob, counts: RunCounts): ImportSummary {
  return { jobId: job.id, ...counts, problemRows: job.problemRows.size, problems: job.problemCount };
}

const progress =
  (ctx: BaseContext, jobId: string, phase: 'check' | 'import') =>
  (p: { done: number; total: number; rows: number }) =>
    ctx.events.emit('job.progress', { jobId, phase, ...p });

/** Page cache for the import's transaction (KiB, negative as SQLite takes it), as the seed CLI's bulk writes use. */
const IMPORT_CACHE_KIB = -131072;

/** Runs `work` with a large page cache on the writer, putting the usual size back before the transaction ends. */
async function withLargeCache<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  const before = await tx.get<{ cache_size: number }>('PRAGMA cache_size');
  await tx.run(`PRAGMA cache_size = ${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    await tx.run(`PRAGMA cache_size = ${Math.trunc(before?.cache_size ?? -2000)}`);
  }
}

/** Marks a refusal found inside the transaction, so it rolls back and is then logged outside it. */
class Refused extends Error {
  constructor(readonly counts: RunCounts) {
    super('import refused');
  }
}

async function closeQuietly(register: Register) {
  await register.rows.return(undefined).catch(() => undefined);
}

export const importHandlers = handlers({
  'imports.inspect': async (input, ctx) => {
    const file = uploaded(ctx, input.uploadId);
    const table = await openTableInWorker(file.path, file.fileName);
    const register = await openRegister(table);
    const sample: string[][] = [];
    try {
      for await (const row of register.rows) {
        sample.push(register.header.headers.map((_, i) => sampleText(row.cells[i])));
        if (sample.length >= SAMPLE_ROWS) break;
      }
    } finally {
      await closeQuietly(register);
    }
    if (sample.length === 0) throw new AppError('VALIDATION', 'imports.errors.noData');
    return {
      fileName: file.fileName,
      size: file.size,
      kind: table.kind,
      encoding: table.encoding,
      sheetName: table.sheetName,
      headerRow: register.header.row,
      headers: register.header.headers,
      suggested: suggestMapping(register.header.headers),
      sample,
    };
  },

  'imports.check': async (input, ctx) => {
    checkReceivedOn(ctx, input);
    const file = uploaded(ctx, input.uploadId);
    const { table, register } = await openChecked(file, input.mapping);
    const job = importJobs(ctx.store).begin(input.jobId, ctx.session.userId);
    const record = new DryRunRecorder();
    try {
      const fingerprint = await fingerprintOf(ctx, input, file);
      const counts = await runRows({
        db: ctx.db,
        session: ctx.session,
        table,
        register,
        mapping: input.mapping,
        mode: input.mode,
        job,
        progress: progress(ctx, job.id, 'check'),
        record,
      });
      // A clean dry run is kept for its commit; one with problems cannot be committed as it is.
      if (job.problemCount === 0) kept(ctx).keep(ctx.session.userId, input.uploadId, { fingerprint, lookups: record.lookups, chunks: record.chunks, plans: record.plans, counts });
      else kept(ctx).forget(ctx.session.userId, input.uploadId);
      return summary(job, counts);
    } finally {
      job.running = false;
      await closeQuietly(register);
    }
  },

  'imports.problems': async (input, ctx) => {
    const job = importJobs(ctx.store).find(input.jobId, ctx.session.userId);
    if (!job) throw new AppError('NOT_FOUND', 'imports.errors.jobMissing');
    return { rows: job.problems.slice(input.startRow, input.endRow), rowCount: job.problems.length };
  },

  'imports.cancel': async (input, ctx) => {
    importJobs(ctx.store).cancel(input.jobId, ctx.session.userId);
    return { ok: true as const };
  },

  'imports.commit': async (input, ctx) => {
    checkReceivedOn(ctx, input);
    const file = uploaded(ctx, input.uploadId);
    // The clean dry run of this very file, mapping, mode and user, if there was one: then the file is not read
    // again unless the database has changed under it since.
    const dryRun = kept(ctx).find(ctx.session.userId, input.uploadId, await fingerprintOf(ctx, input, file));
    let source = dryRun ? null : await openChecked(file, input.mapping);
    const job = importJobs(ctx.store).begin(input.jobId, ctx.session.userId);
    const startedAt = ctx.clock.now();
    const entry = {
      fileName: file.fileName,
      size: file.size,
      startedAt: startedAt.toISOString(),
      receivedOn: input.receivedOn,
    };
    let counts: RunCounts = { rows: 0, creates: 0, updates: 0, unchanged: 0, contacts: 0 };
    try {
      // A large import touches more pages than the default cache holds.
      const result = await ctx.write((w) =>
        withLargeCache(w.tx, async () => {
          const writer: ImportWriter = {
            tx: w.tx,
            session: ctx.session,
            channel: ctx.channel,
            at: startedAt.toISOString(),
            receivedOn: input.receivedOn,
            // The 超期更新 rule of the customer form, by the office's working-day calendar.
            late: await isLate(w.tx, input.receivedOn, localDate(startedAt)),
          };
          const write = async (plans: RowPlan[]) => {
            await writeCreates(
              writer,
              plans.filter((p): p is Extract<RowPlan, { kind: 'create' }> => p.kind === 'create'),
            );
            await writeUpdates(
              writer,
              plans.filter((p): p is Extract<RowPlan, { kind: 'update' }> => p.kind === 'update'),
            );
          };
          const reuse = dryRun !== null && (await dryRunStillHolds(w.tx, dryRun));
          if (reuse) {
            counts = await writeKept(dryRun, { job, size: file.size, progress: progress(ctx, job.id, 'import'), write });
          } else {
            // Stale plans are of no further use: the database has moved on since the dry run.
            if (dryRun) kept(ctx).forget(ctx.session.userId, input.uploadId);
            source ??= await openChecked(file, input.mapping);
            counts = await runRows({
              db: w.tx,
              session: ctx.session,
              table: source.table,
              register: source.register,
              mapping: input.mapping,
              mode: input.mode,
              job,
              progress: progress(ctx, job.id, 'import'),
              write,
            });
          }
          // Any problem in any row: nothing of the file is kept.
          if (job.problemCount > 0) throw new Refused(counts);
          const logId = await insertLogEntry(w.tx, ctx.session, {
            ...entry,
            finishedAt: ctx.clock.now().toISOString(),
            result: 'done',
            rows: counts.rows,
            created: counts.creates,
            updated: counts.updates,
            contacts: counts.contacts,
            problems: 0,
          });
          await w.audit({
            action: 'import',
            entity: 'importLog',
            entityId: logId,
            summary: {
              fileName: file.fileName,
              rows: counts.rows,
              created: counts.creates,
              updated: counts.updates,
              contacts: counts.contacts,
              receivedOn: input.receivedOn,
            },
          });
          w.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
          return { ...summary(job, counts), logId };
        }),
      );
      await ctx.uploads.discard(input.uploadId, ctx.session.userId);
      kept(ctx).forget(ctx.session.userId, input.uploadId);
      return result;
    } catch (err) {
      const cancelled = err instanceof AppError && err.message === 'imports.errors.cancelled';
      if (!(err instanceof Refused) && !cancelled) throw err;
      if (err instanceof Refused) counts = err.counts;
      // The attempt itself is recorded (导入记录 and the audit log); the customers are untouched.
      await ctx.write(async (w) => {
        const logId = await insertLogEntry(w.tx, ctx.session, {
          ...entry,
          finishedAt: ctx.clock.now().toISOString(),
          result: cancelled ? 'cancelled' : 'refused',
          rows: counts.rows,
          created: 0,
          updated: 0,
          contacts: 0,
          problems: job.problemCount,
        });
        await w.audit({
          action: cancelled ? 'importCancelled' : 'importRefused',
          entity: 'importLog',
          entityId: logId,
          summary: { fileName: file.fileName, rows: counts.rows, problems: job.problemCount },
        });
      });
      if (cancelled) throw err;
      throw new AppError('VALIDATION', 'imports.errors.hasProblems', {
        params: { count: job.problemCount, rows: job.problemRows.size },
        jobId: job.id,
      });
    } finally {
      job.running = false;
      if (source) await closeQuietly(source.register);
    }
  },

  'imports.log': async (input, ctx) => gridPage(ctx.db, importLogGrid, input),

  'imports.template': async (_input, ctx) => importTemplate(ctx),
});
