import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { nameSortKey } from '../../../electron/backend/customers/sortKey';

describe('customer names sort by pinyin', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    staffId = await env.createStaff({ name: '王经理' });
    // Code-point order would be 北 U+5317, 杭 U+676D, 重 U+91CD, 阿 U+963F.
    for (const [code, name] of [
      ['S1', '重庆长城商贸有限公司'],
      ['S2', '杭州鑫达超市'],
      ['S3', '阿里商行'],
      ['S4', '北京同福百货'],
    ]) {
      await createCustomer(env, clerk.caller, customerValues(staffId, { code: code!, name: name! }));
    }
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const names = async (sort: 'asc' | 'desc') =>
    (
      await env.call(clerk.caller, 'customers.query', {
        startRow: 0,
        endRow: 100,
        sortModel: [{ colId: 'name', sort }],
      })
    ).rows.map((r) => r.name);

  it('orders the grid as a Chinese name list reads, polyphones by the word (重庆 = chong qing)', async () => {
    expect(await names('asc')).toEqual(['阿里商行', '北京同福百货', '重庆长城商贸有限公司', '杭州鑫达超市']);
    expect(await names('desc')).toEqual(['杭州鑫达超市', '重庆长城商贸有限公司', '北京同福百货', '阿里商行']);
  });

  it('keeps the key in step when a name changes', async () => {
    const [row] = (
      await env.call(clerk.caller, 'customers.query', { startRow: 0, endRow: 1, quickSearch: '阿里商行' })
    ).rows;
    const detail = await env.call(clerk.caller, 'customers.get', { id: row!.id });
    await env.call(clerk.caller, 'customers.update', {
      id: row!.id,
      version: detail.customer.version,
      changes: { name: '朝阳商行' },
      receivedOn: today(env),
    });
    const stored = await env.backend.store.reader.get<{ name_sort: string }>(
      'SELECT name_sort FROM customers WHERE id = ?',
      [row!.id],
    );
    expect(stored!.name_sort).toBe(nameSortKey('朝阳商行'));
    expect(stored!.name_sort.startsWith('chao yang')).toBe(true);
    expect((await names('asc')).at(0)).toBe('北京同福百货');
  });

  it('has the doctor check that every customer has a key', async () => {
    const report = await env.call(env.admin.caller, 'system.doctor', {});
    expect(report.checks.find((c) => c.name === 'sortKeys')).toMatchObject({ ok: true });
  });
});
