/**
 * Screenshots of 客户意见与投诉 (docs/screenshots/complaints-*.png) from the browser host with the demo office, in
 * zh-CN, as the clerk with 项目专职 (neiqin) and the admin see them; the printed 客户投诉记录单 rendered from its
 * PDF. Build the renderer first:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/complaints.ts'
 */
import { chromium, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHost } from '../e2e/support/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { sheetShot } from './pdfShot';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string, target?: Locator) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  const path = resolve(OUT, `${name}.png`);
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path });
  console.log(`docs/screenshots/${name}.png`);
}

async function login(page: Page, username: string, password = 'Demo2026') {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByTestId('dashboard').waitFor();
}

async function logout(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.getByLabel('用户名').waitFor();
}

const menu = (page: Page, label: string) =>
  page
    .getByTestId('nav')
    .getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) })
    .click();
const grid = (page: Page) => page.getByTestId('complaint-grid');
const firstRow = (page: Page) =>
  grid(page).locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)').first();

async function pickStatus(page: Page, label: string) {
  await page.getByTestId('filter-status').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
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

async function main() {
  await mkdir(OUT, { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('李建国');
    await page.getByLabel('密码', { exact: true }).fill('Admin2026');
    await page.getByLabel('确认密码').fill('Admin2026');
    await page.getByText('同时载入演示数据').click();
    await page.getByRole('button', { name: /创建管理员/ }).click();
    await page.getByTestId('dashboard').waitFor({ timeout: 180_000 });

    // The admin's setting: due days per type.
    await menu(page, '参数与数据检查');
    await page.getByTestId('complaint-due-days').getByTestId('due-days-complaint').waitFor();
    await page.waitForTimeout(400);
    await shot(page, 'complaints-settings', page.getByTestId('complaint-due-days'));
    await logout(page);

    await login(page, 'neiqin');
    await page.getByTestId('today-complaints.overdue').waitFor();
    await shot(page, 'complaints-dashboard');

    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await shot(page, 'complaints-register');
    await page.getByTestId('filter-due').getByText('已逾期', { exact: true }).click();
    await page.waitForTimeout(800);
    await shot(page, 'complaints-overdue');
    await page.getByTestId('filter-due').getByText('全部', { exact: true }).click();

    // A new complaint, filled in.
    await page.getByTestId('new-complaint').click();
    const form = page.getByTestId('complaint-form');
    await form.waitFor();
    await form.getByLabel('客户', { exact: true }).click();
    await form.getByLabel('客户', { exact: true }).fill('KH000030');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'KH000030' })
      .click();
    await form
      .locator('.ant-radio-button-wrapper')
      .filter({ hasText: /^投诉$/ })
      .click();
    await form.getByLabel('受理人').click();
    await form.getByLabel('受理人').fill('KM002');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'KM002' })
      .click();
    await form
      .getByLabel('意见或投诉内容')
      .fill('本周到货的 30 箱矿泉水中有 4 箱外包装破损，要求退换并说明原因。');
    await shot(page, 'complaints-new');
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
    await shot(page, 'complaints-verify');
    await page.getByTestId('save-step').click();
    await verify.waitFor({ state: 'detached' });

    // An overdue one, in handling.
    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await page.getByTestId('filter-due').getByText('已逾期', { exact: true }).click();
    await page.waitForTimeout(800);
    await firstRow(page).locator('[col-id="number"]').dblclick();
    await page.getByTestId('complaint-overdue').waitFor();
    await shot(page, 'complaints-detail-overdue');

    // A resolved one: closing without feedback is refused; the feedback dialog.
    await openWithStatus(page, '已处理');
    await page.getByTestId('close-complaint').click();
    await page.getByTestId('confirm-close').click();
    await page.getByTestId('complaint-refusal').waitFor();
    await shot(page, 'complaints-close-refused');
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
    await shot(page, 'complaints-feedback');
    await page.keyboard.press('Escape');

    // A closed one, with its whole timeline, and its printed record.
    await openWithStatus(page, '已结案');
    await shot(page, 'complaints-detail');
    await sheetShot(page, 'complaint', 'complaints-print');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

    await menu(page, '客户投诉');
    await page.getByTestId('complaint-views').getByText('顾客满意台账').click();
    await page.getByTestId('satisfaction-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'complaints-satisfaction');
    await page.getByTestId('complaint-views').getByText('投诉统计').click();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot(page, 'complaints-statistics');

    // The customer's 投诉 tab.
    await menu(page, '客户投诉');
    await firstRow(page).waitFor();
    await firstRow(page).locator('[col-id="number"]').dblclick();
    await page.getByTestId('complaint-intake').getByRole('link').click();
    await page.getByRole('tab', { name: '投诉' }).click();
    await page.getByTestId('customer-complaint-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'complaints-customer-tab');
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
