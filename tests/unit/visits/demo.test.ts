import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/backend/index';
import { createBackend, type Backend } from '../../../electron/backend/index';
import { manualClock } from '../../../electron/backend/clock';
import { DEMO_PASSWORD } from '../../../electron/backend/demo/demoOffice';
import { START, tempDir } from '../helpers/env';

/** The demo office shows visits, plans and the overdue list with realistic content (screens and e2e rely on it). */
describe('demo office: visits, plans and contact cadence', () => {
  let backend: Backend;
  let remove: () => Promise<void>;
  let neiqin: Caller;
  let loadMs = 0;

  beforeAll(async () => {
    const dir = await tempDir();
    remove = dir.remove;
    backend = await createBackend({ dataDir: dir.dir, clock: manualClock(START), validateOutput: true, log: { info: () => undefined, error: () => undefined } });
    const started = performance.now();
    await backend.invoke({ sessionId: null }, 'setup.createAdmin', { username: 'admin', displayName: '系统管理员', password: 'Admin2026', loadDemo: true });
    loadMs = performance.now() - started;
    neiqin = { sessionId: null };
    await backend.invoke(neiqin, 'auth.login', { username: 'neiqin', password: DEMO_PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await backend.close();
    await remove();
  });

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
    console.log(`demo office loaded in ${Math.round(loadMs)} ms with ${counts!.visits} visits`);
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
