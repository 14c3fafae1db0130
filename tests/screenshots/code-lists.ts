/**
 * Screenshots of 代码表 and its quarterly review with the demo office, zh-CN: docs/screenshots/code-lists-*.png —
 * the admin's dashboard reminder, the page while the quarter is not reviewed, the review dialog, the page after, and a new code being entered.
 * Run after a build:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/code-lists.ts'
 */
import { createDemoOffice, runScreenshots, shooter } from './session';

runScreenshots(async ({ page }) => {
  const shot = shooter(page, { prefix: 'code-lists-', mouseAway: true, waitForToasts: true, settleMs: 500 });
  await createDemoOffice(page);
  await page.getByTestId('today-codeLists.reviewDue').waitFor();
  await shot('dashboard-reminder', page.getByTestId('today-codeLists.reviewDue').locator('xpath=ancestor::div[contains(@class,"ant-card")][1]'));
  await page.getByTestId('today-codeLists.reviewDue').getByRole('link').click();
  await page.getByTestId('code-list-review').waitFor();
  await page.getByRole('tab', { name: '业态' }).click();
  await page.locator('.ag-row').first().waitFor();
  await shot('review-due');
  await page.getByTestId('mark-reviewed').click();
  await page.getByLabel('复核说明').fill('逐项核对四个代码表；“批发部”业态已无客户使用，停用；新增“社区团购”。');
  await shot('review-dialog', page.getByRole('dialog'));
  await page.getByTestId('review-ok').click();
  await page.getByTestId('review-form').waitFor({ state: 'detached' });
  await shot('reviewed');
  await page.getByRole('button', { name: '新增代码' }).click();
  await page.getByTestId('code-form').getByLabel('代码', { exact: true }).fill('community');
  await page.getByTestId('code-form').getByLabel('名称').fill('社区团购');
  await shot('entry', page.getByRole('dialog'));
});
