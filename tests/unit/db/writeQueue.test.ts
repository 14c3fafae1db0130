import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { Connection } from '../../../electron/backend/db/connection';
import { openStore, type Store } from '../../../electron/backend/db/store';
import { WriteQueue } from '../../../electron/backend/db/writeQueue';
import { manualClock } from '../../../electron/backend/clock';
import { tempDir } from '../helpers/env';

/**
 * The writer queue: every business operation is one BEGIN IMMEDIATE … COMMIT, run to completion before the
 * next starts, even when the operation awaits between its statements.
 */
describe('writer queue', () => {
  let store: Store;
  let remove: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    store = await openStore({ dataDir: dir, clock: manualClock('2026-11-25T02:00:00Z') });
    await store.write(async (tx) => {
      await tx.run('CREATE TABLE probe_counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)');
      await tx.run('INSERT INTO probe_counter (id, n) VALUES (1, 0)');
      await tx.run(
        'CREATE TABLE probe_log (seq INTEGER PRIMARY KEY, op INTEGER NOT NULL, step INTEGER NOT NULL)',
      );
    });
  });

  afterAll(async () => {
    await store.close();
    await remove();
  });

  const counter = async () => (await store.reader.get<{ n: number }>('SELECT n FROM probe_counter'))!.n;
  const logRows = () =>
    store.reader.all<{ seq: number; op: number; step: number }>(
      'SELECT seq, op, step FROM probe_log ORDER BY seq',
    );

  /** Read-modify-write with awaits between the statements: interleaving two of these would lose increments. */
  const increment = (op: number, steps: number, failAt?: number) =>
    store.write(async (tx) => {
      const before = (await tx.get<{ n: number }>('SELECT n FROM probe_counter'))!.n;
      for (let step = 0; step < steps; step++) {
        await sleep((op * 7 + step * 3) % 5);
        await tx.run('INSERT INTO probe_log (op, step) VALUES (?, ?)', [op, step]);
        if (step === failAt) throw new Error(`operation ${op} fails at step ${step}`);
      }
      await sleep(op % 3);
      await tx.run('UPDATE probe_counter SET n = ?', [before + 1]);
      return before + 1;
    });

  it('never interleaves the statements of concurrent operations', async () => {
    const start = await counter();
    const ops = 25;
    const results = await Promise.all(Array.from({ length: ops }, (_, op) => increment(op, 4)));

    expect(await counter()).toBe(start + ops);
    // Each operation saw the previous one's committed counter: results are start+1 … start+ops, each once.
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: ops }, (_, i) => start + i + 1));
    // They ran in the order they were queued.
    expect(results).toEqual(Array.from({ length: ops }, (_, i) => start + i + 1));

    const rows = await logRows();
    expect(rows).toHaveLength(ops * 4);
    // The rows of each operation are contiguous and in step order.
    for (let i = 0; i < rows.length; i += 4) {
      const block = rows.slice(i, i + 4);
      expect(new Set(block.map((r) => r.op)).size).toBe(1);
      expect(block.map((r) => r.step)).toEqual([0, 1, 2, 3]);
    }
    expect(new Set(rows.map((r) => r.op)).size).toBe(ops);
  });

  it('rolls a throwing operation back completely and carries on with the rest of the queue', async () => {
    const start = await counter();
    const logBefore = (await logRows()).length;
    const outcomes = await Promise.allSettled([
      increment(100, 3),
      increment(101, 3, 1), // fails after writing two log rows
      increment(102, 3),
      increment(103, 3, 2), // fails after writing three log rows
      increment(104, 3),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(((outcomes[1] as PromiseRejectedResult).reason as Error).message).toBe(
      'operation 101 fails at step 1',
    );

    expect(await counter()).toBe(start + 3);
    const added = (await logRows()).slice(logBefore);
    expect(added.map((r) => r.op)).toEqual([100, 100, 100, 102, 102, 102, 104, 104, 104]);

    // The queue is still usable afterwards.
    expect(await increment(105, 1)).toBe(start + 4);
  });

  it('lets the reader see only committed data', async () => {
    let seenInside: number | undefined;
    const before = await counter();
    await store.write(async (tx) => {
      await tx.run('UPDATE probe_counter SET n = n + 1000');
      seenInside = await counter();
      await tx.run('UPDATE probe_counter SET n = n - 1000');
    });
    expect(seenInside).toBe(before);
  });

  it('runs afterCommit effects only after COMMIT, and never after a rollback', async () => {
    const events: string[] = [];
    const conn = await Connection.open(join(dir, 'neiqin.sqlite'));
    conn.busyTimeout(5000);
    // A real connection whose exec also notes each transaction statement, so effects can be ordered against it.
    const observed = {
      run: conn.run.bind(conn),
      get: conn.get.bind(conn),
      all: conn.all.bind(conn),
      exec: async (sql: string) => {
        await conn.exec(sql);
        events.push(sql);
      },
    } as unknown as Connection;
    const queue = new WriteQueue(observed);
    try {
      const value = await queue.run(async (tx, afterCommit) => {
        await tx.run('INSERT INTO probe_log (op, step) VALUES (900, 0)');
        afterCommit(() => events.push('effect 1'));
        afterCommit(() => {
          throw new Error('a failing listener');
        });
        afterCommit(() => events.push('effect 3'));
        events.push('operation done');
        return 'ok';
      });
      expect(value).toBe('ok');
      expect(events).toEqual(['BEGIN IMMEDIATE', 'operation done', 'COMMIT', 'effect 1', 'effect 3']);

      events.length = 0;
      const failed = queue.run(async (tx, afterCommit) => {
        await tx.run('INSERT INTO probe_log (op, step) VALUES (901, 0)');
        afterCommit(() => events.push('effect after failure'));
        throw new Error('boom');
      });
      await expect(failed).rejects.toThrow('boom');
      expect(events).toEqual(['BEGIN IMMEDIATE', 'ROLLBACK']);
      expect(await conn.get('SELECT 1 AS hit FROM probe_log WHERE op = 901')).toBeUndefined();
      expect(await conn.get('SELECT 1 AS hit FROM probe_log WHERE op = 900')).toEqual({ hit: 1 });
    } finally {
      await conn.close();
    }
  });

  it('runs store-level afterCommit effects once the data is visible, and drops them on rollback', async () => {
    const seen: (number | string)[] = [];
    await store.write(async (tx, afterCommit) => {
      await tx.run('INSERT INTO probe_log (op, step) VALUES (910, 0)');
      afterCommit(() => seen.push('committed'));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['committed']);
    expect(await store.reader.get('SELECT 1 AS hit FROM probe_log WHERE op = 910')).toEqual({ hit: 1 });

    await expect(
      store.write(async (tx, afterCommit) => {
        await tx.run('INSERT INTO probe_log (op, step) VALUES (911, 0)');
        afterCommit(() => seen.push('rolled back'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(seen).toEqual(['committed']);
    expect(await store.reader.get('SELECT 1 AS hit FROM probe_log WHERE op = 911')).toBeUndefined();
  });

  it('refuses to use a transaction after it ended', async () => {
    let leaked: Parameters<Parameters<Store['write']>[0]>[0] | undefined;
    await store.write(async (tx) => {
      leaked = tx;
    });
    expect(() => leaked!.run('INSERT INTO probe_log (op, step) VALUES (920, 0)')).toThrow(/after it ended/);
    expect(await store.reader.get('SELECT 1 AS hit FROM probe_log WHERE op = 920')).toBeUndefined();
  });

  it('gives the readers connections that cannot write (query_only), whichever answers', async () => {
    // The pool spreads concurrent statements over its connections: ask several at once to reach them all.
    const pragmas = await Promise.all(
      Array.from({ length: 4 }, () => store.reader.get<{ query_only: number }>('PRAGMA query_only')),
    );
    expect(pragmas).toEqual(Array(4).fill({ query_only: 1 }));
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        store.reader.all(`INSERT INTO probe_log (op, step) VALUES (930, ${i})`),
      ),
    );
    for (const a of attempts) {
      expect(a.status).toBe('rejected');
      expect(String((a as PromiseRejectedResult).reason)).toMatch(/readonly|read-only/i);
    }
    expect(await store.reader.get('SELECT 1 AS hit FROM probe_log WHERE op = 930')).toBeUndefined();
    expect(await counter()).toBeGreaterThan(0);
  });

  it('opens the writer in WAL mode with foreign keys on', async () => {
    const reader = store.reader;
    expect(await reader.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await reader.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    const fk = await store.write((tx) => tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys'));
    expect(fk).toEqual({ foreign_keys: 1 });
  });
});
