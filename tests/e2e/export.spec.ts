import ExcelJS from 'exceljs';
import { test, expect } from './support/fixtures';
import { DEMO_USERS, logout, navigate, rowCount, signInAdmin, signInDemo } from './support/app';
import { customerGrid } from './support/grid';
import { openCustomerList } from './support/customers';
import { csvLines, exportAs } from './support/exports';

/** Issue spec 8 — exporting the grid exports exactly the filtered, sorted view, as .xlsx and as .csv. */
test.use({ setup: 'demo' });

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const text = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object' && 'richText' in v
      ? v.richText.map((r) => r.text).join('')
      : String(v);

test('the .xlsx and .csv exports hold exactly the filtered, sorted rows of the grid', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  const grid = customerGrid(page);

  // The view: B-class customers whose name contains 超市, sorted by 客户经理 descending.
  await grid.filterSet('abcClass', ['B 类']);
  await grid.filterText('name', '超市');
  await grid.sortBy('managerName', 'descending');
  const n = await rowCount(page);
  expect(n).toBeGreaterThan(100); // more than one page of the grid
  const shownHeaders = await grid.root
    .locator('.ag-header-row-column .ag-header-cell-text')
    .allTextContents();
  const firstShown = await grid.columnTexts('code');

  // ── .xlsx ──
  const xlsx = await exportAs(page, '导出为 Excel (.xlsx)');
  expect(xlsx.fileName).toMatch(/\.xlsx$/);
  await expect(page.getByText(new RegExp(`已导出 ${n} 行`))).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.name).toBe('客户档案台账');
  expect(text(sheet.getCell('A1').value)).toBe('客户档案台账');
  expect(text(sheet.getCell('A2').value)).toContain('生成时间');
  expect(text(sheet.getCell('A2').value)).toContain(DEMO_USERS.neiqin.displayName);

  const headers = (sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(text);
  // The visible columns, in the grid's order (the grid renders only the headers in view), and no hidden ones.
  expect(headers.slice(0, shownHeaders.length)).toEqual(shownHeaders);
  expect(headers).toEqual(expect.arrayContaining(['客户编号', '客户名称', '客户等级', '状态', '客户经理']));
  expect(headers).not.toContain('简称');
  expect(headers).not.toContain('电子邮箱');
  for (const h of headers) expect(h).toMatch(/[\u4e00-\u9fff]/);

  const col = (name: string) => headers.indexOf(name) + 1;
  const rows: Record<string, string>[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    rows.push(Object.fromEntries(headers.map((h) => [h, text(row.getCell(col(h)).value)])));
  }
  expect(rows).toHaveLength(n);
  expect(rows.filter((r) => !r['客户名称']!.includes('超市'))).toEqual([]);
  expect(rows.filter((r) => r['客户等级'] !== 'B 类')).toEqual([]);
  expect(rows.filter((r) => r['状态'] !== '在册')).toEqual([]);
  const managers = rows.map((r) => r['客户经理']!);
  expect(managers).toEqual([...managers].sort(byCodePoint).reverse());
  // The same rows as the grid, in the same order.
  expect(rows.slice(0, firstShown.length).map((r) => r['客户编号'])).toEqual(firstShown);
  expect(new Set(rows.map((r) => r['客户编号'])).size).toBe(n);

  // ── .csv ──
  const csv = await exportAs(page, '导出为 CSV');
  expect(csv.fileName).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads the Chinese
  const lines = csvLines(csv.bytes);
  expect(lines[0]!.split(',')).toEqual(headers);
  expect(lines).toHaveLength(n + 1);
  const csvCodes = lines.slice(1).map((l) => l.split(',')[col('客户编号') - 1]);
  expect(csvCodes).toEqual(rows.map((r) => r['客户编号']));
});

test('the admin switches .csv exports to GB18030 for older software: the next .csv has no BOM and reads as GBK', async ({ page, host }) => {
  await signInAdmin(page, host);
  await navigate(page, '参数与数据检查');
  const card = page.getByTestId('csv-settings');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('radio', { name: /^UTF-8/ })).toBeChecked();
  await card.getByRole('radio', { name: /^GB18030/ }).check();
  await card.getByTestId('save-csv-settings').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await logout(page);

  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  const csv = await exportAs(page, '导出为 CSV');
  expect([...csv.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(csv.bytes)).toThrow();
  const text = new TextDecoder('gb18030', { fatal: true }).decode(csv.bytes);
  expect(text.split('\r\n')[0]).toContain('客户编号,客户名称');
  expect(text.split('\r\n').length).toBeGreaterThan(100);
});
