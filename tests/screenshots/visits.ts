/**
 * Screenshots of the visits area (docs/screenshots/visits-*.png) from the browser host with the demo office, in
 * zh-CN, as the clerk with 项目专职 (neiqin) and the admin see it. Build the renderer first:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/visits.ts'
 */
import { chromium, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHost } from '../e2e/support/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(OUT, `visits-${name}.png`) });
  console.log(`docs/screenshots/visits-${name}.png`);
}

async function login(page: Page, username: string, password: string) {
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

const menu = (page: Page, label: string) => page.getByTestId('nav').getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) }).click();

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

    await menu(page, '参数与数据检查');
    await page.getByTestId('cadence-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('cadence-C-phoneDays').waitFor();
    await page.waitForTimeout(300);
    await page.getByTestId('cadence-settings').screenshot({ path: resolve(OUT, 'visits-cadence-settings.png') });
    console.log('docs/screenshots/visits-cadence-settings.png');
    await logout(page);

    await login(page, 'neiqin', 'Demo2026');
    await page.getByTestId('today-visits.overdueContacts').waitFor();
    await shot(page, 'dashboard');

    await menu(page, '客户拜访记录台账');
    await page.getByTestId('visit-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'register');

    await page.getByTestId('visit-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="customerName"]').dblclick();
    await page.getByTestId('visit-detail').waitFor();
    await shot(page, 'detail');
    await page.getByRole('button', { name: '关 闭' }).click();

    await menu(page, '月度拜访计划');
    await page.getByTestId('plan-summary').locator('.ag-row').first().waitFor();
    await page.getByTestId('plan-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'plans');

    await menu(page, '逾期未联系');
    await page.getByTestId('overdue-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'overdue');

    // A customer from the overdue list: its 拜访记录 tab, then the form for a new record.
    await page.getByTestId('overdue-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]').dblclick();
    await page.getByTestId('customer-name').waitFor();
    await page.getByRole('tab', { name: '拜访记录' }).click();
    await page.getByTestId('cadence-status').waitFor();
    await page.waitForTimeout(500);
    await shot(page, 'customer-tab');
    await page.getByTestId('new-visit').click();
    const form = page.getByTestId('visit-form');
    await form.waitFor();
    await form.getByLabel('接待人').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    await form.getByLabel('拜访目的').fill('季度走访，了解经营情况');
    await form.getByLabel('拜访内容').fill('与客户负责人面谈，了解门店近期客流和销售结构；客户提出旺季前需提前锁定货源。');
    await form.getByLabel('客户需求').fill('希望增加节日礼盒供应');
    await form.getByLabel('竞争对手情况').fill('恒通商贸近期在该片区降价约 3%');
    await shot(page, 'form');
    await page.keyboard.press('Escape');

    await menu(page, '客户等级分布');
    await page.getByTestId('class-report').locator('.recharts-bar-rectangle').first().waitFor();
    await shot(page, 'class-report');

    await menu(page, '客户联络一览表');
    await page.getByTestId('contact-list-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'contact-list');
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
