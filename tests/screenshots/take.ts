/**
 * `npm run screenshots`: regenerates docs/screenshots/ from the browser host with the demo office, in zh-CN, as
 * a clerk with 项目专职 would see it. The renderer must be built (the npm script builds first).
 */
import { chromium, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHost } from '../e2e/support/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { sheetShot } from './pdfShot';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');

async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const host = await startHost();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('李建国');
    await page.getByLabel('密码', { exact: true }).fill('Admin2026');
    await page.getByLabel('确认密码').fill('Admin2026');
    await page.getByText('同时载入演示数据').click();
    await shot(page, 'first-start');
    await page.getByRole('button', { name: /创建管理员/ }).click();
    await page.getByTestId('dashboard').waitFor({ timeout: 60_000 });

    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByLabel('用户名').fill('neiqin');
    await page.getByLabel('密码').fill('Demo2026');
    await shot(page, 'login');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('stat-total').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot(page, 'dashboard');

    await page.getByRole('menuitem', { name: '客户台账' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot(page, 'customers');

    await page.getByTestId('quick-search').locator('input').fill('鑫达');
    await page.getByTestId('quick-search').locator('input').press('Enter');
    await page.waitForTimeout(800);
    await shot(page, 'customers-search');

    await page.locator('.ag-row').first().dblclick();
    await page.getByTestId('customer-profile').waitFor();
    await shot(page, 'customer-detail');
    await page.getByRole('tab', { name: /联系人/ }).click();
    await shot(page, 'customer-contacts');
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByLabel('客户名称').fill('');
    await page.getByLabel('简称').fill('鑫达包装材料（南京）股份有限公司总部营销中心华东区域分部第一事业部');
    await page.getByLabel('简称').blur();
    await page.getByTestId('customer-form').evaluate((el) => el.closest('.ant-drawer-body')?.scrollTo(0, 0));
    await shot(page, 'customer-form');
    await page.getByLabel('客户名称').fill('南京鑫达包装材料有限公司');
    await page.getByLabel('简称').fill('鑫达包装');
    await page.getByLabel('电话').fill('0571-88886666');
    await page.getByLabel('电子邮箱').fill('office@xinda.com');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('customer-form').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /变更记录/ }).click();
    await page.getByTestId('history-grid').locator('.ag-row').first().waitFor();
    await shot(page, 'customer-history');
    await sheetShot(page, 'customer-history', 'print-customer-history');
    await page.getByRole('tab', { name: /档案/ }).first().click();
    await sheetShot(page, 'customer-card', 'print-customer-card');
    const cardRoute = /#\/customers\/(\d+)/.exec(page.url())?.[1];
    await page.evaluate((id) => {
      window.location.hash = `#/print/customer-card/${id}`;
    }, cardRoute);
    await page.locator('body[data-print-ready="1"]').waitFor();
    await shot(page, 'print-preview');
    await page.goBack();

    await page.getByRole('menuitem', { name: '客户资源统计' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot(page, 'resource-stats');

    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Admin2026');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('dashboard').waitFor();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot(page, 'users');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot(page, 'audit');
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
