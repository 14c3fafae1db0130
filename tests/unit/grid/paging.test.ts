import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, createCustomer, customerValues } from '../helpers/customers';

type Sort = NonNullable<ChannelInput<'customers.query'>['sortModel']>;

/** Every ORDER BY ends with the primary key, so the infinite row model's pages never skip or repeat a row. */
describe('customer grid paging and sorting', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const total = 23;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    const staffId = await env.createStaff();
    const classes = ['A', 'B', 'C'] as const;
    for (let i = 0; i < total; i++) {
      // Many ties: three classes, four strengths, names repeating every five customers.
      await createCustomer(
        env,
        clerk.caller,
        customerValues(staffId, {
          code: `P${String((i * 7) % total).padStart(3, '0')}`,
          name: `同名客户${i % 5}`,
          abcClass: classes[i % 3]!,
          strength: i % 4 === 0 ? null : (i % 4) + 1,
        }),
      );
    }
  });
  afterAll(() => env.close());

  const page = (sortModel: Sort, startRow: number, endRow: number) =>
    env.call(clerk.caller, 'customers.query', allRowsQuery({ sortModel, startRow, endRow }));

  const sorts: Sort[] = [
    [],
    [{ colId: 'abcClass', sort: 'asc' }],
    [{ colId: 'abcClass', sort: 'desc' }],
    [
      { colId: 'name', sort: 'desc' },
      { colId: 'strength', sort: 'asc' },
    ],
    [{ colId: 'strength', sort: 'desc' }],
    [{ colId: 'managerName', sort: 'asc' }],
  ];

  for (const sortModel of sorts) {
    it(`pages of any size add up to the whole view: ${JSON.stringify(sortModel)}`, async () => {
      const whole = await page(sortModel, 0, 1000);
      expect(whole.rowCount).toBe(total);
      expect(whole.rows).toHaveLength(total);
      for (const size of [1, 4, 7]) {
        const ids: number[] = [];
        for (let start = 0; start < total; start += size) {
          const p = await page(sortModel, start, start + size);
          expect(p.rowCount).toBe(total);
          ids.push(...p.rows.map((r) => r.id));
        }
        expect(ids).toEqual(whole.rows.map((r) => r.id));
      }
      // Rows that tie on every sorted column come in id order.
      const key = (r: (typeof whole.rows)[number]) =>
        JSON.stringify(sortModel.map((s) => r[s.colId as keyof typeof r]));
      const tieKey = sortModel.length ? key : (r: (typeof whole.rows)[number]) => r.code;
      for (let i = 1; i < whole.rows.length; i++) {
        if (tieKey(whole.rows[i - 1]!) === tieKey(whole.rows[i]!))
          expect(whole.rows[i]!.id).toBeGreaterThan(whole.rows[i - 1]!.id);
      }
    });
  }

  it('sorts by the requested columns, then by id', async () => {
    const rows = (await page([{ colId: 'abcClass', sort: 'desc' }], 0, 1000)).rows;
    const expected = [...rows].sort((x, y) =>
      x.abcClass === y.abcClass ? x.id - y.id : x.abcClass < y.abcClass ? 1 : -1,
    );
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const byCode = (await page([], 0, 1000)).rows.map((r) => r.code);
    expect(byCode).toEqual([...byCode].sort());
  });

  it('returns an empty page past the end, with the full count', async () => {
    expect(await page([], 100, 110)).toEqual({ rows: [], rowCount: total });
  });

  it('refuses pages that are too large or inverted', async () => {
    expect(
      (await env.fail(clerk.caller, 'customers.query', { startRow: 0, endRow: 1001 })).details?.issues,
    ).toEqual([{ path: 'endRow', key: 'v.pageSize' }]);
    expect(
      (await env.fail(clerk.caller, 'customers.query', { startRow: 10, endRow: 10 })).details?.issues,
    ).toEqual([{ path: 'endRow', key: 'v.pageSize' }]);
    expect((await env.fail(clerk.caller, 'customers.query', { startRow: -1, endRow: 10 })).code).toBe(
      'VALIDATION',
    );
  });
});
