import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { navigate, pickOption, rowCount, signInAdmin, typeDate } from './support/app';
import { Grid } from './support/grid';

/** calendar.md — the admin keeps the working-day calendar: add, edit, import; the December reminder. */
test.use({ setup: 'admin' });
test.describe.configure({ mode: 'serial' });

const calendarGrid = (page: Page) => new Grid(page, 'calendar-grid', 'calendar.query');

/** The machine's clock is the host's: the reminder shows only from December on, and only this can be checked. */
const december = new Date().getMonth() === 11;
const nextYear = new Date().getFullYear() + 1;

async function openCalendar(page: Page): Promise<Grid> {
  await navigate(page, '工作日历');
  await expect(page.getByRole('heading', { name: '工作日历' })).toBeVisible();
  const grid = calendarGrid(page);
  await grid.loaded();
  return grid;
}

/** Picks an option of a plain (non-search) antd Select. */
async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await pickOption(page, select, label);
}

const rowOf = (grid: Grid, date: string) =>
  grid.rows().filter({ has: grid.page.locator('[col-id="date"]', { hasText: new RegExp(`^${date}$`) }) });

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<Locator> {
  await page.getByTestId('calendar-import-open').click();
  const dialog = page.getByRole('dialog', { name: '导入工作日历' });
  await expect(dialog).toBeVisible();
  await dialog
    .getByTestId('calendar-import-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(dialog.getByTestId('calendar-import-summary')).toBeVisible();
  return dialog;
}

test("the dashboard and the calendar page say whether next year's holidays are missing (December only)", async ({
  page,
  host,
}) => {
  await signInAdmin(page, host);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const todayLine = page.getByTestId('today-calendar.nextYearMissing');
  if (december) await expect(todayLine).toHaveText(`${nextYear} 年的工作日历（节假日、调休）尚未登记`);
  else await expect(todayLine).toHaveCount(0);

  await openCalendar(page);
  const warning = page.getByTestId('calendar-next-year-missing');
  if (december) await expect(warning).toContainText(`${nextYear} 年的节假日尚未登记`);
  else {
    await expect(warning).toHaveCount(0);
    // A fresh office has no list for this year either: the page says deadlines only skip weekends.
    await expect(page.getByTestId('calendar-current-year-missing')).toContainText('尚未登记节假日');
  }
});

test('the admin adds a holiday, edits it and sees it in the grid; a weekend day as a holiday is refused', async ({
  page,
  host,
}) => {
  await signInAdmin(page, host);
  const grid = await openCalendar(page);
  expect(await rowCount(page)).toBe(0);

  await page.getByTestId('calendar-add').click();
  const dialog = page.getByRole('dialog', { name: '新增日期' });
  await typeDate(dialog.getByLabel('日期'), '2027-10-01');
  await expect(dialog.getByTestId('calendar-day-weekday')).toHaveText('星期五');
  // Picking a Friday chose the only meaningful kind.
  await expect(dialog.getByTestId('calendar-day-form').locator('.ant-select')).toContainText('法定节假日');
  await dialog.getByLabel('名称').fill('国庆');
  await grid.reloaded(() => dialog.getByRole('button', { name: /保\s?存/ }).click());
  await expect(dialog).toBeHidden();

  const row = rowOf(grid, '2027-10-01');
  await expect(row.locator('[col-id="weekday"]')).toHaveText('星期五');
  await expect(row.locator('[col-id="kind"]')).toHaveText('法定节假日');
  await expect(row.locator('[col-id="name"]')).toHaveText('国庆');
  await expect(row.locator('[col-id="updatedBy"]')).toHaveText('系统管理员');

  await row.getByRole('button', { name: /修\s?改/ }).click();
  const edit = page.getByRole('dialog', { name: '修改 2027-10-01 的登记' });
  await edit.getByLabel('名称').fill('国庆节');
  await grid.reloaded(() => edit.getByRole('button', { name: /保\s?存/ }).click());
  await expect(edit).toBeHidden();
  await expect(rowOf(grid, '2027-10-01').locator('[col-id="name"]')).toHaveText('国庆节');

  // A Saturday forced to 法定节假日 is refused with the reason, under the field.
  await page.getByTestId('calendar-add').click();
  const weekend = page.getByRole('dialog', { name: '新增日期' });
  await typeDate(weekend.getByLabel('日期'), '2027-10-02');
  const kind = weekend.getByTestId('calendar-day-form').locator('.ant-select');
  await expect(kind).toContainText('调休上班');
  await pick(page, kind, '法定节假日');
  await weekend.getByRole('button', { name: /保\s?存/ }).click();
  await expect(weekend.getByText('2027-10-02 是周末，本来就不上班，不必登记为法定节假日')).toBeVisible();
  await weekend.getByRole('button', { name: /取\s?消/ }).click();
  await expect(weekend).toBeHidden();
  expect(await rowCount(page)).toBe(1);

  // The year selector lists the year now listed.
  await page.getByTestId('calendar-year').click();
  await expect(
    page.locator('.ant-select-item-option').filter({ hasText: '2027 年（1 天节假日，0 天调休上班）' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
});

test('a .csv with bad lines lists every problem and imports nothing', async ({ page, host }) => {
  await signInAdmin(page, host);
  const grid = await openCalendar(page);
  const before = await rowCount(page);

  const csv = [
    '日期,类型,名称',
    '2027-10-04,法定节假日,国庆节',
    '2027-02-30,法定节假日,春节',
    '2027-10-05,放半天,国庆节',
    '2027-10-01,法定节假日,国庆',
  ].join('\r\n');
  const dialog = await chooseFile(page, '2027年节假日.csv', Buffer.from(csv, 'utf8'));
  await expect(dialog.getByTestId('calendar-import-summary')).toContainText(
    '共 4 行：新增 1 行，已登记 0 行，有问题 3 行',
  );
  await expect(dialog.getByTestId('calendar-import-summary')).toContainText('本次不会导入任何内容');
  await expect(dialog.getByText('日期“2027-02-30”无法识别')).toBeVisible();
  await expect(dialog.getByText('类型“放半天”无法识别')).toBeVisible();
  await expect(dialog.getByText('日历中此日期已登记为“法定节假日 国庆节”')).toBeVisible();
  await expect(dialog.getByTestId('calendar-import-confirm')).toBeDisabled();
  await dialog.getByRole('button', { name: /取\s?消/ }).click();
  await expect(dialog).toBeHidden();

  await grid.reloaded(() => page.reload());
  expect(await rowCount(page)).toBe(before);
  await expect(rowOf(grid, '2027-10-04')).toHaveCount(0);
});

test('a good .xlsx is imported whole and its entries appear', async ({ page, host }) => {
  await signInAdmin(page, host);
  const grid = await openCalendar(page);
  const before = await rowCount(page);

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2027');
  sheet.addRow(['日期', '类型', '名称']);
  sheet.addRow([new Date(Date.UTC(2027, 0, 1)), '法定节假日', '元旦']);
  sheet.addRow(['2027/2/20', '调休上班', '春节调休上班']);
  sheet.addRow(['2027-10-04', '休', '国庆节']);
  sheet.addRow(['2027-10-01', '法定节假日', '国庆节']); // already listed exactly so: skipped
  const dialog = await chooseFile(page, '2027年节假日.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(dialog.getByTestId('calendar-import-summary')).toContainText(
    '共 4 行：新增 3 行，已登记 1 行，有问题 0 行',
  );
  await expect(dialog.getByTestId('calendar-import-summary')).toContainText('检查通过：将新增 3 个日期');

  await grid.reloaded(() => dialog.getByTestId('calendar-import-confirm').click());
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入 3 个日期')).toBeVisible();
  expect(await rowCount(page)).toBe(before + 3);
  await expect(rowOf(grid, '2027-01-01').locator('[col-id="name"]')).toHaveText('元旦');
  await expect(rowOf(grid, '2027-02-20').locator('[col-id="kind"]')).toHaveText('调休上班');
  await expect(rowOf(grid, '2027-02-20').locator('[col-id="weekday"]')).toHaveText('星期六');
  await expect(rowOf(grid, '2027-10-04').locator('[col-id="kind"]')).toHaveText('法定节假日');

  // The same file again adds nothing: the import button stays off.
  const again = await chooseFile(page, '2027年节假日.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(again.getByTestId('calendar-import-summary')).toContainText('文件中的日期都已登记');
  await expect(again.getByTestId('calendar-import-confirm')).toBeDisabled();
  await again.getByRole('button', { name: /取\s?消/ }).click();

  // Next year now has a list: no reminder, whatever the month.
  if (nextYear === 2027) await expect(page.getByTestId('calendar-next-year-missing')).toHaveCount(0);
});

test('the admin deletes an entry after confirming', async ({ page, host }) => {
  await signInAdmin(page, host);
  const grid = await openCalendar(page);
  const before = await rowCount(page);
  await rowOf(grid, '2027-10-04')
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByText('删除 2027-10-04（国庆节）的登记？')).toBeVisible();
  await grid.reloaded(() =>
    page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s?除/ })
      .click(),
  );
  await expect(rowOf(grid, '2027-10-04')).toHaveCount(0);
  expect(await rowCount(page)).toBe(before - 1);
});
