import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '@shared/errors';
import type { Reader } from './connection';
import type { Store } from './store';
import type { MigrationOutcome } from './migrate';

const NO_MIGRATION: MigrationOutcome = { applied: [], backupFile: null };

/**
 * The store the backend hands to every handler, with one more ability: the database file behind it can be
 * swapped (a restore) while the app runs. `replace` lets the operations already running finish, holds new ones
 * back, closes every connection, runs the file swap, opens the new file and lets the held operations go on.
 *
 * With no database open (recovery mode: the file failed its start-up check) every operation is refused with
 * UNAVAILABLE, so nothing can read or write the damaged file through the normal channels.
 */
export class SwitchableStore implements Store {
  private gate: Promise<void> | null = null;
  private running = 0;
  private drained: (() => void)[] = [];
  /** Marks work that runs inside an operation already counted (a read inside a write), so it is not held back. */
  private readonly inside = new AsyncLocalStorage<true>();

  readonly reader: Reader = {
    get: <T>(sql: string, params?: Parameters<Reader['get']>[1]) =>
      this.use((s) => s.reader.get<T>(sql, params)),
    all: <T>(sql: string, params?: Parameters<Reader['all']>[1]) =>
      this.use((s) => s.reader.all<T>(sql, params)),
  };

  constructor(
    readonly file: string,
    private current: Store | null,
  ) {}

  /** False in recovery mode. */
  get open(): boolean {
    return this.current !== null;
  }

  get migration(): MigrationOutcome {
    return this.current?.migration ?? NO_MIGRATION;
  }

  write: Store['write'] = (operation) => this.use((s) => s.write(operation));

  private async use<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (!this.inside.getStore()) while (this.gate) await this.gate;
    const store = this.current;
    if (!store) throw new AppError('UNAVAILABLE', 'backups.errors.recoveryMode');
    this.running++;
    try {
      return await this.inside.run(true, () => work(store));
    } finally {
      if (--this.running === 0) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /**
   * Closes the database (after the running operations), runs `swap` while no connection is open, then opens what
   * `reopen` returns. If the swap or the reopening fails, `undo` runs and the old file is opened again.
   */
  async replace(steps: {
    swap: () => Promise<void>;
    reopen: () => Promise<Store>;
    undo: () => Promise<void>;
  }): Promise<void> {
    if (this.gate) throw new AppError('CONFLICT', 'backups.errors.busy');
    let release!: () => void;
    this.gate = new Promise<void>((r) => (release = r));
    try {
      if (this.running > 0) await new Promise<void>((r) => this.drained.push(r));
      const old = this.current;
      this.current = null;
      await old?.close();
      try {
        await steps.swap();
        this.current = await steps.reopen();
      } catch (err) {
        await steps.undo();
        if (old) this.current = await steps.reopen();
        throw err;
      }
    } finally {
      this.gate = null;
      release();
    }
  }

  async close(): Promise<void> {
    while (this.gate) await this.gate;
    const store = this.current;
    this.current = null;
    await store?.close();
  }
}
