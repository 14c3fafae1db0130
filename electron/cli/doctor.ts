// `npm run doctor` — the integrity check of a Neiqin database, from the command line.
//
//   npm run doctor [-- --data-dir DIR] [--json]
//
// Runs the same checks as the admin page (electron/backend/db/doctor.ts): SQLite's integrity check, foreign
// keys, the search index against its table, the schema version, every customer's history. Prints each check
// and the row count of every table. It changes nothing: it does not migrate an older database (it reports it)
// and refuses one written by a newer Neiqin.
// Data folder: --data-dir, else $NEIQIN_DATA_DIR, else the app's own folder (see electron/backend/paths.ts).
// Exit codes: 0 every check passed · 1 a check failed · 2 bad arguments, or no database that can be opened.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { DoctorReport } from '@shared/schemas/admin';
import { Connection } from '../backend/db/connection';
import { DB_FILE } from '../backend/db/store';
import { MIGRATIONS } from '../backend/db/migrations';
import { runDoctor } from '../backend/db/doctor';
import { defaultDataDir } from '../backend/paths';

const USAGE = `Usage: npm run doctor -- [--data-dir DIR] [--json]

Checks a Neiqin database and prints each check with ✓ or ✗, and the row count of every table.
It writes nothing: an older database is reported (the app migrates it, with a backup, when it next opens
it) and a database written by a newer Neiqin is refused.

  --data-dir DIR   The data folder. Default: $NEIQIN_DATA_DIR, else the app's own folder
                   (${defaultDataDir()}).
  --json           Print one JSON object instead of text.
  -h, --help       Show this help.

Exit codes: 0 every check passed · 1 a check failed · 2 bad arguments or no database that can be opened.`;

type SchemaState = 'current' | 'older';

interface Result {
  ok: boolean;
  dataDir: string;
  file: string;
  sizeBytes: number;
  sqliteVersion: string;
  schema: { state: SchemaState; applied: string[]; expected: string[] };
  checks: DoctorReport['checks'];
  tables: Record<string, number>;
  elapsedMs: number;
}

class CannotOpen extends Error {
  constructor(
    readonly kind: 'missing' | 'newer' | 'unreadable' | 'notNeiqin',
    message: string,
  ) {
    super(message);
  }
}

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** Plain tables with their row counts; virtual tables (the search index) and their shadow tables are left out. */
async function tableCounts(db: Connection): Promise<Record<string, number>> {
  const all = await db.all<{ name: string; sql: string | null }>(
    `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
  );
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const plain = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  const counts: Record<string, number> = {};
  for (const t of plain) {
    const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`);
    counts[t.name] = row?.n ?? 0;
  }
  return counts;
}

