/**
 * Screenshots of the working-day calendar (系统设置 › 工作日历) with the demo office, zh-CN, as the admin:
 * docs/screenshots/calendar-*.png. The renderer must be built first (`npx electron-vite build`).
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { createDemoOffice, openOptions, runScreenshots, shooter } from './session';

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('calendar-import-open').click();
  await page
    .getByTestId('calendar-import-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByTestId('calendar-import-summary').waitFor();
}

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page);
    await createDemoOffice(page);

    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.getByTestId('calendar-grid').locator('.ag-row').first().waitFor();
    await shot('calendar');

    await page.getByTestId('calendar-add').click();
    const dialog = page.getByRole('dialog', { name: '新增日期' });
    await dialog.getByLabel('日期').fill('2027-01-01');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.getByLabel('名称').fill('元旦');
    await shot('calendar-form');
    // A Saturday forced to 法定节假日: the backend's refusal under the field.
    await dialog.getByLabel('日期').fill('2027-01-02');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.locator('.ant-select').click();
    await openOptions(page)
      .filter({ hasText: '法定节假日' })
      .click();
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('是周末').waitFor();
    await shot('calendar-form-error');
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
    await shot('calendar-import-problems');
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
    await shot('calendar-import-ready');
  },
);
