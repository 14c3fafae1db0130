import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ChannelName } from '@shared/contract';
import { isAppErrorShape } from '@shared/errors';
import { allHandlers, type Caller } from '../../../electron/backend/index';
import { createDispatcher } from '../../../electron/backend/dispatch';
import { openStore, type Store } from '../../../electron/backend/db/store';
import { Sessions } from '../../../electron/backend/auth/sessions';
import { ExportFiles } from '../../../electron/backend/files/exportFiles';
import { UploadedFiles } from '../../../electron/backend/files/uploads';
import { EventBus } from '../../../electron/backend/events';
import { manualClock } from '../../../electron/backend/clock';
import type { HandlerTable } from '../../../electron/backend/handlers';
import { insertUser } from '../../../electron/backend/auth/users';
import { failure, tempDir, rowCounts } from '../helpers/env';

/**
 * The host's dispatcher on its own, with handlers swapped in to misbehave: an unaudited write is rolled back,
 * an output that breaks the contract is an INTERNAL error, and no internal detail reaches the caller.
 */
describe('dispatcher', () => {
  let store: Store;
  let remove: () => Promise<void>;
  const logged: string[] = [];
  const events: string[] = [];
  let invoke: (caller: Caller, channel: string, input: unknown) => Promise<unknown>;
  const caller: Caller = { sessionId: null };

  beforeAll(async () => {
    const tmp = await tempDir();
    remove = tmp.remove;
    const clock = manualClock('2026-11-25T02:00:00Z');
    store = await openStore({ dataDir: tmp.dir, clock });
    const sessions = new Sessions(clock);
    const bus = new EventBus();
    bus.subscribe((name) => events.push(name));
    const table = {
      ...allHandlers(),
      // Writes a row but forgets the audit entry.
      'staff.create': async (
        input: { staff: { employeeNo: string; name: string } },
        ctx: {
          tx: { run: (s: string, p: unknown[]) => Promise<unknown> };
          afterCommit: (e: () => void) => void;
          events: EventBus;
        },
      ) => {
        await ctx.tx.run(
          `INSERT INTO staff (employee_no, name, created_at, updated_at) VALUES (?, ?, 'x', 'x')`,
          [input.staff.employeeNo, input.staff.name],
        );
        ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'staff' }));
        return {
          id: 1,
          employeeNo: input.staff.employeeNo,
          name: input.staff.name,
          department: null,
          position: null,
          phone: null,
          active: true,
          customerCount: 0,
        };
      },
      // Returns a shape the contract does not allow.
      'staff.options': async () => [{ id: 'one', employeeNo: 1 }],
      // Throws an ordinary error with internals in its message.
      'codeLists.list': async () => {
        throw new Error('SELECT secret FROM users — stack and SQL must not reach the user');
      },
      // The storage is busy.
      'settings.get': async () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
    } as unknown as HandlerTable;
    invoke = createDispatcher(
      table,
      {
        clock,
        store,
        sessions,
        files: new ExportFiles(join(tmp.dir, 'exports')),
        uploads: new UploadedFiles(join(tmp.dir, 'uploads')),
        events: bus,
        log: { info() {}, error: (m) => logged.push(m) },
        dataDir: tmp.dir,
      },
      { validateOutput: true },
    );
    const id = await store.write((tx) =>
      insertUser(
        tx,
        {
          username: 'root',
          displayName: '管理员',
          passwordHash: 'x',
          roles: ['admin'],
          projectStaff: true,
          mustChangePassword: false,
        },
        '2026-11-25T02:00:00.000Z',
      ),
    );
    const session = sessions.start({
      userId: id,
      username: 'root',
      displayName: '管理员',
      roles: ['admin'],
      projectStaff: true,
      mustChangePassword: false,
    });
    caller.sessionId = session.id;
  });
  afterAll(async () => {
    await store.close();
    await remove();
  });

  const run = (channel: ChannelName, input: unknown) => failure(invoke(caller, channel, input));

  it('rolls back a write that was not audited, and fires none of its effects', async () => {
    const before = JSON.stringify(await rowCounts({ store }));
    const error = await run('staff.create', { staff: { employeeNo: 'E1', name: '无审计' } });
    expect(error).toEqual({ code: 'INTERNAL', message: 'errors.internal' });
    expect(JSON.stringify(await rowCounts({ store }))).toBe(before);
    expect(await store.reader.get(`SELECT 1 AS hit FROM staff WHERE employee_no = 'E1'`)).toBeUndefined();
    expect(events).toEqual([]);
    expect(logged.at(-1)).toMatch(/staff\.create failed/);
  });

  it('turns an output that breaks the contract into INTERNAL, and logs it', async () => {
    expect(await run('staff.options', {})).toEqual({
      code: 'INTERNAL',
      message: 'errors.internal',
      details: { params: { channel: 'staff.options' } },
    });
    expect(logged.some((m) => m.includes('Output of staff.options does not match the contract'))).toBe(true);
  });

  it('never lets an internal message or stack reach the caller', async () => {
    const error = await run('codeLists.list', {});
    expect(error).toEqual({ code: 'INTERNAL', message: 'errors.internal' });
    expect(JSON.stringify(error)).not.toMatch(/secret|stack|SELECT/);
    expect(error).not.toBeInstanceOf(Error);
    expect(isAppErrorShape(error)).toBe(true);
  });

  it('reports a busy database as UNAVAILABLE', async () => {
    expect(await run('settings.get', {})).toEqual({ code: 'UNAVAILABLE', message: 'errors.storage' });
  });

  it('still runs well-behaved handlers normally', async () => {
    await expect(invoke(caller, 'staff.query', { startRow: 0, endRow: 10 })).resolves.toEqual({
      rows: [],
      rowCount: 0,
    });
    await expect(invoke(caller, 'staff.update', { id: 1, changes: { name: 'x' } })).rejects.toEqual({
      code: 'NOT_FOUND',
      message: 'errors.staff.notFound',
    });
  });
});
