import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import type { CustomerInput } from '@shared/schemas/customer';
import { freshBackend, START, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, createCustomer, customerValues } from '../helpers/customers';

type Query = Partial<ChannelInput<'customers.query'>>;

/** A local wall-clock time as the UTC instant the database stores. */
const localInstant = (date: string, time: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, mm, ss).toISOString();
};

/** The customer grid's server-side filters, through the customers.query channel on real SQL. */
describe('customer grid filters', () => {
  let env: TestEnv;
  let clerk: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const staffId = await env.createStaff({ name: '王经理' });
    const make = (code: string, values: Partial<CustomerInput>) =>
      createCustomer(env, clerk.caller, customerValues(staffId, { code, ...values }), {
        receivedOn: '2026-11-19',
      });
    await make('G01', {
      name: '杭州华东商贸有限公司',
      abcClass: 'A',
      strength: 5,
      creditLimitFen: 150_000,
      registeredOn: '2025-12-31',
      isKey: true,
      region: 'east',
    });
    await make('G02', {
      name: '华东五金批发部',
      abcClass: 'B',
      strength: 4,
      creditLimitFen: 100_000,
      registeredOn: '2026-01-01',
      region: 'west',
      shortName: '五金部',
    });
    await make('G03', {
      name: '西湖50%折扣店',
      abcClass: 'C',
      strength: 3,
      creditLimitFen: 150_001,
      registeredOn: '2026-03-31',
      shortName: '折扣店',
    });
    await make('G04', {
      name: '西湖500强超市',
      abcClass: 'B',
      strength: 2,
      creditLimitFen: 99_999,
      registeredOn: '2026-04-01',
    });
    await make('G05', {
      name: '上海_下划线贸易公司',
      abcClass: 'C',
      strength: 1,
      registeredOn: '2026-02-15',
    });
    await make('G06', {
      name: '宁波北仑港务集团',
      abcClass: 'A',
      creditLimitFen: 0,
      registeredOn: '2026-03-01',
      phone: '0574-86001234',
    });
    await make('G07', {
      name: 'Alpha Trading 商行',
      abcClass: 'B',
      strength: 3,
      registeredOn: '2025-06-01',
      address: '宁波市海曙区',
    });
    // Last changed at chosen local times (created in reverse, so the session never sits idle).
    env.clock.set(localInstant('2026-11-22', '00:00:00'));
    await make('G08', { name: '测试时间八号', abcClass: 'C', registeredOn: '2024-05-05' });
    env.clock.set(localInstant('2026-11-21', '23:59:59'));
    await make('G09', { name: '测试时间九号', abcClass: 'C', registeredOn: '2024-05-05' });
    env.clock.set(localInstant('2026-11-20', '00:00:00'));
    await make('G10', { name: '测试时间十号', abcClass: 'C', registeredOn: '2024-05-05' });
    env.clock.set(START);
    clerk.caller = await env.login(clerk.username, clerk.password);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  /** Codes of the whole filtered view, in the grid's order (default: by code). */
  async function codes(view: Query): Promise<string[]> {
    const page = await env.call(clerk.caller, 'customers.query', allRowsQuery(view));
    expect(page.rowCount).toBe(page.rows.length);
    return page.rows.map((r) => r.code);
  }
  const byName = (condition: Record<string, unknown>): Query => ({
    filterModel: { name: { filterType: 'text', ...condition } as never },
  });

  describe('text', () => {
    it('contains, equals, starts and ends with Chinese text', async () => {
      expect(await codes(byName({ type: 'contains', filter: '华东' }))).toEqual(['G01', 'G02']);
      expect(await codes(byName({ type: 'contains', filter: '商贸' }))).toEqual(['G01']);
      expect(await codes(byName({ type: 'equals', filter: '华东五金批发部' }))).toEqual(['G02']);
      expect(await codes(byName({ type: 'equals', filter: '华东五金' }))).toEqual([]);
      expect(await codes(byName({ type: 'notEqual', filter: '华东五金批发部' }))).toHaveLength(9);
      expect(await codes(byName({ type: 'startsWith', filter: '西湖' }))).toEqual(['G03', 'G04']);
      expect(await codes(byName({ type: 'startsWith', filter: '湖' }))).toEqual([]);
      expect(await codes(byName({ type: 'endsWith', filter: '公司' }))).toEqual(['G01', 'G05']);
      expect(await codes(byName({ type: 'notContains', filter: '测试' }))).toEqual([
        'G01',
        'G02',
        'G03',
        'G04',
        'G05',
        'G06',
        'G07',
      ]);
    });

    it('matches LIKE wildcards literally', async () => {
      expect(await codes(byName({ type: 'contains', filter: '50%' }))).toEqual(['G03']);
      expect(await codes(byName({ type: 'contains', filter: '%' }))).toEqual(['G03']);
      expect(await codes(byName({ type: 'contains', filter: '_' }))).toEqual(['G05']);
      expect(await codes(byName({ type: 'startsWith', filter: '西湖5_' }))).toEqual([]);
      expect(await codes(byName({ type: 'contains', filter: '\\' }))).toEqual([]);
    });

    it('ignores the letter case of Latin text', async () => {
      expect(await codes(byName({ type: 'contains', filter: 'alpha trading' }))).toEqual(['G07']);
    });

    it('finds blank and non-blank optional text', async () => {
      const shortName = (type: string): Query => ({
        filterModel: { shortName: { filterType: 'text', type } as never },
      });
      expect(await codes(shortName('notBlank'))).toEqual(['G02', 'G03']);
      expect(await codes(shortName('blank'))).toHaveLength(8);
    });

    it('filters on the joined manager name', async () => {
      expect(
        await codes({
          filterModel: { managerName: { filterType: 'text', type: 'equals', filter: '王经理' } },
        }),
      ).toHaveLength(10);
      const none = await env.call(
        clerk.caller,
        'customers.query',
        allRowsQuery({
          filterModel: { managerName: { filterType: 'text', type: 'equals', filter: '李经理' } },
        }),
      );
      expect(none).toEqual({ rows: [], rowCount: 0 });
    });

    it('combines two conditions with AND or OR', async () => {
      const or = byName({
        filterType: 'text',
        operator: 'OR',
        conditions: [
          { filterType: 'text', type: 'contains', filter: '华东' },
          { filterType: 'text', type: 'contains', filter: '西湖' },
        ],
      });
      expect(await codes(or)).toEqual(['G01', 'G02', 'G03', 'G04']);
      const and = byName({
        filterType: 'text',
        operator: 'AND',
        conditions: [
          { filterType: 'text', type: 'startsWith', filter: '西湖' },
          { filterType: 'text', type: 'notContains', filter: '%' },
        ],
      });
      expect(await codes(and)).toEqual(['G04']);
    });
  });

  describe('numbers', () => {
    const strength = (condition: Record<string, unknown>): Query => ({
      filterModel: { strength: { filterType: 'number', ...condition } as never },
    });
    const credit = (condition: Record<string, unknown>): Query => ({
      filterModel: { creditLimitFen: { filterType: 'number', ...condition } as never },
    });

    it('treats a range as inclusive at both ends, in either order', async () => {
      expect(await codes(strength({ type: 'inRange', filter: 2, filterTo: 4 }))).toEqual([
        'G02',
        'G03',
        'G04',
        'G07',
      ]);
      expect(await codes(strength({ type: 'inRange', filter: 4, filterTo: 2 }))).toEqual([
        'G02',
        'G03',
        'G04',
        'G07',
      ]);
      expect(await codes(strength({ type: 'greaterThanOrEqual', filter: 5 }))).toEqual(['G01']);
      expect(await codes(strength({ type: 'lessThan', filter: 2 }))).toEqual(['G05']);
      expect(await codes(strength({ type: 'blank' }))).toEqual(['G06', 'G08', 'G09', 'G10']);
      expect(await codes(strength({ type: 'notEqual', filter: 3 }))).toEqual([
        'G01',
        'G02',
        'G04',
        'G05',
        'G06',
        'G08',
        'G09',
        'G10',
      ]);
    });

    it('lets users type the credit limit in yuan while it is stored in fen', async () => {
      expect(await codes(credit({ type: 'equals', filter: 1500 }))).toEqual(['G01']);
      expect(await codes(credit({ type: 'equals', filter: 1500.01 }))).toEqual(['G03']);
      expect(await codes(credit({ type: 'inRange', filter: 1000, filterTo: 1500 }))).toEqual(['G01', 'G02']);
      expect(await codes(credit({ type: 'greaterThan', filter: 1500 }))).toEqual(['G03']);
      expect(await codes(credit({ type: 'lessThan', filter: 1000 }))).toEqual(['G04', 'G06']);
      expect(await codes(credit({ type: 'lessThanOrEqual', filter: 999.99 }))).toEqual(['G04', 'G06']);
    });

    it('combines number conditions', async () => {
      const q = strength({
        filterType: 'number',
        operator: 'OR',
        conditions: [
          { filterType: 'number', type: 'lessThan', filter: 2 },
          { filterType: 'number', type: 'greaterThan', filter: 4 },
        ],
      });
      expect(await codes(q)).toEqual(['G01', 'G05']);
    });
  });

  describe('dates', () => {
    const registered = (condition: Record<string, unknown>): Query => ({
      filterModel: { registeredOn: { filterType: 'date', ...condition } as never },
    });
    const updated = (condition: Record<string, unknown>): Query => ({
      filterModel: { updatedAt: { filterType: 'date', ...condition } as never },
    });

    it('treats a calendar-date range as inclusive at both ends', async () => {
      expect(
        await codes(registered({ type: 'inRange', dateFrom: '2026-01-01', dateTo: '2026-03-31' })),
      ).toEqual(['G02', 'G03', 'G05', 'G06']);
      expect(
        await codes(
          registered({ type: 'inRange', dateFrom: '2026-01-01 00:00:00', dateTo: '2026-03-31 00:00:00' }),
        ),
      ).toEqual(['G02', 'G03', 'G05', 'G06']);
      expect(await codes(registered({ type: 'equals', dateFrom: '2026-03-31' }))).toEqual(['G03']);
      expect(await codes(registered({ type: 'lessThan', dateFrom: '2026-01-01' }))).toEqual([
        'G01',
        'G07',
        'G08',
        'G09',
        'G10',
      ]);
      expect(await codes(registered({ type: 'greaterThan', dateFrom: '2026-03-31' }))).toEqual(['G04']);
    });

    it('filters instants by the local calendar days they fall on', async () => {
      expect(await codes(updated({ type: 'inRange', dateFrom: '2026-11-20', dateTo: '2026-11-21' }))).toEqual(
        ['G09', 'G10'],
      );
      expect(await codes(updated({ type: 'equals', dateFrom: '2026-11-22' }))).toEqual(['G08']);
      expect(await codes(updated({ type: 'inRange', dateFrom: '2026-11-22', dateTo: '2026-11-25' }))).toEqual(
        ['G01', 'G02', 'G03', 'G04', 'G05', 'G06', 'G07', 'G08'],
      );
      expect(await codes(updated({ type: 'lessThan', dateFrom: '2026-11-21' }))).toEqual(['G10']);
    });

    it('refuses a malformed date', async () => {
      const error = await env.fail(
        clerk.caller,
        'customers.query',
        allRowsQuery(registered({ type: 'equals', dateFrom: '31/03/2026' })),
      );
      expect(error.code).toBe('VALIDATION');
    });
  });

  describe('sets', () => {
    const set = (column: string, values: string[]): Query => ({
      filterModel: { [column]: { filterType: 'set', values } },
    });

    it('keeps rows whose value is in the set', async () => {
      expect(await codes(set('abcClass', ['A']))).toEqual(['G01', 'G06']);
      expect(await codes(set('abcClass', ['A', 'B']))).toEqual(['G01', 'G02', 'G04', 'G06', 'G07']);
      expect(await codes(set('isKey', ['true']))).toEqual(['G01']);
      expect(await codes(set('isKey', ['false']))).toHaveLength(9);
      expect(await codes(set('region', ['east', 'west']))).toEqual(['G01', 'G02']);
    });

    it('returns nothing for an empty set', async () => {
      const page = await env.call(clerk.caller, 'customers.query', allRowsQuery(set('abcClass', [])));
      expect(page).toEqual({ rows: [], rowCount: 0 });
    });

    it('ANDs the filters of several columns together, with the quick search', async () => {
      const q: Query = {
        filterModel: {
          abcClass: { filterType: 'set', values: ['B'] },
          strength: { filterType: 'number', type: 'greaterThanOrEqual', filter: 3 },
        },
      };
      expect(await codes(q)).toEqual(['G02', 'G07']);
      expect(await codes({ ...q, quickSearch: '五金' })).toEqual(['G02']);
    });
  });

  describe('quick search', () => {
    it('finds a Chinese substring of three or more characters through the trigram index', async () => {
      expect(await codes({ quickSearch: '华东商' })).toEqual(['G01']);
      expect(await codes({ quickSearch: '东商贸有限' })).toEqual(['G01']);
      expect(await codes({ quickSearch: '北仑港' })).toEqual(['G06']);
      expect(await codes({ quickSearch: '50%折' })).toEqual(['G03']);
    });

    it('finds a two-character Chinese word with the LIKE fallback', async () => {
      expect(await codes({ quickSearch: '华东' })).toEqual(['G01', 'G02']);
      expect(await codes({ quickSearch: '北仑' })).toEqual(['G06']);
      expect(await codes({ quickSearch: '_下' })).toEqual(['G05']);
      expect(await codes({ quickSearch: '%折' })).toEqual(['G03']);
    });

    it('searches codes, phone numbers and addresses too', async () => {
      expect(await codes({ quickSearch: 'g05' })).toEqual(['G05']);
      expect(await codes({ quickSearch: '86001234' })).toEqual(['G06']);
      expect(await codes({ quickSearch: '海曙区' })).toEqual(['G07']);
    });

    it('searches the same fields whether the text is short or long', async () => {
      // The search box promises name, code, phone and address; a two-character place name is common.
      expect(await codes({ quickSearch: '海曙' })).toEqual(['G07']);
      expect(await codes({ quickSearch: '05' })).toEqual(['G05', 'G06']); // code G05, phone 0574-…
      expect(await codes({ quickSearch: '74' })).toEqual(['G06']);
      expect((await env.call(clerk.caller, 'customers.search', { text: '海曙' })).map((h) => h.code)).toEqual(
        ['G07'],
      );
    });

    it('treats search syntax as plain text', async () => {
      for (const text of ['"', 'AND', 'a OR b', '华东*', 'NEAR(华东 商贸)', "'; DROP TABLE customers; --"]) {
        await expect(
          env.call(clerk.caller, 'customers.query', allRowsQuery({ quickSearch: text })),
        ).resolves.toEqual({ rows: [], rowCount: 0 });
      }
    });
  });

  it('refuses columns outside the whitelist in filters and sorts', async () => {
    for (const bad of [
      { filterModel: { password_hash: { filterType: 'text', type: 'contains', filter: 'x' } } },
      { filterModel: { 'c.name': { filterType: 'text', type: 'contains', filter: 'x' } } },
      { sortModel: [{ colId: 'manager_staff_id', sort: 'asc' }] },
      { sortModel: [{ colId: 'name', sort: 'sideways' }] },
      { filterModel: { name: { filterType: 'number', type: 'equals', filter: 1 } } },
    ]) {
      const error = await env.fail(clerk.caller, 'customers.query', { startRow: 0, endRow: 10, ...bad });
      expect(error.code, JSON.stringify(bad)).toBe('VALIDATION');
    }
  });
});
