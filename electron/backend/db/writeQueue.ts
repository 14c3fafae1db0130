import type { Connection, Params, RunResult } from './connection';

/** The statements one write transaction may run; it refuses use after its transaction ended. */
export interface Tx {
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
}

/**
 * Serialises every write: operations queue on one writer connection and each runs as a whole
 * `BEGIN IMMEDIATE … COMMIT` before the next starts, so statements of two operations never interleave.
 * Side effects registered with `afterCommit` run only once the commit succeeded.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private depth = 0;

  constructor(private readonly writer: Connection) {}

  get pending(): number {
    return this.depth;
  }

  run<T>(operation: (tx: Tx, afterCommit: (effect: () => void) => void) => Promise<T>): Promise<T> {
    this.depth++;
    const result = this.tail.then(() => this.transaction(operation));
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.depth--;
    });
  }

  private async transaction<T>(operation: (tx: Tx, afterCommit: (effect: () => void) => void) => Promise<T>): Promise<T> {
    let open = true;
    const guard = () => {
      if (!open) throw new Error('A write transaction was used after it ended');
    };
    const w = this.writer;
    const tx: Tx = {
      run: (sql, params) => (guard(), w.run(sql, params)),
      get: <R>(sql: string, params?: Params) => (guard(), w.get<R>(sql, params)),
      all: <R>(sql: string, params?: Params) => (guard(), w.all<R>(sql, params)),
    };
    const effects: (() => void)[] = [];
    await w.exec('BEGIN IMMEDIATE');
    let value: T;
    try {
      value = await operation(tx, (effect) => effects.push(effect));
      open = false;
      await w.exec('COMMIT');
    } catch (err) {
      open = false;
      await w.exec('ROLLBACK').catch(() => undefined);
      throw err;
    }
    for (const effect of effects) {
      try {
        effect();
      } catch {
        // A failing listener must not turn a committed write into an error for the caller.
      }
    }
    return value;
  }
}
