// `npm run bench` — Neiqin's benchmarks. Prints figures next to the targets; not pass/fail (see README.md).
//
//   npm run bench [-- --runs 50] [--warmup 5] [--only customers] [--customers 200000]
//
// Work folder: tests/bench/.work/ (gitignored); the large database is built once and reused.
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { createContext, databaseBytes, type Benchmark } from './context';
import { formatTable, heading, type Row } from './measure';
import { MISSING_CLI, sqliteCliVersion } from './sqliteCli';
import { customersQueryBench } from './customersQuery.bench';
import { seedBench } from './seed.bench';
import { importBench } from './import.bench';
import { customersExportBench } from './customersExport.bench';
import { overdueContactsBench } from './overdueContacts.bench';
import { backupBench } from './backup.bench';
import { deliveryBench } from './delivery.bench';

/** Every benchmark, in the order they run. A new one (import, export, delivery …) is one more entry. */
const BENCHMARKS: Benchmark[] = [seedBench, customersQueryBench, customersExportBench, overdueContactsBench, importBench, backupBench, deliveryBench];

function driverSqliteVersion(): Promise<string> {
  return new Promise((resolve) => {
    const db = new sqlite3.Database(':memory:');
    db.get('SELECT sqlite_version() AS v', (err, row: { v: string } | undefined) => {
      db.close();
      resolve(err ? '?' : (row?.v ?? '?'));
    });
  });
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    console.error(`--${name} wants a positive whole number, not "${text}"`);
    process.exit(2);
  }
  return Number(text);
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      customers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      `Usage: npm run bench -- [--runs N] [--warmup N] [--only NAME] [--customers N]\nBenchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const ctx = createContext({
    workDir: join(here, '.work'),
    runs: positive('runs', values.runs, 50),
    warmup: positive('warmup', values.warmup, 5),
    customers: positive('customers', values.customers, 200_000),
  });
  const selected = BENCHMARKS.filter((b) => !values.only || b.name.includes(values.only));
  if (selected.length === 0) {
    console.error(
      `No benchmark matches "${values.only}"; there are: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }

  const cpu = cpus();
  const cli = sqliteCliVersion();
  const machine = [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? '?'} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · ${process.platform} ${process.arch}`,
    `Node ${process.version} · SQLite ${await driverSqliteVersion()} (node-sqlite3) · sqlite3 shell ${cli ?? `missing — ${MISSING_CLI}`}`,
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `Runs: ${ctx.runs} measured after ${ctx.warmup} warm-up runs per measurement · wall-clock ms`,
  ];
  for (const line of machine) console.log(line);
  console.log('');

  const rows: Row[] = [];
  const started = performance.now();
  for (const bench of selected) {
    ctx.log(`▶ ${bench.name}: ${bench.description}`);
    rows.push(heading(`[${bench.name}]`), ...(await bench.run(ctx)));
  }
  const office = ctx.preparedOffice();
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  if (office)
    console.log(
      `Database: ${office.dbFile} · ${(databaseBytes(office.dbFile) / 2 ** 20).toFixed(0)} MiB · ${office.customers.toLocaleString('en-US')} customers`,
    );
  console.log(
    `Load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} · bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  console.log(
    'Timings are wall-clock on a shared machine: other work (a load average near the core count) makes them noisy.',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
