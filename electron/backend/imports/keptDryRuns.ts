import { createHash } from 'node:crypto';
import type { ImportMapping, ImportMode } from '@shared/schemas/imports';
import type { Session } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Store } from '../db/store';
import type { RowPlan } from './checkRow';
import type { OnFile } from './lookups';
import type { RunCounts } from './runRows';

/**
 * What a clean dry run found — every row's plan — kept for the commit that usually follows within minutes, so
 * the commit need not read and check the file a second time. Kept in memory only (like the jobs): bounded in
 * rows, forgotten after KEPT_MINUTES, when the upload has served, or when a newer dry run of the same upload
 * replaces it.
 *
 * A plan depends on the file, the mapping and mode, the user's rights, the staff and code lists in force and the
 * customers on file the codes name. The first four are the key (a different one finds nothing); the last two
 * are what the database decides at commit time, so the dry run notes what it saw of them and the commit compares
 * that, inside its write transaction, before it trusts a single plan (commitKept.ts).
 */

/** How long a dry run's plans wait for their commit. */
export const KEPT_MINUTES = 30;
/**
 * Rows of all kept dry runs together: one full register (a 16 MB .xlsx has about 120,000 rows, ~1 KiB of heap each
 * as plans); beyond it the oldest go first, and a larger dry run is not kept (its commit checks the file again).
 */
export const MAX_KEPT_ROWS = 150_000;

/** One chunk of the dry run as it looked the customers up: its codes and what was on file for them. */
export interface CheckedChunk {
  codes: string[];
  /** Upper-case code → the customer on file with its contacts, as JSON (absent: no such code then). */
  onFile: Map<string, string>;
}

export interface KeptDryRun {
  /** The mapping, mode, user's rights and file the plans were made for. */
  readonly fingerprint: string;
  /** The active staff and code-list entries the cells were read against (Lookups.fingerprint). */
  readonly lookups: string;
  readonly chunks: CheckedChunk[];
  /** Every row's plan, in file order. */
  readonly plans: RowPlan[];
  readonly counts: RunCounts;
  readonly expiresAt: number;
}

/** What a dry run's plans were made for, beyond the database: a change to any of them finds no kept plans. */
export function runFingerprint(run: {
  session: Session;
  mapping: ImportMapping;
  mode: ImportMode;
  file: { size: number; mtimeMs: number };
}): string {
  const facts = {
    mapping: [...run.mapping].sort((a, b) => a.column - b.column),
    mode: run.mode,
    // checkRow's rules read these: A-class visibility and who approves order cycles.
    user: run.session.userId,
    roles: [...run.session.roles].sort(),
    projectStaff: run.session.projectStaff,
    file: [run.file.size, run.file.mtimeMs],
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

/** Collects a dry run's chunks as runRows checks them. */
export class DryRunRecorder {
  /** Lookups.fingerprint of the run. */
  lookups = '';
  readonly chunks: CheckedChunk[] = [];
  readonly plans: RowPlan[] = [];

  chunk(codes: string[], onFile: ReadonlyMap<string, OnFile>, plans: readonly RowPlan[]): void {
    this.chunks.push({ codes, onFile: new Map([...onFile].map(([code, found]) => [code, JSON.stringify(found)])) });
    for (const plan of plans) this.plans.push(plan);
  }
}

const keyOf = (userId: number, uploadId: string) => `${userId}:${uploadId}`;

export class KeptDryRuns {
  private readonly kept = new Map<string, KeptDryRun>();

  constructor(private readonly now: () => number) {}

  /** Keeps a clean dry run for the upload, replacing an earlier one; one too large for the bound is not kept. */
  keep(userId: number, uploadId: string, run: Omit<KeptDryRun, 'expiresAt'>): void {
    const key = keyOf(userId, uploadId);
    this.kept.delete(key);
    this.prune();
    if (run.plans.length > MAX_KEPT_ROWS) return;
    this.kept.set(key, { ...run, expiresAt: this.now() + KEPT_MINUTES * 60_000 });
    // Memory is given back at the expiry even when no import follows (a timer that never keeps the process up).
    setTimeout(() => this.prune(), KEPT_MINUTES * 60_000 + 1_000).unref();
    // Oldest first (a Map iterates in insertion order) until the rows fit.
    let rows = [...this.kept.values()].reduce((n, k) => n + k.plans.length, 0);
    for (const [k, entry] of this.kept) {
      if (rows <= MAX_KEPT_ROWS) break;
      this.kept.delete(k);
      rows -= entry.plans.length;
    }
  }

  /** The plans a dry run of this upload made for exactly this fingerprint, unless they have expired. */
  find(userId: number, uploadId: string, fingerprint: string): KeptDryRun | null {
    this.prune();
    const entry = this.kept.get(keyOf(userId, uploadId));
    return entry && entry.fingerprint === fingerprint ? entry : null;
  }

  forget(userId: number, uploadId: string): void {
    this.kept.delete(keyOf(userId, uploadId));
    this.prune();
  }

  /** Drops what has expired. Runs on every use, so an abandoned dry run goes at the next import at the latest. */
  prune(): void {
    const now = this.now();
    for (const [key, entry] of this.kept) if (entry.expiresAt <= now) this.kept.delete(key);
  }

  /** Rows kept in all (tests, and the bound above). */
  get rows(): number {
    return [...this.kept.values()].reduce((n, k) => n + k.plans.length, 0);
  }
}

const registry = new WeakMap<Store, KeptDryRuns>();

/** The kept dry runs of one backend (one store): tests run many backends in one process. */
export function keptDryRuns(store: Store, clock: Clock): KeptDryRuns {
  let kept = registry.get(store);
  if (!kept) registry.set(store, (kept = new KeptDryRuns(() => clock.now().getTime())));
  return kept;
}
