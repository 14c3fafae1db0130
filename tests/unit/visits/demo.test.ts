import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, Caller } from '../../../electron/backend/index';
import { demoOffice, type DemoOffice } from '../helpers/demo';

/** The demo office shows visits, plans and the overdue list with realistic content (screens and e2e rely on it). */
describe('demo office: visits, plans and contact cadence', () => {
  let office: DemoOffice;
  let backend: Backend;
  let neiqin: Caller;

  beforeAll(async () => {
    office = await demoOffice();
    backend = office.backend;
    neiqin = await office.login('neiqin');
  }, 120_000);
  afterAll(() => office.close());

  const call = <T>(channel: string, input: unknown) => backend.invoke(neiqin, channel, input) as Promise<T>;

  it('has months of calls and visits, most customers on cadence and some overdue', async () => {
    const counts = await backend.store.reader.get<{ visits: number; phone: number; significant: number; customers: number }>(
      `SELECT count(*) AS visits, sum(channel = 'phone') AS phone, sum(significant) AS significant, count(DISTINCT customer_id) AS customers FROM visits`,
    );
    expect(counts!.visits).toBeGreaterThan(5000);
    expect(counts!.phone).toBeGreaterThan(counts!.visits / 2);
    expect(counts!.significant).toBeGreaterThan(10);
    expect(counts!.customers).toBeGreaterThan(1500);
    const overdue = await call<{ rowCount: number }>('cadence.overdue', { startRow: 0, endRow: 10 });
    expect(overdue.rowCount).toBeGreaterThan(100);
    expect(overdue.rowCount).toBeLessThan(1500);
    // Every visit of the demo has its "created" line and a date no later than today.
    const orphans = await backend.store.reader.get<{ n: number }>(
      `SELECT count(*) AS n FROM visits v WHERE v.visited_on > '2026-11-25' OR NOT EXISTS (SELECT 1 FROM visit_changes h WHERE h.visit_id = v.id)`,
    );
    expect(orphans!.n).toBe(0);
    console.log(`demo office loaded in ${Math.round(office.loadMs)} ms with ${counts!.visits} visits`);
  });

  it('has plans for this month, partly done, and a closed last month mostly done', async () => {
    const now = await call<{ editable: boolean; staff: { planned: number; done: number }[] }>('visitPlans.summary', { month: '2026-11' });
    expect(now.editable).toBe(true);
    expect(now.staff).toHaveLength(20);
    const planned = now.staff.reduce((n, s) => n + s.planned, 0);
    const done = now.staff.reduce((n, s) => n + s.done, 0);
    expect(done).toBeGreaterThan(planned * 0.3);
    expect(done).toBeLessThan(planned);
    const last = await call<{ editable: boolean; staff: { planned: number; done: number }[] }>('visitPlans.summary', { month: '2026-10' });
    expect(last.editable).toBe(false);
    expect(last.staff.reduce((n, s) => n + s.done, 0)).toBeGreaterThan(last.staff.reduce((n, s) => n + s.planned, 0) * 0.5);
  });
});
