import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { manualClock } from '../../../electron/backend/clock';
import { openStore, type Store } from '../../../electron/backend/db/store';
import { SwitchableStore } from '../../../electron/backend/db/switchableStore';
import { tempDir } from '../helpers/env';

const clock = manualClock('2026-11-25T02:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A store on its own folder whose `marker` table says which one it is. */
async function markedStore(name: string): Promise<Store> {
  const { dir, remove } = await tempDir('neiqin-switch-');
  const store = await openStore({ dataDir: dir, clock });
  await store.write(async (tx) => {
    await tx.run('CREATE TABLE marker (name TEXT)');
    await tx.run('INSERT INTO marker VALUES (?)', [name]);
  });
  cleanups.push(remove);
  return store;
}

const which = (s: Store) => s.reader.get<{ name: string }>('SELECT name FROM marker').then((r) => r!.name);

describe('the switchable store behind a restore', () => {
  it('lets a running write finish, holds new work during the swap, then runs it on the new file', async () => {
    const store = new SwitchableStore('a', await markedStore('old'));
    const order: string[] = [];
    let finishWrite!: () => void;
    const writing = store.write(async (tx) => {
      await new Promise<void>((r) => (finishWrite = r));
      order.push('write done');
      return tx.get<{ name: string }>('SELECT name FROM marker');
    });
    await new Promise((r) => setTimeout(r, 20));
    const next = await markedStore('new');
    const replacing = store.replace({
      swap: async () => {
        order.push('swap');
      },
      reopen: async () => next,
      undo: async () => undefined,
    });
    // Issued while the swap waits: held, then served by the new file.
    const held = which(store).then((name) => (order.push(`read ${name}`), name));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finishWrite();
    expect(await writing).toEqual({ name: 'old' });
    await replacing;
    expect(await held).toBe('new');
    expect(order).toEqual(['write done', 'swap', 'read new']);
    await store.close();
  });

  it('does not hold back a read made inside a running write (no deadlock)', async () => {
    const store = new SwitchableStore('a', await markedStore('old'));
    let replacing: Promise<void> | null = null;
    const next = await markedStore('new');
    const result = await store.write(async () => {
      replacing = store.replace({
        swap: async () => undefined,
        reopen: async () => next,
        undo: async () => undefined,
      });
      await new Promise((r) => setTimeout(r, 10));
      return which(store);
    });
    await replacing;
    expect(result).toBe('old');
    expect(await which(store)).toBe('new');
    await store.close();
  });

  it('opens the old file again when the new one cannot be opened', async () => {
    const old = await markedStore('old');
    const store = new SwitchableStore('a', old);
    let undone = false;
    let first = true;
    await expect(
      store.replace({
        swap: async () => undefined,
        reopen: async () => {
          if (first) {
            first = false;
            throw new Error('cannot open');
          }
          return openStore({ dataDir: join(old.file, '..'), clock });
        },
        undo: async () => {
          undone = true;
        },
      }),
    ).rejects.toThrow('cannot open');
    expect(undone).toBe(true);
    expect(await which(store)).toBe('old');
    await store.close();
  });

  it('refuses every operation while no database is open (recovery mode)', async () => {
    const store = new SwitchableStore('a', null);
    expect(store.open).toBe(false);
    await expect(store.reader.get('SELECT 1')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'backups.errors.recoveryMode',
    });
    await expect(store.write(async () => 1)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
