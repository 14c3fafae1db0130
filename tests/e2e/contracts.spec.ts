import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { chooseOption, fieldError, navigate, restPointer, rowCount, signInDemo } from './support/app';
import { Grid } from './support/grid';
import { createCustomer, gotoCustomer, openTab } from './support/customers';
import { csvLines, exportAs } from './support/exports';

/**
 * Issue 3 item 6 — 合同台账: a non-regular contract cannot be signed without its countersign (the refusal is shown
 * as the backend words it), then is countersigned and signed; the 即将到期 list; the customer's 合同 tab; the
 * register export.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CONTRACT_NO = 'HT-E2E-0001';
const CUSTOMER = { code: 'E2E-HT01', name: '苏州合同测试商贸有限公司', manager: 'KM002' };
let customerId = 0;

const contractGrid = (page: Page) => new Grid(page, 'contract-grid', 'contracts.query');
const drawer = (page: Page) => page.locator('.ant-drawer').filter({ has: page.getByTestId('contract-detail') });
const form = (page: Page) => page.getByTestId('contract-form');

async function openRegister(page: Page): Promise<void> {
  await navigate(page, '合同台账');
  await expect(page.getByRole('heading', { name: '合同台账' })).toBeVisible();
  await contractGrid(page).loaded();
}

/** Runs a lifecycle action from the contract drawer: its button, then the dialog's fields, then 确定. */
async function runAction(page: Page, button: string, fill?: (dialog: Locator) => Promise<void>): Promise<Locator> {
  await drawer(page).getByTestId(button).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('contract-action-ok') });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByTestId('contract-action-ok').click();
  return dialog;
}

test('a non-regular contract is refused 已签订 until its countersign is recorded, then signed', async ({ page, host, bridge }) => {
  test.slow(); // the first test of the file also loads the demo office
  await signInDemo(page, host, 'neiqin');
  customerId = (await createCustomer(page, CUSTOMER)).id;
  await openRegister(page);

  await page.getByTestId('new-contract').click();
  await expect(form(page)).toBeVisible();
  // Bad input first: nothing filled in → the required fields say so, nothing is sent.
  const mark = bridge.mark();
  await page.getByTestId('save-contract').click();
  await expect(fieldError(form(page), '合同编号')).toHaveText('必填');
  await expect(fieldError(form(page), '合同名称')).toHaveText('必填');
  expect(bridge.answered('contracts.create', mark)).toHaveLength(0);

  await form(page).getByLabel('合同编号').fill(CONTRACT_NO);
  await chooseOption(page, form(page).getByLabel('客户', { exact: true }), CUSTOMER.code);
  await form(page).getByLabel('合同名称').fill('2027 年度区域经销协议');
  await form(page).locator('.ant-radio-button-wrapper').filter({ hasText: '非常规' }).click();
  await expect(form(page).getByText('非常规合同须先完成会签，才能标记为已签订')).toBeVisible();
  await form(page).getByLabel('合同金额（元）').fill('128000.50');
  await page.getByTestId('add-attachment').click();
  await form(page).getByPlaceholder('附件 1').fill('产品报价单');
  await page.getByTestId('save-contract').click();

  await expect(drawer(page)).toBeVisible();
  await expect(page.getByTestId('contract-title')).toHaveText(CONTRACT_NO);
  await expect(page.getByTestId('contract-status')).toHaveText('草稿');
  await expect(page.getByTestId('contract-blockers')).toContainText('非常规合同须先完成会签');
  await expect(page.getByTestId('contract-attachments')).toContainText('产品报价单');
  await expect(drawer(page).getByText('128,000.50 元')).toBeVisible();

  // Signing without the countersign: the backend refuses and the dialog shows its message; nothing changes.
  const refused = await runAction(page, 'contract-sign');
  await expect(refused.getByTestId('contract-action-error')).toHaveText('非常规合同须先完成会签，才能标记为已签订');
  await refused.getByRole('button', { name: /取\s*消/ }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('contract-status')).toHaveText('草稿');

  const countersign = await runAction(page, 'contract-countersign', (d) => d.getByLabel('会签部门及人员').fill('财务部 李娜；法务部 王强'));
  await expect(countersign).toBeHidden();
  await expect(drawer(page).getByText('财务部 李娜；法务部 王强', { exact: true })).toBeVisible();
  await expect(page.getByTestId('contract-blockers')).toBeHidden();
  await expect(page.getByTestId('contract-countersign')).toBeHidden();

  const sign = await runAction(page, 'contract-sign');
  await expect(sign).toBeHidden();
  // It starts today, so once signed it is running.
  await expect(page.getByTestId('contract-status')).toHaveText('履行中');
  const timeline = page.getByTestId('contract-timeline');
  await expect(timeline).toContainText('录入合同');
  await expect(timeline).toContainText('登记会签');
  await expect(timeline).toContainText('签订');
  await expect(page.getByTestId('contract-renew')).toBeVisible();
  await expect(page.getByTestId('contract-sign')).toBeHidden();

  await page.keyboard.press('Escape');
  await restPointer(page);
  await contractGrid(page).reloaded(async () => {
    await page.getByTestId('quick-search').locator('input').fill(CONTRACT_NO);
    await page.getByTestId('quick-search').locator('input').press('Enter');
  });
  await expect(contractGrid(page).cell(0, 'contractNo')).toHaveText(CONTRACT_NO);
  await expect(contractGrid(page).cell(0, 'status')).toHaveText('履行中');
  await expect(contractGrid(page).cell(0, 'contractType')).toHaveText('非常规');
  await expect(contractGrid(page).cell(0, 'countersigned')).toHaveText('是');
});

