/**
 * What `npm run seed` and the benchmarks (tests/bench) share: the admin account, the customer managers and
 * large volumes of generated customers, all written through the backend's own store (one serialized write
 * transaction per batch) with the demo generator of electron/backend/demo.
 */
import { join } from 'node:path';
import { localDate } from '@shared/dates';
import type { Backend, Caller } from '../backend';
import type { ManualContext, WriteContext } from '../backend/handlers';
import type { Tx } from '../backend/db/writeQueue';
import { systemClock } from '../backend/clock';
import { fileLogger } from '../backend/log';
import { ExportFiles } from '../backend/files/exportFiles';
import { UploadedFiles } from '../backend/files/uploads';
import { findUser, sessionFacts } from '../backend/auth/users';
import { DEMO_PASSWORD, loadDemoOffice } from '../backend/demo/demoOffice';
import { generateCustomer, mobile, personName } from '../backend/demo/generate';
import { insertCustomers } from '../backend/demo/bulkInsert';
import { Random } from '../backend/demo/random';

export const SEED_ADMIN = { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD } as const;
export const DEFAULT_SEED = 20261125;
export const DEFAULT_STAFF = 50;
export const BATCH_SIZE = 5000;
const BULK_CACHE_KIB = -131072;
/** The audit log's channel column for what the command line wrote (it is not an IPC channel). */
const AUDIT_CHANNEL = 'cli.seed';

export interface OfficeCounts {
  users: number;
  staff: number;
  activeStaff: number;
  customers: number;
}

/** Usernames that already exist (the demo office skips those, keeping their passwords). */
export async function existingUsernames(backend: Backend): Promise<Set<string>> {
  const rows = await backend.store.reader.all<{ u: string }>('SELECT lower(username) AS u FROM users');
  return new Set(rows.map((r) => r.u));
}

export async function officeCounts(backend: Backend): Promise<OfficeCounts> {
  const row = await backend.store.reader.get<OfficeCounts>(
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM staff) AS staff,
            (SELECT count(*) FROM staff WHERE active = 1) AS activeStaff, (SELECT count(*) FROM customers) AS customers`,
  );
  return row!;
}

async function audit(
  tx: Tx,
  by: { userId: number; username: string },
  action: string,
  summary: unknown,
): Promise<void> {
  await tx.run(
    `INSERT INTO audit_log (at, user_id, user_name, channel, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, 'system', NULL, ?)`,
    [new Date().toISOString(), by.userId, by.username, AUDIT_CHANNEL, action, JSON.stringify(summary)],
  );
}

export interface AdminAccount {
  id: number;
  username: string;
  displayName: string;
  /** True when this run created the account (then SEED_ADMIN.password logs in). */
  created: boolean;
}

/** The first active admin; on an empty database, creates `admin` through the first-run channel. */
export async function ensureAdmin(
  backend: Backend,
  options: { loadDemo?: boolean } = {},
): Promise<AdminAccount> {
  const { users } = await officeCounts(backend);
  if (users === 0) {
    const caller: Caller = { sessionId: null };
    const user = (await backend.invoke(caller, 'setup.createAdmin', {
      ...SEED_ADMIN,
      loadDemo: options.loadDemo ?? false,
    })) as {
      id: number;
      username: string;
      displayName: string;
    };
    backend.endSession(caller);
    return { id: user.id, username: user.username, displayName: user.displayName, created: true };
  }
  const admin = await backend.store.reader.get<{ id: number; username: string; displayName: string }>(
    `SELECT u.id, u.username, u.display_name AS displayName FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
     WHERE u.active = 1 ORDER BY u.id LIMIT 1`,
  );
  if (!admin)
    throw new Error('This database has users but no active admin account; activate one in the app first.');
  return { ...admin, created: false };
}

/**
 * Loads the demo office (users for each role, 20 customer managers, ~2,000 customers, a week of edits) into a
 * database whose users already exist, on behalf of its first admin. The caller checks that it has no customers.
 */
export async function loadDemoAsAdmin(backend: Backend, admin: AdminAccount): Promise<void> {
  const user = await findUser(backend.store.reader, admin.id);
  if (!user) throw new Error(`User #${admin.id} disappeared`);
  const session = backend.sessions.start(sessionFacts(user));
  const caller: Caller = { sessionId: session.id };
  const base = {
    channel: 'setup.createAdmin' as const,
    caller,
    session,
    clock: systemClock,
    store: backend.store,
    sessions: backend.sessions,
    files: new ExportFiles(join(backend.dataDir, 'exports')),
    uploads: new UploadedFiles(join(backend.dataDir, 'uploads')),
    events: backend.events,
    log: fileLogger(backend.dataDir),
    dataDir: backend.dataDir,
  };
  const ctx: ManualContext = {
    ...base,
    db: backend.store.reader,
    write: (operation) =>
      backend.store.write((tx, afterCommit) => {
        const w: WriteContext = {
          ...base,
          tx,
          afterCommit,
          audit: (entry) =>
            audit(tx, { userId: session.userId, username: session.username }, entry.action, entry.summary),
        };
        return operation(w);
      }),
  };
  try {
    await loadDemoOffice(ctx, session);
  } finally {
    backend.endSession(caller);
  }
}

