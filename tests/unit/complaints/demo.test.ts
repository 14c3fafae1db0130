import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import { COMPLAINT_STATUSES } from '@shared/schemas/complaint';
import type { Backend, Caller } from '../../../electron/backend/index';
import { demoOffice, type DemoOffice } from '../helpers/demo';

/** The demo office has complaints worth looking at: every status, some overdue, a year of months, whole timelines. */
describe('demo office: complaints', () => {
  let office: DemoOffice;
  let backend: Backend;
  let neiqin: Caller;
  let wangli: Caller;

  beforeAll(async () => {
    office = await demoOffice();
    backend = office.backend;
    neiqin = await office.login('neiqin');
    wangli = await office.login('wangli');
  }, 120_000);
  afterAll(() => office.close());

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
