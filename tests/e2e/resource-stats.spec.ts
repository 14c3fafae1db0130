import ExcelJS from 'exceljs';
import { test, expect } from './support/fixtures';
import { navigate, signInDemo } from './support/app';
import { exportAs } from './support/exports';

test.use({ setup: 'demo' });

/**
 * 客户资源统计表 (issue 3 item 10): the counts on screen match the dashboard's, per dimension; the register
 * exports with its title and a grand total; a user without 项目专职 gets figures without A-class customers.
 */
test('resource statistics: by manager and region on screen, exported as a register', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  const total = Number((await page.getByTestId('stat-total').locator('.ant-statistic-content-value').textContent())!.replace(/,/g, ''));
  await navigate(page, '客户资源统计');
  const stats = page.getByTestId('resource-stats');
  await expect(stats.getByText(new RegExp(`全部在册客户 ${total}（`))).toBeVisible();
  const byStaff = page.getByTestId('stats-staff');
  await expect(byStaff.locator('.ag-row').first()).toBeVisible();
  // The pinned total line repeats the grand total.
  await expect(byStaff.locator('.ag-row', { hasText: '全部在册客户' })).toContainText(String(total));
  await page.getByRole('tab', { name: '按区域' }).click();
  await expect(page.getByTestId('stats-region').locator('.ag-row').first()).toBeVisible();

  const { bytes, fileName } = await exportAs(page, '导出为 Excel (.xlsx)');
  expect(fileName).toMatch(/^客户资源统计表_.+\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('客户资源统计表');
  expect(sheet.getCell('A3').value).toBe('统计维度');
  const last = sheet.getRow(sheet.rowCount);
  expect(last.getCell(1).value).toBe('总计');
  expect(last.getCell(6).value).toBe(total);
});

test('without 项目专职 the statistics leave A-class customers out', async ({ page, host }) => {
  await signInDemo(page, host, 'wangli');
  await navigate(page, '客户资源统计');
  await expect(page.getByTestId('resource-stats').getByText(/（A 0 \/ B \d+ \/ C \d+）/)).toBeVisible();
});
