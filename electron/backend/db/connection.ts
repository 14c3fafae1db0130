import sqlite3 from 'sqlite3';

export type Params = readonly unknown[] | Record<string, unknown>;
export interface RunResult {
  changes: number;
  lastID: number;
}

/** A promise-based face over one `sqlite3` connection. */
export class Connection {
  private constructor(
    private readonly db: sqlite3.Database,
    readonly file: string,
  ) {}

  static open(file: string, options: { readOnly?: boolean } = {}): Promise<Connection> {
    const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Connection(db, file))));
    });
  }

  run(sql: string, params: Params = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params as unknown[], (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params as unknown[], (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  busyTimeout(ms: number): void {
    this.db.configure('busyTimeout', ms);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

/** What read-only code needs: a statement runner that cannot write. */
export type Reader = Pick<Connection, 'get' | 'all'>;
