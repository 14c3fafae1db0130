/**
 * 逾期未联系 on 200,000 customers: `cadence.overdue` (count + first page) through backend.invoke, with the same
 * statements bare through the driver beside it. Target (issue 3): p95 < 100 ms.
 *
 * The large database has no visit on file, so on today's date every customer on file is overdue (each counts
 * from its registration date): the worst case, the count walking the whole index. A second clock, set to the
 * date by which only about 15% of customers would be due, shows an office that keeps up with its calls. The
 * change of the cadence setting (re-deriving every customer of one class) is timed too, and put back.
 */
import { addDays, localDate } from '@shared/dates';
import { DEFAULT_CADENCE } from '@shared/cadence';
import { createBackend, type Backend, type Caller } from '../../electron/backend';
import { manualClock } from '../../electron/backend/clock';
import { benchCaller, type Benchmark, type BenchContext } from './context';
import { heading, sample, stats, timingRow, type Row } from './measure';

const TARGET = { p95Below: 100 };
const PAGE = 100;

interface Case {
  title: string;
  who: 'projectStaff' | 'clerk';
  inputs: Record<string, unknown>[];
}

const firstPages = (view: Record<string, unknown>, pages = 3) =>
  Array.from({ length: pages }, (_, i) => ({ ...view, startRow: i * PAGE, endRow: (i + 1) * PAGE }));

async function callers(backend: Backend): Promise<Record<Case['who'], Caller>> {
  return {
    projectStaff: await benchCaller(backend, { username: 'bench', displayName: '基准测试（项目专职）', roles: ['clerk'], projectStaff: true }),
    clerk: await benchCaller(backend, { username: 'bench-clerk', displayName: '基准测试（内勤）', roles: ['clerk'], projectStaff: false }),
  };
}

async function measureCases(ctx: BenchContext, backend: Backend, cases: Case[], label: string): Promise<Row[]> {
  const who = await callers(backend);
  const rows: Row[] = [];
  for (const c of cases) {
    const first = (await backend.invoke(who[c.who], 'cadence.overdue', c.inputs[0])) as { rowCount: number };
    ctx.log(`  ${label}: ${c.title} …`);
    const runs = await sample((i) => backend.invoke(who[c.who], 'cadence.overdue', c.inputs[i % c.inputs.length]), ctx);
    rows.push(heading(`${label}: ${c.title} — ${first.rowCount.toLocaleString('en-US')} overdue`));
    rows.push(timingRow('  cadence.overdue via backend.invoke (count + page)', stats(runs), TARGET));
  }
  return rows;
}

export const overdueContactsBench: Benchmark = {
  name: 'cadence.overdue',
  description: 'overdue-contacts grid (逾期未联系) on the large database',
  async run(ctx: BenchContext): Promise<Row[]> {
    const office = await ctx.largeOffice();
    const rows: Row[] = [];

    // Today: no visit on file, every customer on file overdue.
    let backend = await createBackend({ dataDir: office.dataDir });
    let someStaff: number;
    let fifteenPercentDay: string;
    try {
      const reader = backend.store.reader;
      someStaff = (await reader.get<{ id: number }>('SELECT manager_staff_id AS id FROM customers WHERE id = 4242'))!.id;
      const n = (await reader.get<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE status = 'active'`))!.n;
      const cut = await reader.get<{ d: string }>(
        `SELECT registered_on AS d FROM customers WHERE status = 'active' ORDER BY registered_on LIMIT 1 OFFSET ?`,
        [Math.floor(n * 0.15)],
      );
      fifteenPercentDay = addDays(cut!.d, 8);
      const staffFilter = { filterModel: { managerStaffId: { filterType: 'set', values: [String(someStaff)] } } };
      rows.push(
        ...(await measureCases(
          ctx,
          backend,
          [
            { title: 'first pages, most overdue first (project staff)', who: 'projectStaff', inputs: firstPages({}) },
            { title: 'first pages as a clerk without 项目专职 (A hidden)', who: 'clerk', inputs: firstPages({}) },
            { title: 'one 客户经理 (filter by manager)', who: 'projectStaff', inputs: firstPages(staffFilter) },
            { title: 'class B only (set filter)', who: 'projectStaff', inputs: firstPages({ filterModel: { abcClass: { filterType: 'set', values: ['B'] } } }) },
            { title: 'scrolled to row 50,000', who: 'projectStaff', inputs: firstPages({}).map((p) => ({ ...p, startRow: 50_000 + p.startRow, endRow: 50_000 + p.endRow })) },
          ],
          `today (${localDate(new Date())})`,
        )),
      );

      // The setting: re-derive every customer of class B, then put the default back.
      const admin = await benchCaller(backend, { username: 'bench-admin', displayName: '基准测试（管理员）', roles: ['admin'], projectStaff: true });
      const classB = (await reader.get<{ n: number }>(`SELECT count(*) AS n FROM customer_cadence WHERE abc_class = 'B'`))!.n;
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await backend.invoke(admin, 'cadence.update', { ...DEFAULT_CADENCE, B: { phoneDays: 10, visitMonths: 3 } });
        times.push(performance.now() - t);
        await backend.invoke(admin, 'cadence.update', DEFAULT_CADENCE);
      }
      rows.push(heading(`cadence.update: re-derive ${classB.toLocaleString('en-US')} class-B customers in one transaction (3 runs)`));
      rows.push(timingRow('  cadence.update via backend.invoke', stats(times)));
    } finally {
      await backend.close();
    }

    // An office that keeps up: only about 15% of customers due.
    backend = await createBackend({ dataDir: office.dataDir, clock: manualClock(`${fifteenPercentDay}T02:00:00Z`) });
    try {
      rows.push(
        ...(await measureCases(
          ctx,
          backend,
          [
            { title: 'first pages (project staff)', who: 'projectStaff', inputs: firstPages({}) },
            { title: 'first pages as a clerk without 项目专职', who: 'clerk', inputs: firstPages({}) },
          ],
          `about 15% due (clock ${fifteenPercentDay})`,
        )),
      );
    } finally {
      await backend.close();
    }
    return rows;
  },
};
