import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { zh } from '@shared/i18n';
import { openTable } from '../../../electron/backend/imports/readTable';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';

/**
 * exports.md "Formats": .csv is UTF-8 with BOM, "optional GB18030" — an office setting (参数与数据检查 › 导出文件)
 * for software that reads only GBK. It changes every .csv the office exports, and only .csv.
 */
describe('the .csv encoding setting', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const exportCsv = async () => {
    const file = await env.call(clerk.caller, 'customers.export', {
      view: { sortModel: [{ colId: 'code', sort: 'asc' }] },
      columns: ['code', 'name', 'address'],
      format: 'csv',
    });
    return readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path);
  };
  const header = ['code', 'name', 'address'].map((c) => (zh.customers.fields as Record<string, string>)[c]!).join(',');

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    const staffId = await env.createStaff();
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'G01', name: '杭州华东商贸有限公司', address: '杭州市西湖区文三路 1 号' }));
    await createCustomer(env, clerk.caller, customerValues(staffId, { code: 'G02', name: '温州瓯海鑫淼便利店', address: '温州市瓯海区娄桥街道' }));
  });
  afterAll(() => env.close());

  it('is UTF-8 with a BOM until the admin changes it', async () => {
    expect((await env.call(env.admin.caller, 'settings.get', {})).csvEncoding).toBe('utf-8');
    const bytes = await exportCsv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith(`${header}\r\n`)).toBe(true);
  });

  it('set to GB18030: the .csv has no BOM, reads as GB18030 (not as UTF-8), and the import reads it back', async () => {
    const saved = await env.call(env.admin.caller, 'settings.update', { idleMinutes: 30, csvEncoding: 'gb18030' });
    expect(saved.csvEncoding).toBe('gb18030');
    const audit = await env.backend.store.reader.get<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE entity = 'settings' AND entity_id = 'exports.csvEncoding' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(audit!.summary)).toEqual({ before: 'utf-8', after: 'gb18030' });

    const bytes = await exportCsv();
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    expect(text).toBe(`${header}\r\nG01,杭州华东商贸有限公司,杭州市西湖区文三路 1 号\r\nG02,温州瓯海鑫淼便利店,温州市瓯海区娄桥街道\r\n`);
    // 鑫淼 are outside GB2312 but inside GBK/GB18030: two bytes each, as Excel on a Chinese Windows writes them.
    expect(bytes.includes(Buffer.from('f6ce', 'hex'))).toBe(true);

    const path = env.backend.exportedFile(clerk.caller, (await env.call(clerk.caller, 'customers.export', { view: {}, columns: ['code', 'name'], format: 'csv' })).fileId)!.path;
    const table = await openTable(path, 'a.csv');
    const rows = [];
    for await (const r of table.rows()) rows.push(r.cells);
    expect(table.encoding).toBe('gb18030');
    expect(rows).toContainEqual(['G02', '温州瓯海鑫淼便利店']);
  });

  it('does not touch .xlsx exports, and the export audit says which encoding a .csv had', async () => {
    const file = await env.call(clerk.caller, 'customers.export', { view: {}, columns: ['code', 'name'], format: 'xlsx' });
    const bytes = await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as ever
    const entries = await env.backend.store.reader.all<{ summary: string }>(`SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id`);
    const summaries = entries.map((e) => JSON.parse(e.summary) as { format: string; encoding?: string });
    expect(summaries.at(-1)).not.toHaveProperty('encoding');
    expect(summaries.filter((s) => s.format === 'csv').map((s) => s.encoding)).toEqual(['utf-8', 'gb18030', 'gb18030']);
  });

  it('refuses an encoding it does not know, and changes nothing', async () => {
    const bad = await env.fail(env.admin.caller, 'settings.update', { idleMinutes: 30, csvEncoding: 'latin1' as never });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details?.issues?.[0]).toMatchObject({ path: 'csvEncoding', key: 'v.invalidChoice' });
    expect((await env.call(env.admin.caller, 'settings.get', {})).csvEncoding).toBe('gb18030');
    // A clerk cannot change it at all.
    expect((await env.fail(clerk.caller, 'settings.update', { idleMinutes: 30, csvEncoding: 'utf-8' })).code).toBe('FORBIDDEN');
  });
});
