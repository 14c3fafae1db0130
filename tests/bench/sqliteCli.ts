/**
 * The "bare SQL" baseline: statements run by the sqlite3 command-line shell (Debian package `sqlite3`), timed
 * with its own `.timer on` inside one process, so neither Node, the driver nor the channel is involved.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SQLITE_CLI = process.env.SQLITE3_BIN ?? '/usr/bin/sqlite3';

/** The shell's SQLite version, or null when the shell is not installed. */
export function sqliteCliVersion(): string | null {
  if (!existsSync(SQLITE_CLI)) return null;
  const r = spawnSync(SQLITE_CLI, ['-version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(/\s+/)[0]! : null;
}

export const MISSING_CLI = `the sqlite3 shell is missing (${SQLITE_CLI}): apt-get install sqlite3`;

/** A value as an SQL literal; what the driver would have bound as a parameter. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot inline ${value}`);
    return Number.isInteger(value) ? String(value) : value.toPrecision(17);
  }
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('Cannot inline a string with NUL');
    return `'${value.replace(/'/g, "''")}'`;
  }
  throw new Error(`Cannot inline a ${typeof value}`);
}

/**
 * Replaces each `?` placeholder (outside quoted strings and identifiers) with its parameter as a literal.
 * Only positional parameters are supported; the count must match.
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(sql, i, ch);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (ch === '?') {
      if (next >= params.length) throw new Error('More placeholders than parameters');
      out += sqlLiteral(params[next++]);
    } else {
      out += ch;
    }
  }
  if (next !== params.length) throw new Error(`${params.length} parameters for ${next} placeholders`);
  return out;
}

function closingQuote(sql: string, start: number, quote: string): number {
  for (let j = start + 1; j < sql.length; j++) {
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) j++;
      else return j;
    }
  }
  throw new Error('Unterminated quote in SQL');
}

const oneLine = (sql: string) => `${sql.replace(/\s+/g, ' ').trim().replace(/;$/, '')};`;
const SETUP = ['.bail on', 'PRAGMA query_only = ON;', '.output /dev/null', '.timer on'];

/**
 * One long-lived sqlite3 shell on a database: `time(statements)` runs them and resolves with the shell's own
 * "Run Time: real" of each, in ms (whole milliseconds: the shell's clock). Query results go to /dev/null and the
 * connection is query-only. Being long-lived, it can take turns with the other measurements run by run, so a
 * burst of load on a shared machine falls on all of them alike. Needs `stdbuf` (coreutils) so the shell's output
 * is not held in a pipe buffer.
 */
export class SqliteShell {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private stderr = '';
  private waiting: { count: number; resolve: (ms: number[]) => void; reject: (e: Error) => void } | null =
    null;
  private exited: Error | null = null;

  static available(): boolean {
    return existsSync(SQLITE_CLI) && spawnSync('stdbuf', ['--version']).status === 0;
  }

  constructor(dbFile: string) {
    this.child = spawn('stdbuf', ['-o0', '-e0', SQLITE_CLI, dbFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
      this.settle();
    });
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.child.on('close', (code) => {
      this.exited = new Error(`sqlite3 exited (${code}): ${this.stderr.trim().slice(0, 500)}`);
      this.waiting?.reject(this.exited);
      this.waiting = null;
    });
    this.child.stdin.write(`${SETUP.join('\n')}\n`);
  }

  private settle() {
    if (!this.waiting) return;
    const lines = [...this.buffer.matchAll(/^Run Time: real ([\d.]+)[^\n]*\n/gm)];
    if (lines.length < this.waiting.count) return;
    const { resolve, count } = this.waiting;
    this.waiting = null;
    const used = lines[count - 1]!;
    this.buffer = this.buffer.slice(used.index + used[0].length);
    resolve(lines.slice(0, count).map((m) => Number(m[1]) * 1000));
  }

  time(statements: readonly string[]): Promise<number[]> {
    if (this.exited) return Promise.reject(this.exited);
    if (this.waiting) return Promise.reject(new Error('One batch at a time'));
    return new Promise((resolve, reject) => {
      this.waiting = { count: statements.length, resolve, reject };
      this.child.stdin.write(`${statements.map(oneLine).join('\n')}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.exited) return resolve();
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }
}

/**
 * EXPLAIN QUERY PLAN from the shell: the detail of each plan node, in the shell's tree order. Wording that
 * changed between SQLite versions for the same plan is normalised, so only real differences show.
 */
export function cliQueryPlan(dbFile: string, sql: string): string[] {
  const r = spawnSync(SQLITE_CLI, [dbFile], {
    input: `EXPLAIN QUERY PLAN ${sql.replace(/\s+/g, ' ')};\n`,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() && l.trim() !== 'QUERY PLAN')
    .map((l) => normalisePlan(l.replace(/^[|`\- ]+/, '')));
}

/** "LAST TERM OF ORDER BY" (3.4x) and "RIGHT PART OF ORDER BY" name the same partial sort. */
export function normalisePlan(detail: string): string {
  return detail.replace(
    'USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
    'USE TEMP B-TREE FOR RIGHT PART OF ORDER BY',
  );
}
