import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../helpers/files';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';

/** 客户资源统计表: active customers counted by class per manager, region, format and market type. */
describe('customer resource statistics', () => {
  let env: TestEnv;
  let insider: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true });
    outsider = await env.createUser({ roles: ['clerk'], projectStaff: false });
    const zhao = await env.createStaff({ name: '赵刚' });
    const qian = await env.createStaff({ name: '钱敏' });
    const make = (code: string, staff: number, abcClass: 'A' | 'B' | 'C', isKey = false) =>
      createCustomer(env, insider.caller, customerValues(staff, { code, name: `统计客户${code}`, abcClass, isKey }));
    await make('S1', zhao, 'A', true);
    await make('S2', zhao, 'B');
    await make('S3', zhao, 'C');
    await make('S4', qian, 'C', true);
    const gone = await make('S5', qian, 'B');
    await env.call(insider.caller, 'customers.archive', { id: gone.customer.id, version: gone.customer.version, reason: '停业', receivedOn: today(env) });
  });
  afterAll(() => env.close());

  it('counts active customers by class for each manager, archived ones left out', async () => {
    const stats = await env.call(insider.caller, 'customers.resourceStats', {});
    const byStaff = stats.rows.filter((r) => r.dimension === 'staff');
    const zhao = byStaff.find((r) => r.label === '赵刚')!;
    const qian = byStaff.find((r) => r.label === '钱敏')!;
    expect([zhao.a, zhao.b, zhao.c, zhao.total, zhao.keyCustomers]).toEqual([1, 1, 1, 3, 1]);
    expect([qian.a, qian.b, qian.c, qian.total, qian.keyCustomers]).toEqual([0, 0, 1, 1, 1]);
    expect(stats.total).toEqual({ a: 1, b: 1, c: 2, total: 4, keyCustomers: 2 });
    // Every dimension covers every active customer once.
    for (const dimension of ['staff', 'region', 'businessFormat', 'marketType'] as const) {
      expect(stats.rows.filter((r) => r.dimension === dimension).reduce((n, r) => n + r.total, 0)).toBe(4);
    }
  });

  it('leaves A-class customers out for users without project staff', async () => {
    const stats = await env.call(outsider.caller, 'customers.resourceStats', {});
    expect(stats.total).toEqual({ a: 0, b: 1, c: 2, total: 3, keyCustomers: 1 });
  });

  it('exports the register with its title, headers and a grand total line', async () => {
    const file = await env.call(insider.caller, 'customers.resourceStatsExport', { format: 'xlsx' });
    expect(file.fileName).toMatch(/^客户资源统计表_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    const book = await readWorkbook(env.backend.exportedFile(insider.caller, file.fileId)!.path);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('客户资源统计表');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['统计维度', '分组', 'A 类', 'B 类', 'C 类', '合计', '重点客户']);
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual(['总计', '全部在册客户', 1, 1, 2, 4, 2]);
    const audit = await env.backend.store.reader.get<{ summary: string }>(`SELECT summary FROM audit_log WHERE channel = 'customers.resourceStatsExport'`);
    expect(JSON.parse(audit!.summary)).toMatchObject({ format: 'xlsx', rows: file.rows });
  });

  it('refuses an unknown format', async () => {
    expect((await env.fail(insider.caller, 'customers.resourceStatsExport', { format: 'pdf' })).code).toBe('VALIDATION');
  });
});
