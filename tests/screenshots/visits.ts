/**
 * Screenshots of the visits area (docs/screenshots/visits-*.png) from the browser host with the demo office, in
 * zh-CN, as the clerk with 项目专职 (neiqin) and the admin see it. Build the renderer first:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/visits.ts'
 */
import { createDemoOffice, login, logout, menu, openOptions, runScreenshots, shooter } from './session';

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { prefix: 'visits-', mouseAway: true, settleMs: 500 });
    await createDemoOffice(page);

    await menu(page, '参数与数据检查');
    await page.getByTestId('cadence-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('cadence-C-phoneDays').waitFor();
    await shot('cadence-settings', page.getByTestId('cadence-settings'));
    await logout(page);

    await login(page, 'neiqin', 'Demo2026');
    await page.getByTestId('today-visits.overdueContacts').waitFor();
    await shot('dashboard');

    await menu(page, '客户拜访记录台账');
    await page.getByTestId('visit-grid').locator('.ag-row').first().waitFor();
    await shot('register');

    await page.getByTestId('visit-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="customerName"]').dblclick();
    await page.getByTestId('visit-detail').waitFor();
    await shot('detail');
    // 作废 asks why first (the dialog is not saved: the demo record stays valid).
    await page.getByTestId('void-visit').click();
    const voiding = page.getByRole('dialog', { name: /作废拜访记录/ });
    await voiding.getByTestId('void-ok').click();
    await voiding.locator('.ant-form-item-explain-error').waitFor();
    await shot('void-empty');
    await voiding.getByLabel('作废原因').fill('与 11 月 20 日的电话记录重复录入');
    await shot('void');
    await voiding.getByRole('button', { name: '取 消' }).click();
    await voiding.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '关 闭' }).click();

    await menu(page, '月度拜访计划');
    await page.getByTestId('plan-summary').locator('.ag-row').first().waitFor();
    await page.getByTestId('plan-grid').locator('.ag-row').first().waitFor();
    await shot('plans');

    await menu(page, '逾期未联系');
    await page.getByTestId('overdue-grid').locator('.ag-row').first().waitFor();
    await shot('overdue');

    // A customer from the overdue list: its 拜访记录 tab, then the form for a new record.
    await page.getByTestId('overdue-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]').dblclick();
    await page.getByTestId('customer-name').waitFor();
    await page.getByRole('tab', { name: '拜访记录' }).click();
    await page.getByTestId('cadence-status').waitFor();
    await page.waitForTimeout(500);
    await shot('customer-tab');
    await page.getByTestId('new-visit').click();
    const form = page.getByTestId('visit-form');
    await form.waitFor();
    await form.getByLabel('接待人').click();
    await openOptions(page).first().click();
    await form.getByLabel('拜访目的').fill('季度走访，了解经营情况');
    await form.getByLabel('拜访内容').fill('与客户负责人面谈，了解门店近期客流和销售结构；客户提出旺季前需提前锁定货源。');
    await form.getByLabel('客户需求').fill('希望增加节日礼盒供应');
    await form.getByLabel('竞争对手情况').fill('恒通商贸近期在该片区降价约 3%');
    await shot('form');
    await page.keyboard.press('Escape');

    await menu(page, '客户等级分布');
    await page.getByTestId('class-report').locator('.recharts-bar-rectangle').first().waitFor();
    await shot('class-report');

    await menu(page, '客户联络一览表');
    await page.getByTestId('contact-list-grid').locator('.ag-row').first().waitFor();
    await shot('contact-list');
  },
);