async function examine(dataDir: string): Promise<Result> {
  const started = performance.now();
  const file = join(dataDir, DB_FILE);
  if (!existsSync(file)) {
    throw new CannotOpen(
      'missing',
      `No Neiqin database in ${dataDir} (${DB_FILE} is missing). ` +
        'Check --data-dir / NEIQIN_DATA_DIR; the app creates the database on its first start (or run `npm run seed`).',
    );
  }
  let db: Connection;
  try {
    db = await Connection.open(file);
  } catch (err) {
    throw new CannotOpen('unreadable', `Cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    db.busyTimeout(5000);
    let applied: { id: number; name: string }[];
    try {
      const hasTable = await db.get(
        `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`,
      );
      if (!hasTable)
        throw new CannotOpen(
          'notNeiqin',
          `${file} is not a Neiqin database (it has no schema_migrations table).`,
        );
      applied = await db.all<{ id: number; name: string }>(
        'SELECT id, name FROM schema_migrations ORDER BY id',
      );
    } catch (err) {
      if (err instanceof CannotOpen) throw err;
      throw new CannotOpen('unreadable', `Cannot read ${file}: ${(err as Error).message}`);
    }
    const label = (m: { id: number; name: string }) => `${m.id}_${m.name}`;
    const expected = MIGRATIONS.map(label);
    const isPrefix =
      applied.length <= MIGRATIONS.length &&
      applied.every((m, i) => m.id === MIGRATIONS[i]!.id && m.name === MIGRATIONS[i]!.name);
    if (!isPrefix) {
      throw new CannotOpen(
        'newer',
        `${file} was written by a newer Neiqin (migrations ${applied.map(label).join(', ')}; this version knows ${expected.join(', ')}). ` +
          'Check it with that newer version.',
      );
    }
    const state: SchemaState = applied.length === MIGRATIONS.length ? 'current' : 'older';

    // The FTS5 'integrity-check' command is an INSERT that changes nothing; it runs inside a transaction
    // that is rolled back, so the doctor never writes (the read connection of the app is query-only, which
    // is why the app's own doctor queues it on the writer).
    const ftsCheck = async (sql: string) => {
      await db.exec('BEGIN IMMEDIATE');
      try {
        return await db.run(sql);
      } finally {
        await db.exec('ROLLBACK');
      }
    };
    let checks: DoctorReport['checks'];
    try {
      checks = (await runDoctor(db, { ftsCheck })).checks;
    } catch (err) {
      // An older schema may lack tables the checks read.
      checks = [{ name: 'doctor', ok: false, detail: (err as Error).message }];
    }
    if (state === 'older') {
      const pending = expected.slice(applied.length).join(', ');
      const migrations = checks.find((c) => c.name === 'migrations');
      const detail = `${applied.map(label).join(', ') || '(none)'}; pending ${pending} (the app migrates with a backup when it next opens the database)`;
      if (migrations) migrations.detail = detail;
      else checks.push({ name: 'migrations', ok: false, detail });
    }
    const tables = await tableCounts(db);
    const version = await db.get<{ v: string }>('SELECT sqlite_version() AS v');
    return {
      ok: checks.every((c) => c.ok),
      dataDir,
      file,
      sizeBytes: fileSize(file),
      sqliteVersion: version?.v ?? '?',
      schema: { state, applied: applied.map(label), expected },
      checks,
      tables,
      elapsedMs: Math.round(performance.now() - started),
    };
  } finally {
    await db.close().catch(() => undefined);
  }
}

function printText(r: Result): void {
  const color = process.stdout.isTTY && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const mb = (r.sizeBytes / 1024 / 1024).toFixed(1);
  console.log(`Neiqin doctor — ${r.file}`);
  console.log(
    `  ${mb} MiB · SQLite ${r.sqliteVersion} · schema ${r.schema.state === 'current' ? 'up to date' : 'OLDER than this app'} (${r.schema.applied.join(', ') || 'none'})`,
  );
  console.log('');
  const width = Math.max(...r.checks.map((c) => c.name.length));
  for (const c of r.checks) {
    console.log(`  ${c.ok ? paint(32, '✓') : paint(31, '✗')} ${c.name.padEnd(width)}  ${c.detail}`);
  }
  console.log('\nTables:');
  const tw = Math.max(...Object.keys(r.tables).map((t) => t.length));
  for (const [name, n] of Object.entries(r.tables))
    console.log(`  ${name.padEnd(tw)}  ${n.toLocaleString('en-US').padStart(12)}`);
  const failed = r.checks.filter((c) => !c.ok).length;
  console.log('');
  console.log(
    failed === 0
      ? paint(32, `OK: all ${r.checks.length} checks passed`) + ` (${(r.elapsedMs / 1000).toFixed(1)} s).`
      : paint(31, `FAILED: ${failed} of ${r.checks.length} checks failed`) +
          ` (${(r.elapsedMs / 1000).toFixed(1)} s).`,
  );
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\nRun \`npm run doctor -- --help\` for usage.`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.NEIQIN_DATA_DIR ?? defaultDataDir());
  try {
    const result = await examine(dataDir);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else printText(result);
    return result.ok ? 0 : 1;
  } catch (err) {
    const kind = err instanceof CannotOpen ? err.kind : 'unreadable';
    const message = err instanceof Error ? err.message : String(err);
    if (values.json) console.log(JSON.stringify({ ok: false, dataDir, error: { kind, message } }, null, 2));
    else console.error(`Cannot check the database: ${message}`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 2;
  },
);
