import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { isAppErrorShape, type AppErrorShape } from '@shared/errors';
import type { Role } from '@shared/permissions';
import { createBackend, type Backend, type Caller } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import type { Logger } from '../../../electron/backend/log';
import type { Reader } from '../../../electron/backend/db/connection';
import type { DeliveryOptions } from '../../../electron/backend/delivery/deliverer';
import type { SchedulerOptions } from '../../../electron/backend/schedules/scheduler';

/** The instant every test backend starts at (10:00 in Beijing, 02:00 UTC — the same calendar day either way). */
export const START = '2026-11-25T02:00:00Z';
export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Admin2026' } as const;
export const PASSWORD = 'Passw0rd1';

export type ManualClock = ReturnType<typeof manualClock>;

export interface TestUser {
  id: number;
  username: string;
  displayName: string;
  password: string;
  caller: Caller;
}

export async function tempDir(
  prefix = 'neiqin-unit-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Awaits a promise that must fail with an AppErrorShape, and returns the error. */
export async function failure(promise: Promise<unknown>): Promise<AppErrorShape> {
  let value: unknown;
  try {
    value = await promise;
  } catch (err) {
    if (isAppErrorShape(err)) return err;
    throw err;
  }
  throw new Error(`expected the call to fail, but it returned ${JSON.stringify(value)?.slice(0, 300)}`);
}

export interface TestEnv {
  dir: string;
  backend: Backend;
  clock: ManualClock;
  /** The first admin (setup.createAdmin): roles ['admin'], no project staff. */
  admin: TestUser;
  /** Errors the backend logged (an INTERNAL error, an output that broke the contract …). */
  loggedErrors: string[];
  call<C extends ChannelName>(caller: Caller, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** A call that must fail; returns the error shape. */
  fail(caller: Caller, channel: ChannelName, input: unknown): Promise<AppErrorShape>;
  /** Creates a user through users.create, clears the must-change flag and logs the user in as a new caller. */
  createUser(options: {
    roles: Role[];
    projectStaff?: boolean;
    username?: string;
    displayName?: string;
    login?: boolean;
  }): Promise<TestUser>;
  login(username: string, password: string): Promise<Caller>;
  createStaff(options?: { employeeNo?: string; name?: string; active?: boolean }): Promise<number>;
  rowCounts(): Promise<Record<string, number>>;
  /** Every row of every table, serialised: catches updates that row counts would miss. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * A backend on a real SQLite file with the real migrations in a fresh temp folder, a manual clock at START,
 * the admin created through setup.createAdmin, and every output checked against the contract.
 */
export async function freshBackend(options: { start?: string; delivery?: DeliveryOptions; schedules?: SchedulerOptions } = {}): Promise<TestEnv> {
  const { dir, remove } = await tempDir();
  const clock = manualClock(options.start ?? START);
  const loggedErrors: string[] = [];
  const log: Logger = {
    info: () => undefined,
    error: (message, extra) => {
      loggedErrors.push(`${message} ${extra instanceof Error ? extra.stack : JSON.stringify(extra ?? '')}`);
    },
  };
  const backend = await createBackend({ dataDir: dir, clock, validateOutput: true, log, delivery: options.delivery, schedules: options.schedules });

  const call = <C extends ChannelName>(caller: Caller, channel: C, input: ChannelInput<C>) =>
    backend.invoke(caller, channel, input) as Promise<ChannelOutput<C>>;
  const fail = (caller: Caller, channel: ChannelName, input: unknown) =>
    failure(backend.invoke(caller, channel, input));

  const adminCaller: Caller = { sessionId: null };
  const adminUser = await call(adminCaller, 'setup.createAdmin', { ...ADMIN, loadDemo: false });
  const admin: TestUser = {
    id: adminUser.id,
    username: ADMIN.username,
    displayName: ADMIN.displayName,
    password: ADMIN.password,
    caller: adminCaller,
  };

  const login = async (username: string, password: string) => {
    const caller: Caller = { sessionId: null };
    await call(caller, 'auth.login', { username, password });
    return caller;
  };

  const env: TestEnv = {
    dir,
    backend,
    clock,
    admin,
    loggedErrors,
    call,
    fail,
    login,
    async createUser({ roles, projectStaff = false, username, displayName, login: doLogin = true }) {
      const name = username ?? `u${unique()}`;
      const row = await call(admin.caller, 'users.create', {
        username: name,
        displayName: displayName ?? `用户${name}`,
        password: PASSWORD,
        roles,
        projectStaff,
      });
      // Fixture shortcut: new accounts must change their password first; the flow itself is tested in auth/.
      await backend.store.write((tx) =>
        tx.run('UPDATE users SET must_change_password = 0 WHERE id = ?', [row.id]),
      );
      const caller = doLogin ? await login(name, PASSWORD) : { sessionId: null };
      return { id: row.id, username: name, displayName: row.displayName, password: PASSWORD, caller };
    },
    async createStaff({ employeeNo, name, active = true } = {}) {
      const staff = await call(admin.caller, 'staff.create', {
        staff: { employeeNo: employeeNo ?? `S${unique()}`, name: name ?? '张三', active },
      });
      return staff.id;
    },
    rowCounts: () => rowCounts(backend),
    snapshot: () => snapshot(backend),
    async close() {
      await backend.close();
      await remove();
    },
  };
  return env;
}

/** Row count of every table (including the search index's shadow tables), for "nothing was written" checks. */
export async function rowCounts(backend: { store: { reader: Reader } }): Promise<Record<string, number>> {
  const tables = await backend.store.reader.all<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = await backend.store.reader.get<{ n: number }>(
      `SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`,
    );
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

export async function snapshot(backend: { store: { reader: Reader } }): Promise<string> {
  const tables = await backend.store.reader.all<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await backend.store.reader.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