/** Employee numbers the demo office uses (KM001 …), which a --demo run would collide with. */
export async function demoStaffNumbersTaken(backend: Backend): Promise<string[]> {
  const numbers = Array.from({ length: 20 }, (_, i) => `KM${String(i + 1).padStart(3, '0')}`);
  const rows = await backend.store.reader.all<{ employeeNo: string }>(
    `SELECT employee_no AS employeeNo FROM staff WHERE upper(employee_no) IN (${numbers.map(() => '?').join(', ')}) ORDER BY employee_no`,
    numbers,
  );
  return rows.map((r) => r.employeeNo);
}

/** Makes sure at least `target` active customer managers exist (KM### numbers not yet taken); returns their ids. */
export async function ensureStaff(
  backend: Backend,
  admin: AdminAccount,
  options: { target?: number; seed?: number } = {},
): Promise<{ ids: number[]; added: number }> {
  const target = options.target ?? DEFAULT_STAFF;
  const r = new Random((options.seed ?? DEFAULT_SEED) ^ 0x5eed);
  return backend.store.write(async (tx) => {
    const active = await tx.all<{ id: number }>('SELECT id FROM staff WHERE active = 1 ORDER BY id');
    const taken = new Set(
      (await tx.all<{ no: string }>('SELECT upper(employee_no) AS no FROM staff')).map((row) => row.no),
    );
    const at = new Date().toISOString();
    let added = 0;
    for (let n = 1; active.length < target; n++) {
      const employeeNo = `KM${String(n).padStart(3, '0')}`;
      if (taken.has(employeeNo)) continue;
      const { lastID } = await tx.run(
        `INSERT INTO staff (employee_no, name, department, position, phone, active, created_at, updated_at) VALUES (?, ?, '市场营销部', '客户经理', ?, 1, ?, ?)`,
        [employeeNo, personName(r), mobile(r), at, at],
      );
      active.push({ id: lastID });
      added++;
    }
    if (added) await audit(tx, { userId: admin.id, username: admin.username }, 'seed', { staff: added });
    return { ids: active.map((row) => row.id), added };
  });
}

/** The next free number after the highest `KH` + digits customer code. */
export async function nextCustomerNumber(backend: Backend): Promise<number> {
  const row = await backend.store.reader.get<{ n: number | null }>(
    `SELECT max(CAST(substr(code, 3) AS INTEGER)) AS n FROM customers
     WHERE upper(code) GLOB 'KH[0-9]*' AND substr(code, 3) NOT GLOB '*[^0-9]*'`,
  );
  return (row?.n ?? 0) + 1;
}

export interface SeedProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface SeedResult {
  inserted: number;
  firstCode: string;
  lastCode: string;
  elapsedMs: number;
}

/**
 * Inserts `count` generated customers (with 1–3 contacts each and their "created" history entry), codes
 * continuing after the existing ones, `batchSize` per write transaction. The same seed, starting code and day
 * give the same data: the generator is seeded with `seed` and the first code number, and registration dates
 * reach back five years from today.
 */
export async function seedCustomers(
  backend: Backend,
  options: {
    count: number;
    admin: AdminAccount;
    staffIds: readonly number[];
    seed?: number;
    batchSize?: number;
    onProgress?: (p: SeedProgress) => void;
  },
): Promise<SeedResult> {
  const started = performance.now();
  const first = await nextCustomerNumber(backend);
  const r = new Random(((options.seed ?? DEFAULT_SEED) + first * 7919) >>> 0);
  const today = localDate(new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const by = { userId: options.admin.id, userName: options.admin.displayName };
  const code = (n: number) => `KH${String(n).padStart(6, '0')}`;
  // A bigger page cache for the bulk insert keeps the name and search indexes' pages in memory between
  // batches (about 40 s instead of 57 s for 200,000 customers here); the writer's own size is restored after.
  const cacheBefore = await backend.store.write(async (tx) => {
    const row = await tx.get<{ cache_size: number }>('PRAGMA cache_size');
    await tx.run(`PRAGMA cache_size = ${BULK_CACHE_KIB}`);
    return Math.trunc(row?.cache_size ?? -2000);
  });
  try {
    for (let done = 0; done < options.count;) {
      const size = Math.min(batchSize, options.count - done);
      const customers = Array.from({ length: size }, (_, i) =>
        generateCustomer(r, first + done + i, options.staffIds, today),
      );
      const last = done + size === options.count;
      await backend.store.write(async (tx) => {
        await insertCustomers(tx, customers, by, new Date().toISOString());
        if (last) {
          await audit(tx, { userId: options.admin.id, username: options.admin.username }, 'seed', {
            customers: options.count,
            codes: `${code(first)}–${code(first + options.count - 1)}`,
          });
        }
      });
      done += size;
      options.onProgress?.({ done, total: options.count, elapsedMs: performance.now() - started });
    }
  } finally {
    await backend.store.write((tx) => tx.run(`PRAGMA cache_size = ${cacheBefore}`));
  }
  return {
    inserted: options.count,
    firstCode: code(first),
    lastCode: code(first + options.count - 1),
    elapsedMs: performance.now() - started,
  };
}

/** A progress printer: one rewritten line on a terminal, a line per ~10% otherwise. */
export function progressPrinter(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): (p: SeedProgress) => void {
  let lastTenth = -1;
  return ({ done, total, elapsedMs }) => {
    const pct = Math.floor((done / total) * 100);
    const rate = elapsedMs > 0 ? Math.round(done / (elapsedMs / 1000)) : 0;
    const line = `${label} ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${pct}%) · ${(elapsedMs / 1000).toFixed(1)} s · ${rate.toLocaleString('en-US')}/s`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) !== lastTenth || done === total) {
      lastTenth = Math.floor(pct / 10);
      stream.write(`${line}\n`);
    }
  };
}
