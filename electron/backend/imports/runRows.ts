import { AppError } from '@shared/errors';
import { REQUIRED_IMPORT_FIELDS, type ImportMapping } from '@shared/schemas/imports';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { checkRow, type RowPlan } from './checkRow';
import { findHeaderRow, HEADER_NAMES, type HeaderRow } from './headers';
import type { ImportJob } from './jobs';
import type { DryRunRecorder } from './keptDryRuns';
import { customersByCode, loadLookups } from './lookups';
import type { RawRow, Table } from './readTable';

/** Rows checked (and written) together: one lookup of their codes, one set of multi-row statements. */
export const CHUNK = 1000;
const HEADER_ROWS_READ = 10;
export const PROGRESS_EVERY_MS = 150;

export interface Register {
  header: HeaderRow;
  /** The data rows under the header row; closing it (return/break) closes the file. */
  rows: AsyncGenerator<RawRow>;
}

/** Finds the header row among the first rows and hands on the rows below it. */
export async function openRegister(table: Table): Promise<Register> {
  const it = table.rows();
  const first: RawRow[] = [];
  let header: HeaderRow;
  try {
    while (first.length < HEADER_ROWS_READ) {
      const next = await it.next();
      if (next.done) break;
      first.push(next.value);
    }
    header = findHeaderRow(first);
  } catch (err) {
    await it.return(undefined);
    throw err;
  }
  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for (const r of first) if (r.row > header.row) yield r;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return(undefined);
    }
  }
  return { header, rows: rows() };
}

/** A file without a column for a field every new customer needs is refused before any row is read. */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const outside = mapping.find((m) => m.column >= headers.length);
  if (outside) throw new AppError('VALIDATION', 'imports.errors.noSuchColumn', { params: { column: outside.column + 1 } });
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping.some((m) => m.field === f));
  // Named as the template's headers: the register's own language, whatever the screen's.
  if (missing.length) throw new AppError('VALIDATION', 'imports.errors.requiredUnmapped', { params: { fields: missing.map((f) => HEADER_NAMES[f][0]).join('、') }, missing });
}

export interface RunCounts {
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  contacts: number;
}

export interface RunOptions {
  /** Where the customers on file are looked up: the read connection (dry run) or the import's transaction. */
  db: Reader | Tx;
  session: Session;
  table: Table;
  register: Register;
  mapping: ImportMapping;
  mode: 'upsert' | 'createOnly';
  job: ImportJob;
  progress(p: { done: number; total: number; rows: number }): void;
  /** Writes a chunk's plans (commit only); not called any more once a problem was found. */
  write?: (plans: RowPlan[]) => Promise<void>;
  /** Notes what a dry run looked up and planned, so its commit can reuse it (keptDryRuns.ts). */
  record?: DryRunRecorder;
}

/**
 * Checks every data row in chunks — and, when committing, writes each chunk as long as no row so far had a
 * problem; the caller's transaction then commits or rolls back the whole. Problems go to the job; a cancel
 * stops at the next chunk.
 */
export async function runRows(options: RunOptions): Promise<RunCounts> {
  const { job, register } = options;
  if (job.cancelled) throw new AppError('CONFLICT', 'imports.errors.cancelled');
  const lookups = await loadLookups(options.db);
  if (options.record) options.record.lookups = lookups.fingerprint;
  const seen = new Map<string, number>();
  const counts: RunCounts = { rows: 0, creates: 0, updates: 0, unchanged: 0, contacts: 0 };
  let lastProgress = 0;
  const report = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    options.progress({ done: options.table.bytesRead(), total: options.table.size, rows: counts.rows });
  };

  const runChunk = async (chunk: RawRow[]) => {
    const codes = [...new Set(chunk.map((r) => codeOf(r, options.mapping)).filter((c): c is string => c !== null))];
    const onFile = await customersByCode(options.db, codes);
    const plans: RowPlan[] = [];
    for (const raw of chunk) {
      const { plan, problems } = checkRow(raw, {
        session: options.session,
        mapping: options.mapping,
        headers: register.header.headers,
        lookups,
        mode: options.mode,
        onFile,
        seen,
      });
      counts.rows++;
      if (problems.length) job.add(problems);
      if (!plan) continue;
      if (plan.kind === 'create') counts.creates++;
      else if (plan.kind === 'update') counts.updates++;
      else counts.unchanged++;
      if (plan.kind === 'create' ? plan.contact : plan.kind === 'update' ? plan.contact : null) counts.contacts++;
      plans.push(plan);
    }
    // A dry run with a problem is not kept: no need to hold its plans.
    if (job.problemCount === 0) options.record?.chunk(codes, onFile, plans);
    if (options.write && job.problemCount === 0) await options.write(plans);
    if (job.cancelled) throw new AppError('CONFLICT', 'imports.errors.cancelled');
    report(false);
  };

  let chunk: RawRow[] = [];
  for await (const raw of register.rows) {
    chunk.push(raw);
    if (chunk.length >= CHUNK) {
      await runChunk(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await runChunk(chunk);
  if (counts.rows === 0) throw new AppError('VALIDATION', 'imports.errors.noData');
  report(true);
  return counts;
}

/** The code a row names, as the lookup needs it (invalid codes are reported by checkRow). */
function codeOf(raw: RawRow, mapping: ImportMapping): string | null {
  const column = mapping.find((m) => m.field === 'code')?.column;
  const cell = column === undefined ? null : raw.cells[column];
  if (typeof cell === 'string') return cell.trim() || null;
  if (typeof cell === 'number') return String(cell);
  return null;
}
