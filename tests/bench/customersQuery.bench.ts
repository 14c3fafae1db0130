/**
 * The customer archive grid on 200,000 customers: `customers.query` through backend.invoke (session, permission,
 * zod validation, handler, both statements), the same statements through the driver without the channel, and the
 * same statements bare in the sqlite3 shell. Targets (issue): a page p95 < 50 ms, a quick search p95 < 100 ms,
 * the channel at most 2× the bare SQL.
 */
import { createBackend, type Backend, type Caller } from '../../electron/backend';
import type { Params } from '../../electron/backend/db/connection';
import { benchCaller, databaseBytes, type Benchmark, type BenchContext } from './context';
import {
  heading,
  ratioRow,
  sampleInterleaved,
  stats,
  timed,
  timingRow,
  type Probe,
  type Row,
} from './measure';
import {
  cliQueryPlan,
  inlineParams,
  MISSING_CLI,
  normalisePlan,
  SqliteShell,
  sqliteCliVersion,
} from './sqliteCli';

interface Statement {
  method: 'all' | 'get';
  sql: string;
  params: unknown[];
}

type QueryInput = Record<string, unknown>;

interface Case {
  title: string;
  who: 'projectStaff' | 'clerk';
  /** The inputs cycled through, run by run (e.g. the first few pages). */
  inputs: QueryInput[];
  target: { p95Below: number };
}

const PAGE_TARGET = { p95Below: 50 };
const SEARCH_TARGET = { p95Below: 100 };
const PAGE = 100;
const firstPages = (view: QueryInput, pages = 5) =>
  Array.from({ length: pages }, (_, i) => ({ ...view, startRow: i * PAGE, endRow: (i + 1) * PAGE }));
const search = (text: string, sortModel: unknown[] = []): QueryInput[] => [
  { quickSearch: text, sortModel, startRow: 0, endRow: PAGE },
];

/** The statements one call runs on the read connection, recorded by wrapping the connection for that call. */
async function captureStatements(backend: Backend, call: () => Promise<unknown>): Promise<Statement[]> {
  const reader = backend.store.reader;
  const own = { all: Object.getOwnPropertyDescriptor(reader, 'all'), get: Object.getOwnPropertyDescriptor(reader, 'get') };
  const original = { all: reader.all.bind(reader), get: reader.get.bind(reader) };
  const recorded: Statement[] = [];
  const record = (method: Statement['method'], sql: string, params: Params | undefined) => {
    if (params !== undefined && !Array.isArray(params))
      throw new Error('Named parameters are not supported by the bench');
    recorded.push({ method, sql, params: [...((params as unknown[] | undefined) ?? [])] });
  };
  const spy = reader as { all: typeof reader.all; get: typeof reader.get };
  spy.all = <T>(sql: string, params?: Params) => (record('all', sql, params), original.all<T>(sql, params));
  spy.get = <T>(sql: string, params?: Params) => (record('get', sql, params), original.get<T>(sql, params));
  try {
    await call();
  } finally {
    // Put back exactly what was there: an own property (a pool) or the prototype's method (one connection).
    for (const key of ['all', 'get'] as const) {
      if (own[key]) Object.defineProperty(reader, key, own[key]);
      else Reflect.deleteProperty(reader, key);
    }
  }
  return recorded;
}

/** Runs the recorded statements as the grid handler does: concurrently on the read connection. */
function runDirect(backend: Backend, statements: Statement[]): Promise<unknown> {
  return Promise.all(
    statements.map((s) =>
      s.method === 'all'
        ? backend.store.reader.all(s.sql, s.params)
        : backend.store.reader.get(s.sql, s.params),
    ),
  );
}

