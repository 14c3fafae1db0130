/**
 * Screenshots of the contracts register and the archive documents register (docs/screenshots/contracts-*.png,
 * archive-docs-*.png) from the browser host with the demo office, in zh-CN, as the clerk with 项目专职 (neiqin),
 * the supervisor (zhuguan) and the admin see them. Build the renderer first:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/contracts.ts'
 */
import type { Page } from '@playwright/test';
import { createDemoOffice, login, logout, menu, openOptions, runScreenshots, shooter } from './session';
import { sheetShot } from './pdfShot';

const grid = (page: Page) => page.getByTestId('contract-grid');

async function view(page: Page, label: RegExp) {
  await page.getByTestId('contract-views').getByText(label).click();
  await page.waitForTimeout(600);
  await grid(page).locator('.ag-row').first().waitFor();
}

/** Opens the first register row whose cells read as asked (e.g. type 非常规 and status 履行中). */
async function openRow(page: Page, cells: Record<string, string>) {
  const rows = grid(page).locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)');
  await rows.first().waitFor();
  const index = await rows.evaluateAll((list, want) => {
    const hit = list.find((row) => Object.entries(want).every(([col, text]) => row.querySelector(`[col-id="${col}"]`)?.textContent?.trim() === text));
    return hit ? hit.getAttribute('row-index') : null;
  }, cells);
  if (index === null) throw new Error(`no row with ${JSON.stringify(cells)}`);
  await grid(page).locator(`.ag-row[row-index="${index}"] [col-id="title"]`).dblclick();
  await page.getByTestId('contract-detail').waitFor();
}

async function closeDrawer(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('contract-detail').waitFor({ state: 'detached' });
}

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { mouseAway: true, settleMs: 500 });
    await createDemoOffice(page);

    await menu(page, '参数与数据检查');
    const settings = page.locator('.ant-card').filter({ has: page.getByTestId('save-contract-settings') });
    await settings.getByRole('spinbutton').waitFor();
    await page.waitForTimeout(300);
    await shot('contracts-settings', settings);
    await logout(page);

    await login(page, 'neiqin');
    const today = page.locator('.ant-card').filter({ has: page.getByTestId('today-contracts.expiring') });
    await shot('contracts-dashboard', today);

    await menu(page, '合同台账');
    await grid(page).locator('.ag-row').first().waitFor();
    await shot('contracts-register');
    await view(page, /即将到期/);
    await shot('contracts-expiring');

    await view(page, /^全部$/);
    await openRow(page, { contractType: '非常规', status: '履行中' });
    await shot('contracts-detail');
    await closeDrawer(page);

    await view(page, /^草稿/);
    await openRow(page, { contractType: '非常规', countersigned: '否' });
    await page.getByTestId('contract-sign').click();
    await page.getByTestId('contract-action-ok').click();
    await page.getByTestId('contract-action-error').waitFor();
    await shot('contracts-sign-refused');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('contract-countersign').click();
    await page.getByLabel('会签部门及人员').fill('财务部 李娜；法务部 王强');
    await shot('contracts-countersign');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await closeDrawer(page);

    await page.getByTestId('new-contract').click();
    const form = page.getByTestId('contract-form');
    await form.waitFor();
    await form.getByLabel('合同编号').fill('HT-2026-0201');
    await form.getByLabel('客户', { exact: true }).click();
    await form.getByLabel('客户', { exact: true }).fill('有限公司');
    await openOptions(page).first().click();
    await form.getByLabel('合同名称').fill('2027 年度区域经销协议');
    await form.locator('.ant-radio-button-wrapper').filter({ hasText: '非常规' }).click();
    await form.getByLabel('合同金额（元）').fill('860000');
    await form.getByRole('switch').click();
    await form.getByLabel('特殊事项说明').fill('账期 90 天，超出标准账期 60 天');
    await page.getByTestId('add-attachment').click();
    await form.getByPlaceholder('附件 1').fill('产品报价单');
    await page.getByTestId('add-attachment').click();
    await form.getByPlaceholder('附件 2').fill('');
    await page.getByTestId('save-contract').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await shot('contracts-form');
    await page.locator('.ant-drawer').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('button', { name: '放弃修改' }).click();
    await form.waitFor({ state: 'detached' });

    // A customer with contracts and a paper file: open it from a contract.
    // The demo gives the customers of running and expiring contracts a paper file.
    await view(page, /即将到期/);
    await openRow(page, { status: '履行中' });
    await page.getByRole('button', { name: '查看客户档案' }).click();
    await page.getByTestId('customer-profile').waitFor();
    await page.getByRole('tab', { name: '合同', exact: true }).click();
    await page.getByTestId('customer-contract-grid').locator('.ag-row').first().waitFor();
    await shot('contracts-customer-tab');

    await page.getByRole('tab', { name: '档案文件' }).click();
    await page.getByTestId('archive-docs').locator('.ag-row').first().waitFor();
    await shot('archive-docs-tab');
    await page.getByTestId('add-archive-doc').click();
    await page.getByTestId('archive-doc-form').waitFor();
    await page.getByTestId('archive-doc-form').getByLabel('题名').fill('关于调整返利政策的请示');
    await shot('archive-docs-form');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await sheetShot(page, 'file-index', 'archive-docs-index');
    await logout(page);

    await login(page, 'zhuguan');
    await menu(page, '合同台账');
    await view(page, /待审批/);
    await openRow(page, { isSpecial: '是' });
    await page.getByTestId('contract-approve').click();
    await page.getByLabel('审批意见').fill('同意，请注意回款风险');
    await shot('contracts-approve');
  },
  { acceptDownloads: true },
);