test('the customer’s 合同 tab lists its contracts and opens them', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await openTab(page, '合同');
  const grid = new Grid(page, 'customer-contract-grid', 'contracts.query');
  await grid.loaded();
  await expect(grid.rows()).toHaveCount(1);
  await expect(grid.cell(0, 'contractNo')).toHaveText(CONTRACT_NO);
  await grid.cell(0, 'contractNo').dblclick();
  await expect(page.getByTestId('contract-title')).toHaveText(CONTRACT_NO);
});

test('即将到期 lists the contracts ending within 30 days; the dashboard line leads there', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  const line = page.getByTestId('today-contracts.expiring');
  await expect(line).toContainText(/\d+ 份合同将在 30 天内到期/);
  const expected = Number(/(\d+) 份合同/.exec((await line.textContent()) ?? '')![1]);
  expect(expected).toBeGreaterThanOrEqual(5);
  await line.getByRole('link').click();
  await expect(page).toHaveURL(/#\/contracts\?view=expiring$/);
  const grid = contractGrid(page);
  await grid.loaded();
  expect(await rowCount(page)).toBe(expected);
  const today = new Date();
  const limit = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  for (const end of await grid.columnTexts('endOn')) {
    expect(end >= iso(today) && end <= iso(limit), end).toBe(true);
  }
  await expect(grid.root.locator('.ag-cell.contract-expiring').first()).toBeVisible();

  // Back to 全部: more rows; the export of the 即将到期 view carries exactly its rows.
  await grid.reloaded(() => page.getByTestId('contract-views').getByText('全部', { exact: true }).click());
  expect(await rowCount(page)).toBeGreaterThan(expected);
  await grid.reloaded(() => page.getByTestId('contract-views').getByText(/即将到期/).click());
  const { bytes, fileName } = await exportAs(page, '导出为 CSV');
  expect(fileName).toMatch(/^合同台账_.*\.csv$/);
  const lines = csvLines(bytes);
  expect(lines[0]!.split(',')).toContain('合同编号');
  expect(lines).toHaveLength(expected + 1);
});

test('the customer cannot be archived while its contract is kept (10 years after it ends)', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, customerId);
  await page.getByTestId('archive-customer').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '归档原因' });
  await dialog.getByLabel('归档原因').fill('客户停业');
  await dialog.getByTestId('reason-ok').click();
  // Open-ended and signed today: kept 10 years from the signing date.
  const now = new Date();
  // Date rolls 29 February over to 1 March, as the retention rule does.
  const kept = new Date(now.getFullYear() + 10, now.getMonth(), now.getDate());
  const until = `${kept.getFullYear()}-${String(kept.getMonth() + 1).padStart(2, '0')}-${String(kept.getDate()).padStart(2, '0')}`;
  await expect(dialog.getByRole('alert')).toHaveText(`合同 ${CONTRACT_NO} 须保存 10 年，${until} 起才能归档该客户`);
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.getByTestId('customer-status')).toHaveText('在册');
});
