import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { ChannelInput } from '@shared/contract';
import { zh } from '@shared/i18n';
import { readWorkbook } from '../helpers/files';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, createCustomer, customerValues } from '../helpers/customers';

type View = NonNullable<ChannelInput<'customers.export'>['view']>;

/** Export of the grid exactly as the user sees it: the same filter, sort and columns. */
describe('customers.export', () => {
  let env: TestEnv;
  let clerk: TestUser;

  const view: View = {
    filterModel: {
      abcClass: { filterType: 'set', values: ['B', 'C'] },
      strength: { filterType: 'number', type: 'greaterThanOrEqual', filter: 2 },
    },
    sortModel: [
      { colId: 'strength', sort: 'desc' },
      { colId: 'name', sort: 'asc' },
    ],
    quickSearch: '',
  };
  const columns: ChannelInput<'customers.export'>['columns'] = [
    'code',
    'name',
    'abcClass',
    'region',
    'creditLimitFen',
    'isKey',
    'address',
    'registeredOn',
  ];
  /** The zh-CN column headers, from the same catalog the grid uses. */
  const headers = columns.map((c) => (zh.customers.fields as Record<string, string>)[c]!);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    const staffId = await env.createStaff();
    const make = (code: string, values: Parameters<typeof customerValues>[1]) =>
      createCustomer(env, clerk.caller, customerValues(staffId, { code, ...values }));
    await make('E01', {
      name: '杭州华东商贸有限公司',
      abcClass: 'B',
      strength: 4,
      region: 'east',
      creditLimitFen: 1_234_567,
      address: '杭州市西湖区, 文三路 1 号',
      isKey: true,
    });
    await make('E02', {
      name: '宁波"北仑"港务',
      abcClass: 'C',
      strength: 4,
      region: 'west',
      address: '宁波市\n北仑区',
    });
    await make('E03', { name: '温州五金', abcClass: 'B', strength: 2 });
    await make('E04', { name: '甲类客户', abcClass: 'A', strength: 5 });
    await make('E05', { name: '实力一般', abcClass: 'C', strength: 1 });
    await make('E06', { name: '嘉兴商行', abcClass: 'C', strength: 3, creditLimitFen: 0 });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  async function expectedCodes(): Promise<string[]> {
    const page = await env.call(clerk.caller, 'customers.query', allRowsQuery(view));
    return page.rows.map((r) => r.code);
  }

  it('writes an .xlsx register: title, headers, rows in the grid order, frozen header, A4 landscape', async () => {
    const file = await env.call(clerk.caller, 'customers.export', { view, columns, format: 'xlsx' });
    const codes = await expectedCodes();
    // strength desc, then name in pinyin order (杭州 hang before 宁波 ning; by code point 宁 would come first), then id.
    expect(codes).toEqual(['E01', 'E02', 'E06', 'E03']);
    expect(file.rows).toBe(4);
    expect(file.fileName).toMatch(/^客户档案台账_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);

    const found = env.backend.exportedFile(clerk.caller, file.fileId)!;
    expect(found.fileName).toBe(file.fileName);
    const book = await readWorkbook(found.path);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('客户档案台账');
    expect(sheet.getCell('A1').value).toBe('客户档案台账');
    expect(String(sheet.getCell('A2').value)).toContain('陈静');

    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(headers);
    expect(header.slice(0, 4)).toEqual(['客户编号', '客户名称', '客户等级', '区域']);
    for (const h of header) expect(h).toMatch(/^[\u4e00-\u9fff（）]+$/);

    const data: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) data.push((row.values as unknown[]).slice(1));
    });
    expect(data.map((r) => r[0])).toEqual(codes);
    // Codes and flags read as the office reads them; money in yuan with two decimals.
    expect(data[0]).toEqual([
      'E01',
      '杭州华东商贸有限公司',
      'B 类',
      '城东片区',
      12345.67,
      '是',
      '杭州市西湖区, 文三路 1 号',
      '2026-01-15',
    ]);
    expect(data[1]!.slice(0, 6)).toEqual(['E02', '宁波"北仑"港务', 'C 类', '城西片区', undefined, '否']);
    expect(data[2]![4]).toBe(0);
    expect(sheet.getCell('E4').numFmt).toBe('#,##0.00');

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
    });
  });

  it('writes a .csv with a UTF-8 BOM, CRLF line ends, quoted fields and the same rows', async () => {
    const file = await env.call(clerk.caller, 'customers.export', { view, columns, format: 'csv' });
    expect(file.fileName).toMatch(/\.csv$/);
    const bytes = await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\r');

    expect(text.startsWith(`${headers.join(',')}\r\n`)).toBe(true);
    expect(text).toContain(
      'E01,杭州华东商贸有限公司,B 类,城东片区,12345.67,是,"杭州市西湖区, 文三路 1 号",2026-01-15\r\n',
    );
    expect(text).toContain('E02,"宁波""北仑""港务",C 类,城西片区,,否,"宁波市\n北仑区",2026-01-15\r\n');
    // Records in the grid's order.
    const records = text.split('\r\n').slice(1, -1);
    expect(records.map((r) => r.split(',')[0])).toEqual(await expectedCodes());
  });

  it('exports the quick-searched view, and an empty view as headers only', async () => {
    const searched = await env.call(clerk.caller, 'customers.export', {
      view: { quickSearch: '华东商贸' },
      columns: ['code'],
      format: 'csv',
    });
    expect(searched.rows).toBe(1);
    const none = await env.call(clerk.caller, 'customers.export', {
      view: { filterModel: { abcClass: { filterType: 'set', values: [] } } },
      columns: ['code', 'name'],
      format: 'xlsx',
    });
    expect(none.rows).toBe(0);
    const book = await readWorkbook(env.backend.exportedFile(clerk.caller, none.fileId)!.path);
    expect((book.worksheets[0]!.getRow(3).values as unknown[]).slice(1)).toEqual(['客户编号', '客户名称']);
    expect(book.worksheets[0]!.rowCount).toBe(3);
  });

  it('writes English headers when asked for en-US', async () => {
    const file = await env.call(clerk.caller, 'customers.export', {
      view,
      columns: ['code', 'name'],
      format: 'csv',
      locale: 'en-US',
    });
    const text = (await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path))
      .subarray(3)
      .toString('utf8');
    expect(text.split('\r\n')[0]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('records each export in the audit log with its filter', async () => {
    const rows = await env.backend.store.reader.all<{
      action: string;
      entity: string;
      user_name: string;
      summary: string;
    }>(
      `SELECT action, entity, user_name, summary FROM audit_log WHERE channel = 'customers.export' ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatchObject({ action: 'export', entity: 'customers', user_name: clerk.username });
    expect(JSON.parse(rows[0]!.summary)).toMatchObject({
      format: 'xlsx',
      rows: 4,
      filter: { abcClass: { values: ['B', 'C'] } },
    });
  });

  it('refuses columns outside the whitelist and unknown formats', async () => {
    expect(
      (
        await env.fail(clerk.caller, 'customers.export', {
          view: {},
          columns: ['password_hash'],
          format: 'csv',
        })
      ).code,
    ).toBe('VALIDATION');
    expect(
      (await env.fail(clerk.caller, 'customers.export', { view: {}, columns: ['code'], format: 'pdf' })).code,
    ).toBe('VALIDATION');
    expect(
      (await env.fail(clerk.caller, 'customers.export', { view: {}, columns: [], format: 'csv' })).code,
    ).toBe('VALIDATION');
  });
});
