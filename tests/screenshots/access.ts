/**
 * Screenshots of access requests and order-cycle approval with the demo office, zh-CN:
 * docs/screenshots/access-*.png. The renderer must be built first (`npx electron-vite build`).
 * kuguan (库管) asks for and reads an archive; zhuguan (主管) decides; neiqin (内勤) changes an order cycle.
 */
import { createDemoOffice, login, openOptions, runScreenshots, shooter } from './session';

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { mouseAway: true, waitForToasts: true, settleMs: 500 });
    await createDemoOffice(page);

    // kuguan: his requests, a new one being filled in.
    await login(page, 'kuguan');
    await page.getByTestId('today-access.activeGrants').waitFor();
    await shot('access-dashboard-requester');
    await page.getByRole('menuitem', { name: '访问申请' }).click();
    await page.getByTestId('access-mine-grid').locator('.ag-row').first().waitFor();
    await shot('access-requests');
    await page.getByTestId('new-request').click();
    const select = page.getByTestId('request-form').getByLabel('客户');
    await select.click();
    await select.fill('华联');
    await openOptions(page).first().waitFor();
    await shot('access-request-lookup');
    await openOptions(page).first().click();
    await page.getByLabel('申请事由').fill('核对年终答谢礼品的收货人和地址');
    await page.getByLabel('申请期限（天）').fill('40');
    await page.getByLabel('申请事由').click();
    await shot('access-request-form');
    await page.getByLabel('申请期限（天）').fill('5');
    await page.getByTestId('submit-request').click();
    await page.getByTestId('request-form').waitFor({ state: 'detached' });

    // The archive kuguan's running grant opens.
    await page.getByTestId('open-archive').first().click();
    await page.getByTestId('customer-profile').waitFor();
    await shot('access-archive');
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByTestId('history-grid').locator('.ag-row').first().waitFor();
    await shot('access-archive-history');

    // zhuguan: the dashboard, the approvals, the approve dialog, the order-cycle tab.
    await login(page, 'zhuguan');
    await page.getByTestId('today-access.pendingRequests').waitFor();
    await shot('access-dashboard-supervisor');
    await page.getByRole('menuitem', { name: '访问审批' }).click();
    await page.getByTestId('access-approvals-grid').locator('.ag-row').first().waitFor();
    await shot('access-approvals');
    await page.getByTestId('approve-request').first().click();
    await page.getByRole('dialog').getByLabel('授权期限（天）').waitFor();
    await shot('access-approve');
    await page.getByRole('dialog').getByRole('button', { name: /取\s?消/ }).click();
    await page.getByRole('tab', { name: '订货周期变更' }).click();
    await page.getByTestId('order-cycle-grid').locator('.ag-row').first().waitFor();
    await page.locator('.ant-segmented').getByText('全部', { exact: true }).click();
    await page.waitForTimeout(500);
    await shot('access-order-cycles');

    // neiqin changes an order cycle: the form's note, the waiting notice, then the approved history.
    await login(page, 'neiqin');
    await page.getByRole('menuitem', { name: '客户台账' }).click();
    const search = page.getByTestId('quick-search').locator('input');
    await search.fill('KH000021');
    await search.press('Enter');
    await page.waitForTimeout(800);
    await page.locator('.ag-row').first().dblclick();
    await page.getByTestId('customer-profile').waitFor();
    await page.getByTestId('edit-customer').click();
    const form = page.getByTestId('customer-form');
    await form.getByLabel('订货周期').fill('每十天一次');
    await form.getByLabel('订货周期').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot('access-order-cycle-form');
    await page.getByTestId('save-customer').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('order-cycle-pending').waitFor();
    await shot('access-order-cycle-pending');
    const detail = page.url();

    await login(page, 'zhuguan');
    await page.getByRole('menuitem', { name: '访问审批' }).click();
    await page.getByRole('tab', { name: '订货周期变更' }).click();
    await page.getByTestId('approve-order-cycle').first().waitFor();
    const row = page.getByTestId('order-cycle-grid').locator('.ag-row').filter({ hasText: 'KH000021' });
    await row.getByTestId('approve-order-cycle').click();
    await shot('access-order-cycle-approve');
    await page.getByTestId('confirm-approve').click();
    await page.waitForTimeout(500);
    await page.goto(detail);
    await page.getByTestId('customer-profile').waitFor();
    await page.getByRole('tab', { name: '变更记录' }).click();
    await page.getByTestId('history-grid').locator('.ag-row').first().waitFor();
    await shot('access-order-cycle-history');
  },
);
