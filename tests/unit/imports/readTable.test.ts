import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTable, type RawRow } from '../../../electron/backend/imports/readTable';
import { openRegister } from '../../../electron/backend/imports/runRows';
import { tempDir } from '../helpers/env';
import { csvText, refusal, rowsOf, xlsxBytes } from '../helpers/imports';

/** The spreadsheet reader: what a clerk's files look like on disk, and the per-file refusals. */
describe('reading an uploaded spreadsheet', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let n = 0;
  beforeAll(async () => ({ dir, remove } = await tempDir('neiqin-read-')));
  afterAll(() => remove());

  async function file(name: string, bytes: Uint8Array | string): Promise<string> {
    const path = join(dir, `${++n}-${name}`);
    await writeFile(path, bytes);
    return path;
  }

  const ROWS = [
    ['客户编号', '客户名称', '客户等级'],
    ['KH-001', '杭州华东商贸有限公司', 'A'],
    ['KH-002', '宁波“海天”超市, 连锁', 'B'],
  ];

  it('reads a UTF-8 .csv without a BOM', async () => {
    const table = await openTable(await file('a.csv', csvText(ROWS)), '客户.csv');
    expect(table).toMatchObject({ kind: 'csv', encoding: 'utf-8' });
    const rows = await rowsOf(table);
    expect(rows.map((r) => r.cells)).toEqual(ROWS);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(table.bytesRead()).toBe(table.size);
  });

  it('reads a UTF-8 .csv with a BOM (what our exports and Excel\'s "CSV UTF-8" write) without a stray character', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(ROWS), 'utf8')]);
    const rows = await rowsOf(await openTable(await file('bom.csv', bytes), 'bom.csv'));
    expect(rows[0]!.cells[0]).toBe('客户编号');
    expect(rows.map((r) => r.cells)).toEqual(ROWS);
  });

  it('reads a .csv saved in GB18030 (GBK) by Excel on a Chinese Windows', async () => {
    // GBK bytes of the header 客户编号,客户名称,客户等级 and one row, as Excel's plain "CSV (逗号分隔)" writes them.
    const gbk = Buffer.from(
      'bfcdbba7b1e0bac52cbfcdbba7c3fbb3c62cbfcdbba7b5c8bcb60d0a4b482d3030312cbabcd6ddbbaab6abc9ccc3b3d3d0cfdeb9abcbbe2c410d0a',
      'hex',
    );
    const table = await openTable(await file('gbk.csv', gbk), 'gbk.csv');
    expect(table.encoding).toBe('gb18030');
    expect((await rowsOf(table)).map((r) => r.cells)).toEqual([ROWS[0], ['KH-001', '杭州华东商贸有限公司', 'A']]);
  });

  it('keeps a typed "=…" in a .csv as a formula, and quoted commas and quotes as text', async () => {
    const rows = await rowsOf(await openTable(await file('f.csv', csvText([...ROWS, ['KH-003', '=A1&"公司"', 'C']])), 'f.csv'));
    expect(rows[2]!.cells[1]).toBe('宁波“海天”超市, 连锁');
    expect(rows[3]!.cells[1]).toEqual({ formula: '=A1&"公司"' });
  });

  it('reads an .xlsx: real Excel dates as dates, numbers as numbers, formulas as formulas; blank rows skipped', async () => {
    const bytes = await xlsxBytes([
      ['客户编号', '客户名称', '登记日期', '授信额度', '电话'],
      ['KH-001', '杭州华东商贸有限公司', new Date(Date.UTC(2026, 10, 25)), 50000.5, 13812345678],
      [null, null, null, null, null],
      ['KH-002', { formula: 'B2&"分公司"', result: '杭州华东商贸有限公司分公司' }, '2026/11/25', null, '0571-87654321'],
    ]);
    const table = await openTable(await file('a.xlsx', bytes), '客户.xlsx');
    expect(table.kind).toBe('xlsx');
    const rows = await rowsOf(table);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells).toEqual(['KH-001', '杭州华东商贸有限公司', new Date('2026-11-25T00:00:00.000Z'), 50000.5, 13812345678]);
    expect(rows[2]!.cells[1]).toEqual({ formula: '=B2&"分公司"' });
    expect(rows[2]!.cells[2]).toBe('2026/11/25');
    expect(table.sheetName).toBe('客户');
    expect(table.bytesRead()).toBe(table.size);
  });

  it('reads the first worksheet that has rows', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('封面');
    book.addWorksheet('台账').addRows(ROWS);
    const rows = await rowsOf(await openTable(await file('two.xlsx', Buffer.from(await book.xlsx.writeBuffer())), 'two.xlsx'));
    expect(rows.map((r) => r.cells)).toEqual(ROWS);
  });

  it('finds the header under a title row, as our own exports have one', async () => {
    const bytes = await xlsxBytes(ROWS, { titleRows: ['客户档案台账', '生成时间：2026-11-25 10:00'] });
    const register = await openRegister(await openTable(await file('titled.xlsx', bytes), 't.xlsx'));
    expect(register.header).toEqual({ row: 3, headers: ROWS[0] });
    const data: RawRow[] = [];
    for await (const r of register.rows) data.push(r);
    expect(data.map((r) => r.row)).toEqual([4, 5]);
  });

  it('refuses a legacy .xls with how to convert it, by name and by its bytes', async () => {
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(openTable(await file('old.xls', ole2), '客户台账.xls'))).toEqual({ key: 'imports.errors.xls', params: undefined });
    // Renamed to .xlsx, it is still an Excel 97–2003 file.
    expect((await refusal(openTable(await file('old.xlsx', ole2), '客户台账.xlsx'))).key).toBe('imports.errors.xls');
  });

  it('refuses an empty file, a damaged .xlsx and other kinds of file', async () => {
    expect((await refusal(openTable(await file('empty.csv', ''), 'empty.csv'))).key).toBe('imports.errors.empty');
    expect((await refusal(openTable(await file('bad.xlsx', 'not a zip'), 'bad.xlsx'))).key).toBe('imports.errors.unreadable');
    const zipButNotXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    const damaged = await openTable(await file('damaged.xlsx', zipButNotXlsx), 'damaged.xlsx');
    expect((await refusal(rowsOf(damaged))).key).toBe('imports.errors.unreadable');
    expect(await refusal(openTable(await file('a.pdf', '%PDF-1.4'), '客户.pdf'))).toEqual({ key: 'imports.errors.unsupported', params: { ext: '.pdf' } });
  });

  it('refuses a file with wrong headers (no known column in the first rows) naming what it found', async () => {
    const bytes = await xlsxBytes([
      ['序号', '单位', '金额'],
      [1, '某单位', 100],
    ]);
    expect(await refusal(openRegister(await openTable(await file('wrong.xlsx', bytes), 'wrong.xlsx')))).toEqual({
      key: 'imports.errors.noHeader',
      params: { found: '序号、单位、金额' },
    });
  });

  it('refuses a .csv with only blank lines as empty', async () => {
    expect((await refusal(openRegister(await openTable(await file('blank.csv', '\r\n,,\r\n'), 'blank.csv')))).key).toBe('imports.errors.empty');
  });
});
