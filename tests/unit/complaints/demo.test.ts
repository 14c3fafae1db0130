import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import { COMPLAINT_STATUSES } from '@shared/schemas/complaint';
import { createBackend, type Backend, type Caller } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import { DEMO_PASSWORD } from '../../../electron/backend/demo/demoOffice';
import { START, tempDir } from '../helpers/env';

/** The demo office has complaints worth looking at: every status, some overdue, a year of months, whole timelines. */
describe('demo office: complaints', () => {
  let backend: Backend;
  let remove: () => Promise<void>;
  let neiqin: Caller;
  let wangli: Caller;

  beforeAll(async () => {
    const dir = await tempDir();
    remove = dir.remove;
    backend = await createBackend({
      dataDir: dir.dir,
      clock: manualClock(START),
      validateOutput: true,
      log: { info: () => undefined, error: () => undefined },
    });
    await backend.invoke({ sessionId: null }, 'setup.createAdmin', {
      username: 'admin',
      displayName: '系统管理员',
      password: 'Admin2026',
      loadDemo: true,
    });
    neiqin = { sessionId: null };
    wangli = { sessionId: null };
    await backend.invoke(neiqin, 'auth.login', { username: 'neiqin', password: DEMO_PASSWORD });
    await backend.invoke(wangli, 'auth.login', { username: 'wangli', password: DEMO_PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await backend.close();
    await remove();
  });

  const page = (caller: Caller) =>
    backend.invoke(caller, 'complaints.query', {
      startRow: 0,
      endRow: 200,
      sortModel: [{ colId: 'receivedAt', sort: 'asc' }],
    }) as Promise<ChannelOutput<'complaints.query'>>;

  it('has about forty complaints in every status, numbered in the order they came in', async () => {
    const { rows, rowCount } = await page(neiqin);
    expect(rowCount).toBeGreaterThanOrEqual(35);
    expect(rowCount).toBeLessThanOrEqual(50);
    for (const status of COMPLAINT_STATUSES)
      expect(
        rows.some((r) => r.status === status),
        status,
      ).toBe(true);
    const sameYear = rows.filter((r) => r.number.startsWith('TS-2026-')).map((r) => r.number);
    expect(sameYear).toEqual([...sameYear].sort());
    expect(rows.filter((r) => r.dueState === 'overdue').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps each complaint’s timeline in step with its status', async () => {
    const { rows } = await page(neiqin);
    for (const row of rows.slice(0, 12)) {
      const d = (await backend.invoke(neiqin, 'complaints.get', {
        id: row.id,
      })) as ChannelOutput<'complaints.get'>;
      expect(d.events[0]!.action).toBe('received');
      expect(d.events.at(-1)!.statusAfter).toBe(d.complaint.status);
      expect(d.complaint.version).toBe(d.events.length);
    }
  });

  it('hides A-class customers’ complaints from the clerk without 项目专职', async () => {
    const all = await page(neiqin);
    const theirs = await page(wangli);
    expect(theirs.rowCount).toBeLessThan(all.rowCount);
    const visible = new Set(theirs.rows.map((r) => r.id));
    const hidden = all.rows.filter((r) => !visible.has(r.id));
    const classes = await backend.store.reader.all<{ abc_class: string }>(
      `SELECT DISTINCT c.abc_class FROM complaints k JOIN customers c ON c.id = k.customer_id WHERE k.id IN (${hidden.map(() => '?').join(',')})`,
      hidden.map((r) => r.id),
    );
    expect(classes).toEqual([{ abc_class: 'A' }]);
  });
});