async function driverPlan(backend: Backend, s: Statement): Promise<string[]> {
  const rows = await backend.store.reader.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${s.sql}`, s.params);
  return rows.map((r) => r.detail);
}

function pickPhoneFragment(phone: string | undefined): string {
  const digits = (phone ?? '0571-86421357').replace(/\D/g, '');
  return digits.slice(-7, -2); // five digits from the middle of the local number, as someone types them
}

export const customersQueryBench: Benchmark = {
  name: 'customers.query',
  description: 'customer grid page and quick search on the large database',
  async run(ctx: BenchContext): Promise<Row[]> {
    const office = await ctx.largeOffice();
    const cliVersion = sqliteCliVersion();
    const shell = cliVersion && SqliteShell.available() ? new SqliteShell(office.dbFile) : null;
    const backend = await createBackend({ dataDir: office.dataDir });
    const notes: string[] = [];
    const rows: Row[] = [];
    try {
      const callers: Record<Case['who'], Caller> = {
        projectStaff: await benchCaller(backend, {
          username: 'bench',
          displayName: '基准测试（项目专职）',
          roles: ['clerk'],
          projectStaff: true,
        }),
        clerk: await benchCaller(backend, {
          username: 'bench-clerk',
          displayName: '基准测试（内勤）',
          roles: ['clerk'],
          projectStaff: false,
        }),
      };
      const sampleCustomer = await backend.store.reader.get<{ phone: string }>(
        'SELECT phone FROM customers WHERE id = 4242',
      );
      const phoneFragment = pickPhoneFragment(sampleCustomer?.phone);

      const byName = [{ colId: 'name', sort: 'asc' }];
      const cases: Case[] = [
        {
          title: 'page: B-class, name contains 商贸, sorted by name (startRow 0–400)',
          who: 'projectStaff',
          inputs: firstPages({
            filterModel: {
              abcClass: { filterType: 'set', values: ['B'] },
              name: { filterType: 'text', type: 'contains', filter: '商贸' },
            },
            sortModel: byName,
          }),
          target: PAGE_TARGET,
        },
        {
          title: 'page: grid opening, no filter, by code (startRow 0–400)',
          who: 'projectStaff',
          inputs: firstPages({}),
          target: PAGE_TARGET,
        },
        {
          title: 'page: grid opening as a clerk without 项目专职 (A hidden)',
          who: 'clerk',
          inputs: firstPages({}),
          target: PAGE_TARGET,
        },
        {
          title: 'page: sorted by registration date, newest first',
          who: 'projectStaff',
          inputs: firstPages({ sortModel: [{ colId: 'registeredOn', sort: 'desc' }] }),
          target: PAGE_TARGET,
        },
        {
          title: 'page: sorted by name, scrolled to row 50,000',
          who: 'projectStaff',
          inputs: firstPages({ sortModel: byName }).map((p) => ({
            ...p,
            startRow: 50_000 + p.startRow,
            endRow: 50_000 + p.endRow,
          })),
          target: PAGE_TARGET,
        },
        {
          title: "search '连锁超市' (4 chars: trigram index)",
          who: 'projectStaff',
          inputs: search('连锁超市'),
          target: SEARCH_TARGET,
        },
        {
          title: "search '鑫达' (2 chars: LIKE over five columns)",
          who: 'projectStaff',
          inputs: search('鑫达'),
          target: SEARCH_TARGET,
        },
        {
          title: "search '鑫达' sorted by name",
          who: 'projectStaff',
          inputs: search('鑫达', byName),
          target: SEARCH_TARGET,
        },
        {
          title: "search '宏达' (2 chars, no customer matches: worst case)",
          who: 'projectStaff',
          inputs: search('宏达'),
          target: SEARCH_TARGET,
        },
        {
          title: "search 'KH0123' (code prefix)",
          who: 'projectStaff',
          inputs: search('KH0123'),
          target: SEARCH_TARGET,
        },
        {
          title: `search '${phoneFragment}' (phone digits)`,
          who: 'projectStaff',
          inputs: search(phoneFragment),
          target: SEARCH_TARGET,
        },
        {
          title: "search '有限公司' (broad: ~40% of customers)",
          who: 'projectStaff',
          inputs: search('有限公司'),
          target: SEARCH_TARGET,
        },
      ];

      for (const c of cases) {
        const caller = callers[c.who];
        const invoke = (i: number) =>
          backend.invoke(caller, 'customers.query', c.inputs[i % c.inputs.length]);
        // The exact statements (and parameters) the backend runs for each input.
        const captured: Statement[][] = [];
        let rowCount = 0;
        for (let i = 0; i < c.inputs.length; i++) {
          captured.push(
            await captureStatements(backend, async () => {
              rowCount = ((await invoke(i)) as { rowCount: number }).rowCount;
            }),
          );
        }
        ctx.log(`  ${c.title} …`);
        const statementsOf = (i: number) => captured[i % captured.length]!;
        const probes: Probe[] = [timed(invoke), timed((i) => runDirect(backend, statementsOf(i)))];
        const literal = captured.map((run) => run.map((s) => inlineParams(s.sql, s.params)));
        if (shell)
          probes.push(async (i) =>
            (await shell!.time(literal[i % literal.length]!)).reduce((a, b) => a + b, 0),
          );
        const [channelRuns, directRuns, bareRuns] = await sampleInterleaved(probes, ctx);
        const channel = stats(channelRuns!);
        rows.push(heading(`${c.title} — ${rowCount.toLocaleString('en-US')} rows match`));
        rows.push(timingRow('  customers.query via backend.invoke', channel, c.target));
        rows.push(timingRow('  same SQL via node-sqlite3 (no channel)', stats(directRuns!)));
        if (bareRuns) {
          const bare = stats(bareRuns);
          rows.push(timingRow(`  same SQL bare, sqlite3 ${cliVersion} shell (page + count)`, bare));
          rows.push(ratioRow('  channel ÷ bare SQL', channel, bare, 2, 1));
          for (const s of captured[0]!) {
            const mine = (await driverPlan(backend, s)).map(normalisePlan);
            const theirs = cliQueryPlan(office.dbFile, inlineParams(s.sql, s.params));
            if (mine.join(' / ') !== theirs.join(' / ')) {
              notes.push(
                `${c.title}, ${s.method === 'get' ? 'count' : 'page'} query: plans differ\n      driver: ${mine.join(' / ')}\n      shell:  ${theirs.join(' / ')}`,
              );
            }
          }
        }
        if (process.env.BENCH_PLANS) {
          for (const s of captured[0]!)
            notes.push(
              `${c.title}, ${s.method === 'get' ? 'count' : 'page'}: ${(await driverPlan(backend, s)).join(' / ')}`,
            );
        }
      }
    } finally {
      await shell?.close();
      await backend.close();
    }
    ctx.log(`  database ${(databaseBytes(office.dbFile) / 2 ** 20).toFixed(0)} MiB`);
    if (!cliVersion) notes.push(`No bare-SQL comparison: ${MISSING_CLI}`);
    else if (!shell)
      notes.push(
        'No bare-SQL comparison: `stdbuf` (coreutils) is needed to read the sqlite3 shell run by run',
      );
    for (const n of notes) rows.push(heading(`  note: ${n}`));
    return rows;
  },
};
