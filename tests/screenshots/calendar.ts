/**
 * Screenshots of the working-day calendar (系统设置 › 工作日历) with the demo office, zh-CN, as the admin:
 * docs/screenshots/calendar-*.png. The renderer must be built first (`npx electron-vite build`).
 */
import { chromium, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHost } from '../e2e/support/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('calendar-import-open').click();
  await page
    .getByTestId('calendar-import-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('calendar-import-summary').waitFor();
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('李建国');
    await page.getByLabel('密码', { exact: true }).fill('Admin2026');
    await page.getByLabel('确认密码').fill('Admin2026');
    await page.getByText('同时载入演示数据').click();
    await page.getByRole('button', { name: /创建管理员/ }).click();
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 });

    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByTestId('calendar-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'calendar');

    await page.getByTestId('calendar-add').click();
    const dialog = page.getByRole('dialog', { name: '新增日期' });
    await dialog.getByLabel('日期').fill('2027-01-01');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('名称').fill('元旦');
    await shot(page, 'calendar-form');
    // A Saturday forced to 法定节假日: the backend's refusal under the field.
    await dialog.getByLabel('日期').fill('2027-01-02');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '法定节假日' })
      .click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('是周末').waitFor();
    await shot(page, 'calendar-form-error');
    await dialog.getByRole('button', { name: /取\s?消/ }).click();

    const bad = [
      '日期,类型,名称',
      '2027-01-01,法定节假日,元旦',
      '2027-02-30,法定节假日,春节',
      '2027-02-08,放半天,春节',
      '2027-01-01,法定节假日,元旦',
      '2027-02-06,法定节假日,春节',
      '2026-10-01,法定节假日,国庆',
    ];
    await importFile(page, '2027年节假日（草稿）.csv', Buffer.from(bad.join('\r\n'), 'utf8'));
    await shot(page, 'calendar-import-problems');
    await page
      .getByRole('dialog', { name: '导入工作日历' })
      .getByRole('button', { name: /取\s?消/ })
      .click();

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2027');
    sheet.addRow(['日期', '类型', '名称']);
    for (const [date, kind, name] of [
      ['2027-01-01', '法定节假日', '元旦'],
      ['2027-02-05', '法定节假日', '春节'],
      ['2027-02-08', '法定节假日', '春节'],
      ['2027-02-09', '法定节假日', '春节'],
      ['2027-02-10', '法定节假日', '春节'],
      ['2027-02-11', '法定节假日', '春节'],
      ['2027-02-20', '调休上班', '春节调休上班'],
      ['2027-04-05', '法定节假日', '清明节'],
    ] as const) {
      sheet.addRow([date, kind, name]);
    }
    await importFile(page, '2027年节假日.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    await shot(page, 'calendar-import-ready');
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
