/**
 * Screenshots of 客户导入 and 导入记录 with the demo office, zh-CN, as the clerk 陈静 (neiqin, 项目专职):
 * docs/screenshots/import-*.png. The renderer must be built first (`npx electron-vite build`).
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { createDemoOffice, runScreenshots, shooter } from './session';
import { generateCustomer } from '../../electron/backend/demo/generate';
import { Random } from '../../electron/backend/demo/random';

const HEADERS = ['序号', '客户编码', '单位名称', 'ABC分类', '片区', '业态', '业务员', '建档日期', '地址', '联系电话', '联系人', '职务', '手机', '授信额度（元）'];
const REGION: Record<string, string> = { east: '城东片区', west: '城西片区', south: '城南片区', north: '城北片区', county: '县域片区' };
const FORMAT: Record<string, string> = { supermarket: '商超', convenience: '便利店', wholesale: '批发', specialty: '专卖店', catering: '餐饮', online: '电商', manufacturing: '生产制造' };

/** A register as an office keeps it in Excel: its own header names, labels, real dates. */
async function register(rows: number, from: number, damage?: (row: unknown[], i: number) => void): Promise<Buffer> {
  const r = new Random(from);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户登记');
  sheet.addRow(HEADERS);
  for (let i = 0; i < rows; i++) {
    const { values: v, contacts } = generateCustomer(r, from + i, [1], '2026-11-25');
    const c = contacts[0]!;
    const row: unknown[] = [
      i + 1,
      `XZ${String(from + i).padStart(5, '0')}`,
      v.name,
      v.abcClass === 'A' ? 'B' : v.abcClass,
      REGION[v.region ?? 'east'],
      FORMAT[v.businessFormat ?? 'wholesale'],
      `KM${String((i % 20) + 1).padStart(3, '0')}`,
      new Date(`${v.registeredOn}T00:00:00Z`),
      v.address,
      v.phone,
      c.name,
      c.title,
      c.mobile,
      (v.creditLimitFen ?? 0) / 100,
    ];
    damage?.(row, i);
    const added = sheet.addRow(row);
    added.getCell(8).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function choose(page: Page, name: string, buffer: Buffer) {
  await page.locator('.ant-upload input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('import-mapping').waitFor();
}

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page);
    await createDemoOffice(page);
    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByLabel('用户名').fill('neiqin');
    await page.getByLabel('密码').fill('Demo2026');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('user-menu').waitFor();
    await page.mouse.move(700, 500);

    await page.getByRole('menuitem', { name: '客户导入' }).click();
    await page.locator('.ant-upload-drag').waitFor();
    await shot('import-choose');

    // A register with a few problems: the mapping step, then the problems row by row.
    await choose(
      page,
      '新客户登记表（11月）.xlsx',
      await register(240, 30001, (row, i) => {
        if (i === 17) row[7] = '2026-02-30';
        if (i === 42) row[1] = 'XZ30001';
        if (i === 88) row[2] = { formula: 'CONCATENATE("杭州","华联超市")', result: '杭州华联超市' };
        if (i === 131) row[9] = '8765432';
        if (i === 202) row[6] = '张晓东';
      }),
    );
    await shot('import-mapping');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-problems').locator('.ag-row').first().waitFor();
    await shot('import-problems');

    // A clean register, large enough to see the progress bar.
    await page.getByTestId('import-restart').click();
    await choose(page, '县域片区客户汇总（整理后）.xlsx', await register(12_000, 40001));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-commit').waitFor({ timeout: 60_000 });
    await shot('import-preview');
    await page.getByTestId('import-commit').click();
    await page.getByText(/正在导入，已处理 [1-9]/).waitFor({ timeout: 60_000 });
    await shot('import-progress');
    await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
    await shot('import-done');

    await page.getByRole('menuitem', { name: '导入记录' }).click();
    await page.getByTestId('import-log-grid').locator('.ag-row').first().waitFor();
    await shot('import-log');
  },
  { acceptDownloads: true },
);
