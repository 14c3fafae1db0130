import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Connection, type Reader } from './connection';
import { WriteQueue, type Tx } from './writeQueue';
import { migrate, type MigrationOutcome } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Clock } from '../clock';

export const DB_FILE = 'neiqin.sqlite';
const READERS = 2;

/** Spreads statements over the read connections, each to the one with the fewest running. */
function readerPool(connections: Connection[]): Reader {
  const busy = connections.map(() => 0);
  const run = async <T>(use: (c: Connection) => Promise<T>): Promise<T> => {
    const i = busy.indexOf(Math.min(...busy));
    busy[i]!++;
    try {
      return await use(connections[i]!);
    } finally {
      busy[i]!--;
    }
  };
  return {
    get: (sql, params) => run((c) => c.get(sql, params)),
    all: (sql, params) => run((c) => c.all(sql, params)),
  };
}

export interface Store {
  readonly file: string;
  readonly reader: Reader;
  /** Runs one business operation as one serialized write transaction. */
  write<T>(operation: (tx: Tx, afterCommit: (effect: () => void) => void) => Promise<T>): Promise<T>;
  readonly migration: MigrationOutcome;
  close(): Promise<void>;
}

async function configure(conn: Connection, role: 'writer' | 'reader'): Promise<void> {
  conn.busyTimeout(5000);
  await conn.exec('PRAGMA foreign_keys = ON');
  if (role === 'writer') {
    await conn.exec('PRAGMA journal_mode = WAL');
    await conn.exec('PRAGMA synchronous = NORMAL');
  } else {
    // The read connection must never write, even by mistake.
    await conn.exec('PRAGMA query_only = ON');
  }
}

/** Opens (creating if needed) the database in `dataDir`, migrates it, and returns the writer queue and reader. */
export async function openStore(options: {
  dataDir: string;
  clock: Clock;
  migrations?: readonly Migration[];
}): Promise<Store> {
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DB_FILE);
  const writer = await Connection.open(file);
  const readers: Connection[] = [];
  try {
    await configure(writer, 'writer');
    const migration = await migrate(writer, options.migrations ?? MIGRATIONS, {
      backupsDir: join(options.dataDir, 'backups'),
      clock: options.clock,
    });
    // Two read connections: a grid page and its row count run side by side on the two cores.
    for (let i = 0; i < READERS; i++) {
      const conn = await Connection.open(file);
      readers.push(conn);
      await configure(conn, 'reader');
    }
    const queue = new WriteQueue(writer);
    return {
      file,
      reader: readerPool(readers),
      migration,
      write: (operation) => queue.run(operation),
      async close() {
        await queue.run(async () => undefined).catch(() => undefined);
        for (const conn of readers) await conn.close();
        await writer.exec('PRAGMA optimize').catch(() => undefined);
        await writer.close();
      },
    };
  } catch (err) {
    for (const conn of readers) await conn.close().catch(() => undefined);
    await writer.close().catch(() => undefined);
    throw err;
  }
}
