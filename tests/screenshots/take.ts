/**
 * `npm run screenshots`: regenerates docs/screenshots/ from the browser host with the demo office, in zh-CN, as
 * a clerk with 项目专职 would see it. The renderer must be built (the npm script builds first).
 */
import { createDemoOffice, fillLogin, login, runScreenshots, shooter } from './session';
import { sheetShot } from './pdfShot';

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page);
    await createDemoOffice(page, () => shot('first-start'));

    await fillLogin(page, 'neiqin');
    await shot('login');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('stat-total').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('dashboard');

    await page.getByRole('menuitem', { name: '客户台账' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot('customers');

    await page.getByTestId('quick-search').locator('input').fill('鑫达');
    await page.getByTestId('quick-search').locator('input').press('Enter');
    await page.waitForTimeout(800);
    await shot('customers-search');

    await page.locator('.ag-row').first().dblclick();
    await page.getByTestId('customer-profile').waitFor();
    await shot('customer-detail');
    await page.getByRole('tab', { name: /联系人/ }).click();
    await shot('customer-contacts');
    await page.getByTestId('edit-customer').click();
    await page.getByTestId('customer-form').waitFor();
    await page.getByLabel('客户名称').fill('');
    await page.getByLabel('简称').fill('鑫达包装材料（南京）股份有限公司总部营销中心华东区域分部第一事业部');
    await page.getByLabel('简称').blur();
    await page.getByTestId('customer-form').evaluate((el) => el.closest('.ant-drawer-body')?.scrollTo(0, 0));
    await shot('customer-form');
    await page.getByLabel('客户名称').fill('南京鑫达包装材料有限公司');
    await page.getByLabel('简称').fill('鑫达包装');
    await page.getByLabel('电话').fill('0571-88886666');
    await page.getByLabel('电子邮箱').fill('office@xinda.com');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('customer-form').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /变更记录/ }).click();
    await page.getByTestId('history-grid').locator('.ag-row').first().waitFor();
    await shot('customer-history');
    await sheetShot(page, 'customer-history', 'print-customer-history');
    await page.getByRole('tab', { name: /档案/ }).first().click();
    await sheetShot(page, 'customer-card', 'print-customer-card');
    const cardRoute = /#\/customers\/(\d+)/.exec(page.url())?.[1];
    await page.evaluate((id) => {
      window.location.hash = `#/print/customer-card/${id}`;
    }, cardRoute);
    await page.locator('body[data-print-ready="1"]').waitFor();
    await shot('print-preview');
    await page.goBack();

    await page.getByRole('menuitem', { name: '客户资源统计' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot('resource-stats');

    await login(page, 'admin', 'Admin2026');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot('users');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await page.locator('.ag-row').first().waitFor();
    await shot('audit');
  },
  { acceptDownloads: true },
);
