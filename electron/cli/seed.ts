// `npm run seed` — fills a Neiqin data folder with demo or benchmark data.
//
//   npm run seed -- --demo [--data-dir DIR]               the demo office (accounts for every role, ~2,000 customers)
//   npm run seed -- --customers 200000 [--data-dir DIR]   an admin, 50 customer managers and N generated customers
//   npm run seed -- --help
//
// Data folder: --data-dir, else $NEIQIN_DATA_DIR, else the app's own folder (see electron/backend/paths.ts).
// Exit codes: 0 done · 1 refused or failed · 2 bad arguments (nothing written).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../backend';
import { fileLogger } from '../backend/log';
import { defaultDataDir } from '../backend/paths';
import { DB_FILE } from '../backend/db/store';
import { Connection } from '../backend/db/connection';
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_USERS } from '../backend/demo/demoOffice';
import {
  BATCH_SIZE,
  DEFAULT_SEED,
  DEFAULT_STAFF,
  demoStaffNumbersTaken,
  ensureAdmin,
  existingUsernames,
  ensureStaff,
  loadDemoAsAdmin,
  officeCounts,
  progressPrinter,
  seedCustomers,
  SEED_ADMIN,
  type AdminAccount,
} from './seedData';

const MAX_CUSTOMERS = 5_000_000;

const USAGE = `Usage: npm run seed -- (--demo | --customers N) [options]

Fills a Neiqin data folder (数据目录) with data to try the app or to benchmark it.

  --demo             Load the demo office: one account per role (password ${DEMO_PASSWORD}), 20 customer
                     managers, ~${DEMO_CUSTOMERS.toLocaleString('en-US')} customers with contacts and a week of edits.
                     · On a new or empty data folder it first creates the admin account
                       "${SEED_ADMIN.username}" / ${SEED_ADMIN.password} (as the first-run screen's "load demo data" does).
                     · If accounts already exist but there are no customers yet, the demo office is
                       added alongside them; existing accounts and passwords are left as they are.
                     · If the folder already holds customers it refuses and changes nothing: the demo
                       is meant for an empty office. Use another --data-dir (or --customers to add more).
  --customers N      Add N generated customers (1–${MAX_CUSTOMERS.toLocaleString('en-US')}), e.g. 200000 for benchmarks. Creates the
                     admin account if there is none and tops the customer managers up to ${DEFAULT_STAFF}.
                     Codes continue after the highest existing KH###### code; contacts (1–3 each)
                     and each customer's "created" history entry are included. Deterministic: the
                     same --seed on the same starting database gives the same customers (registration
                     dates are counted back from today).
                     Written ${BATCH_SIZE.toLocaleString('en-US')} customers per transaction; may be combined with --demo.
  --seed N           Random seed for --customers (default ${DEFAULT_SEED}).
  --data-dir DIR     The data folder. Default: $NEIQIN_DATA_DIR, else the app's own folder
                     (${defaultDataDir()}).
  -h, --help         Show this help.

Notes: the admin account is not 项目专职 (project staff), so it does not see A-class customers; in the
demo office log in as "neiqin" to see them, or tick 项目专职 for a user under 系统设置 › 用户.

Exit codes: 0 done · 1 refused or failed · 2 bad arguments (nothing written).`;

class UsageError extends Error {}

interface Options {
  demo: boolean;
  customers: number | null;
  seed: number;
  dataDir: string;
}

function parseOptions(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'boolean' },
        customers: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  let customers: number | null = null;
  if (v.customers !== undefined) {
    const text = v.customers.replace(/[_,]/g, '');
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_CUSTOMERS) {
      throw new UsageError(
        `--customers wants a whole number from 1 to ${MAX_CUSTOMERS.toLocaleString('en-US')}, not "${v.customers}".`,
      );
    }
    customers = Number(text);
  }
  let seed = DEFAULT_SEED;
  if (v.seed !== undefined) {
    if (!/^\d{1,10}$/.test(v.seed) || Number(v.seed) > 0xffffffff)
      throw new UsageError(`--seed wants a whole number from 0 to 4294967295, not "${v.seed}".`);
    if (customers === null) throw new UsageError('--seed only applies to --customers.');
    seed = Number(v.seed);
  }
  if (!v.demo && customers === null) throw new UsageError('Say what to load: --demo, or --customers N.');
  const dirArg = v['data-dir'] ?? process.env.NEIQIN_DATA_DIR ?? defaultDataDir();
  if (dirArg.trim() === '') throw new UsageError('--data-dir is empty.');
  const dataDir = resolve(dirArg);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory())
    throw new UsageError(`The data folder ${dataDir} is a file, not a folder.`);
  return { demo: v.demo ?? false, customers, seed, dataDir };
}

const n = (x: number) => x.toLocaleString('en-US');

