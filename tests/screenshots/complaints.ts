/**
 * Screenshots of 客户意见与投诉 (docs/screenshots/complaints-*.png) from the browser host with the demo office, in
 * zh-CN, as the clerk with 项目专职 (neiqin) and the admin see them; the printed 客户投诉记录单 rendered from its
 * PDF. Build the renderer first:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/complaints.ts'
 */
import type { Page } from '@playwright/test';
import { createDemoOffice, login, logout, menu, openOptions, runScreenshots, shooter } from './session';
import { sheetShot } from './pdfShot';

const grid = (page: Page) => page.getByTestId('complaint-grid');
const firstRow = (page: Page) =>
  grid(page).locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)').first();

async function pickStatus(page: Page, label: string) {
  await page.getByTestId('filter-status').click();
  await openOptions(page)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(600);
}

/** Opens the first register row with this status. */
async function openWithStatus(page: Page, label: string) {
  await menu(page, '客户投诉');
  await firstRow(page).waitFor();
  await pickStatus(page, label);
  await firstRow(page).locator('[col-id="number"]').dblclick();
  await page.getByTestId('complaint-number').waitFor();
}

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { mouseAway: true, settleMs: 500 });
    await createDemoOffice(page);

    // The admin's setting: due days per type.
    await menu(page, '参数与数据检查');
    await page.getByTestId('complaint-due-days').getByTestId('due-days-complaint').waitFor();
    await page.waitForTimeout(400);
    await shot('complaints-settings', page.getByTestId('complaint-due-days'));
    await logout(page);

    await login(page, 'neiqin');
    await page.getByTestId('today-complaints.overdue').waitFor();
    await shot('complaints-dashboard');

    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await shot('complaints-register');
    await page.getByTestId('filter-due').getByText('已逾期', { exact: true }).click();
    await page.waitForTimeout(800);
    await shot('complaints-overdue');
    await page.getByTestId('filter-due').getByText('全部', { exact: true }).click();

    // A new complaint, filled in.
    await page.getByTestId('new-complaint').click();
    const form = page.getByTestId('complaint-form');
    await form.waitFor();
    await form.getByLabel('客户', { exact: true }).click();
    await form.getByLabel('客户', { exact: true }).fill('KH000030');
    await openOptions(page)
      .filter({ hasText: 'KH000030' })
      .click();
    await form
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^投诉$/ })
      .click();
    await form.getByLabel('受理人').click();
    await form.getByLabel('受理人').fill('KM002');
    await openOptions(page)
      .filter({ hasText: 'KM002' })
      .click();
    await form
      .getByLabel('意见或投诉内容')
      .fill('本周到货的 30 箱矿泉水中有 4 箱外包装破损，要求退换并说明原因。');
    await shot('complaints-new');
    await page.getByTestId('save-complaint').click();
    await page.getByTestId('complaint-number').waitFor();
    await page.getByTestId('step-verify-button').click();
    const verify = page.getByTestId('step-verify');
    await verify.getByLabel('核实情况').fill('经储运部核对，破损系装车时未加护角所致。');
    await verify
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^公司责任$/ })
      .click();
    await verify.getByLabel('责任部门').fill('储运部');
    await verify.getByLabel('责任人').fill('王建国');
    await shot('complaints-verify');
    await page.getByTestId('save-step').click();
    await verify.waitFor({ state: 'detached' });

    // An overdue one, in handling.
    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await page.getByTestId('filter-due').getByText('已逾期', { exact: true }).click();
    await page.waitForTimeout(800);
    await firstRow(page).locator('[col-id="number"]').dblclick();
    await page.getByTestId('complaint-overdue').waitFor();
    await shot('complaints-detail-overdue');

    // A resolved one: closing without feedback is refused; the feedback dialog.
    await openWithStatus(page, '已处理');
    await page.getByTestId('close-complaint').click();
    await page.getByTestId('confirm-close').click();
    await page.getByTestId('complaint-refusal').waitFor();
    await shot('complaints-close-refused');
    await page.getByTestId('step-recordFeedback-button').click();
    const feedback = page.getByTestId('step-recordFeedback');
    for (const [aspect, score] of [
      ['time', '4'],
      ['method', '5'],
      ['process', '4'],
      ['result', '5'],
    ]) {
      await feedback.getByTestId(`score-${aspect}`).getByText(score, { exact: true }).click();
    }
    await feedback.getByLabel('顾客意见').fill('处理及时，满意。');
    await shot('complaints-feedback');
    await page.keyboard.press('Escape');

    // A closed one, with its whole timeline, and its printed record.
    await openWithStatus(page, '已结案');
    await shot('complaints-detail');
    await sheetShot(page, 'complaint', 'complaints-print');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

    await menu(page, '客户投诉');
    await page.getByTestId('complaint-views').getByText('顾客满意台账').click();
    await page.getByTestId('satisfaction-grid').locator('.ag-row').first().waitFor();
    await shot('complaints-satisfaction');
    await page.getByTestId('complaint-views').getByText('投诉统计').click();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('complaints-statistics');

    // The customer's 投诉 tab.
    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await firstRow(page).locator('[col-id="number"]').dblclick();
    await page.getByTestId('complaint-intake').getByRole('link').click();
    await page.getByRole('tab', { name: '投诉' }).click();
    await page.getByTestId('customer-complaint-grid').locator('.ag-row').first().waitFor();
    await shot('complaints-customer-tab');
  },
  { acceptDownloads: true },
);
