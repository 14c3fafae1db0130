/**
 * What every benchmark module gets: where to work, how many runs, and the shared large database (built once
 * with the seed CLI's own code, reused by later runs and by every module that needs it).
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackend, type Backend, type Caller } from '../../electron/backend';
import { DB_FILE } from '../../electron/backend/db/store';
import {
  ensureAdmin,
  ensureStaff,
  officeCounts,
  progressPrinter,
  seedCustomers,
  SEED_ADMIN,
} from '../../electron/cli/seedData';
import type { Row } from './measure';

export interface LargeOffice {
  dataDir: string;
  dbFile: string;
  customers: number;
  /** Seconds it took to add the missing customers in this run; null when the database was reused. */
  seededSeconds: number | null;
  seededCount: number;
}

export interface BenchContext {
  readonly workDir: string;
  readonly runs: number;
  readonly warmup: number;
  /** How many customers the large database holds (200,000 unless --customers says otherwise). */
  readonly customers: number;
  log(message: string): void;
  /** The large database, created or topped up on first use. */
  largeOffice(): Promise<LargeOffice>;
  /** The large database if a benchmark asked for it (for the report's footer). */
  preparedOffice(): LargeOffice | null;
}

/** A benchmark module: adding one (import, export, delivery …) means adding it to the list in run.ts. */
export interface Benchmark {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function createContext(options: {
  workDir: string;
  runs: number;
  warmup: number;
  customers: number;
}): BenchContext {
  let office: Promise<LargeOffice> | null = null;
  let prepared: LargeOffice | null = null;
  const log = (message: string) => process.stderr.write(`${message}\n`);
  return {
    ...options,
    log,
    largeOffice: () =>
      (office ??= prepareLargeOffice(
        join(options.workDir, `customers-${options.customers}`),
        options.customers,
        log,
      ).then((o) => (prepared = o))),
    preparedOffice: () => prepared,
  };
}

async function prepareLargeOffice(
  dataDir: string,
  target: number,
  log: (m: string) => void,
): Promise<LargeOffice> {
  await mkdir(dataDir, { recursive: true });
  const backend = await createBackend({ dataDir });
  try {
    const before = await officeCounts(backend);
    let seededSeconds: number | null = null;
    let seededCount = 0;
    if (before.customers < target) {
      seededCount = target - before.customers;
      log(
        `Seeding ${seededCount.toLocaleString('en-US')} customers into ${dataDir} (same code as \`npm run seed -- --customers\`) …`,
      );
      const admin = await ensureAdmin(backend);
      const staff = await ensureStaff(backend, admin);
      const result = await seedCustomers(backend, {
        count: seededCount,
        admin,
        staffIds: staff.ids,
        onProgress: progressPrinter('  customers'),
      });
      seededSeconds = result.elapsedMs / 1000;
    } else {
      log(`Reusing ${dataDir} (${before.customers.toLocaleString('en-US')} customers)`);
    }
    return {
      dataDir,
      dbFile: join(dataDir, DB_FILE),
      customers: Math.max(before.customers, target),
      seededSeconds,
      seededCount,
    };
  } finally {
    // Closing runs PRAGMA optimize, as the app does on exit, so the planner has statistics for the new rows.
    await backend.close();
  }
}

export function databaseBytes(dbFile: string): number {
  return [dbFile, `${dbFile}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

export const BENCH_PASSWORD = 'Bench2026ok';
const FIRST_PASSWORD = 'Bench2026new';

async function login(backend: Backend, username: string, password: string): Promise<Caller> {
  const caller: Caller = { sessionId: null };
  await backend.invoke(caller, 'auth.login', { username, password });
  return caller;
}

/**
 * A logged-in caller for a benchmark user with the given roles and 项目专职 flag, created through the channels
 * (users.create by the seed's admin, then the forced password change) on first use.
 */
export async function benchCaller(
  backend: Backend,
  user: { username: string; displayName: string; roles: string[]; projectStaff: boolean },
): Promise<Caller> {
  const exists = await backend.store.reader.get('SELECT 1 FROM users WHERE username = ? COLLATE NOCASE', [
    user.username,
  ]);
  if (exists) return login(backend, user.username, BENCH_PASSWORD);
  const admin = await login(backend, SEED_ADMIN.username, SEED_ADMIN.password);
  await backend.invoke(admin, 'users.create', { ...user, password: FIRST_PASSWORD });
  backend.endSession(admin);
  const caller = await login(backend, user.username, FIRST_PASSWORD);
  await backend.invoke(caller, 'auth.changePassword', { current: FIRST_PASSWORD, next: BENCH_PASSWORD });
  return caller;
}