/** Customers already in an existing database, read without opening it through the backend (which migrates). */
async function existingCustomers(file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  const db = await Connection.open(file, { readOnly: true });
  try {
    const table = await db.get(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'customers'`);
    return table ? ((await db.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0) : 0;
  } finally {
    await db.close();
  }
}

function refuseDemo(customers: number, options: Options): number {
  console.error(
    `\nRefused: this data folder already holds ${n(customers)} customers, and the demo office is meant for an empty one.\n` +
      'Nothing was changed. Use another --data-dir for the demo' +
      (options.customers === null
        ? ', or --customers N to add generated customers here.'
        : ', or drop --demo to only add customers.'),
  );
  return 1;
}

async function run(options: Options): Promise<number> {
  const file = resolve(options.dataDir, DB_FILE);
  const isNew = !existsSync(file);
  const started = performance.now();
  if (options.demo) {
    // Refuse before the backend opens the database: opening brings an older schema up to date, a change.
    const customers = await existingCustomers(file).catch(() => 0);
    if (customers > 0) return refuseDemo(customers, options);
  }
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir: options.dataDir, log: fileLogger(options.dataDir) });
  } catch (err) {
    console.error(`Cannot open the database in ${options.dataDir}:\n  ${(err as Error).message}`);
    return 1;
  }
  try {
    const before = await officeCounts(backend);
    console.log(`Data folder: ${options.dataDir}${isNew ? ' (new database)' : ''}`);
    console.log(
      `Before: ${n(before.users)} users, ${n(before.staff)} staff, ${n(before.customers)} customers`,
    );

    if (options.demo && before.customers > 0) return refuseDemo(before.customers, options);
    if (options.demo && before.users > 0) {
      const taken = await demoStaffNumbersTaken(backend);
      if (taken.length) {
        console.error(
          `\nRefused: the demo's customer managers KM001–KM020 would clash with existing staff (${taken.join(', ')}). Nothing was changed.`,
        );
        return 1;
      }
    }

    const done: string[] = [];
    const usersBefore = await existingUsernames(backend);
    let admin: AdminAccount | null = null;
    if (options.demo) {
      const t = performance.now();
      if (before.users === 0) {
        admin = await ensureAdmin(backend, { loadDemo: true });
      } else {
        admin = await ensureAdmin(backend);
        await loadDemoAsAdmin(backend, admin);
      }
      done.push(
        `loaded the demo office (${DEMO_USERS.length} demo accounts, 20 customer managers, ${n(DEMO_CUSTOMERS)} customers) in ${secs(t)}`,
      );
    }
    if (options.customers !== null) {
      admin ??= await ensureAdmin(backend);
      const staff = await ensureStaff(backend, admin, { seed: options.seed });
      if (staff.added) done.push(`added ${staff.added} customer managers (now ${staff.ids.length} active)`);
      const result = await seedCustomers(backend, {
        count: options.customers,
        admin,
        staffIds: staff.ids,
        seed: options.seed,
        onProgress: progressPrinter('  customers'),
      });
      const rate = Math.round(result.inserted / (result.elapsedMs / 1000));
      done.push(
        `added ${n(result.inserted)} customers ${result.firstCode}–${result.lastCode} in ${(result.elapsedMs / 1000).toFixed(1)} s (${n(rate)}/s)`,
      );
    }
    const after = await officeCounts(backend);

    console.log('\nDone:');
    if (admin?.created) done.unshift(`created the admin account "${admin.username}"`);
    for (const line of done) console.log(`  · ${line}`);
    console.log(
      `After: ${n(after.users)} users, ${n(after.staff)} staff, ${n(after.customers)} customers · total ${secs(started)}`,
    );
    console.log('\nLog in with:');
    if (admin?.created)
      console.log(
        `  ${SEED_ADMIN.username.padEnd(9)} / ${SEED_ADMIN.password}   (admin; not 项目专职, so A-class customers stay hidden)`,
      );
    else if (admin)
      console.log(`  your existing accounts (admin: ${admin.username}); their passwords are unchanged`);
    if (options.demo) {
      const skipped = DEMO_USERS.filter((u) => usersBefore.has(u.username.toLowerCase()));
      if (skipped.length)
        console.log(`  (kept the existing ${skipped.map((u) => u.username).join(', ')} as they were)`);
      for (const u of DEMO_USERS.filter((d) => !skipped.includes(d))) {
        console.log(
          `  ${u.username.padEnd(9)} / ${DEMO_PASSWORD}   ${u.displayName} · ${u.roles.join(', ')}${u.projectStaff ? ' · 项目专职' : ''}`,
        );
      }
    }
    console.log(
      `\nStart the app on this folder: npm run serve -- --data-dir ${JSON.stringify(options.dataDir)}`,
    );
    return 0;
  } catch (err) {
    console.error(`\nSeeding failed: ${describe(err)}`);
    console.error(
      'Each batch is its own transaction: what was reported above as written is kept; the failing batch was rolled back.',
    );
    return 1;
  } finally {
    await backend.close();
  }
}

function secs(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Errors from backend.invoke are `{ code, message }` shapes, not Error objects. */
function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'code' in err)
    return `${String((err as { code: unknown }).code)} ${String((err as { message?: unknown }).message ?? '')}`;
  return String(err);
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\nRun \`npm run seed -- --help\` for usage.`);
      return 2;
    }
    throw err;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  return run(options);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(describe(err));
    process.exitCode = 1;
  },
);
