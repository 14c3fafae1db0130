import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO_USERS, fieldError, logout, navigate, restPointer, signInDemo } from './support/app';
import { Grid, customerGrid } from './support/grid';
import { customerForm, openCustomerList, openTab, profileValue, quickSearch } from './support/customers';

/**
 * Issue 3 item 9 — changing the order cycle (订货周期) needs a supervisor's approval, and the approver is recorded:
 * neiqin (内勤) changes it with another field, the rest is saved and the change waits; zhuguan (主管) approves;
 * the record and its 变更记录 show the new value with the approver. A second change is rejected with a reason.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CODE = 'KH000021';
const NEW_CYCLE = '每十天一次';
let customerName = '';
let oldCycle = '';

const orderCycleGrid = (page: Page) => new Grid(page, 'order-cycle-grid', 'orderCycle.query');

async function openCustomer(page: Page): Promise<void> {
  await openCustomerList(page);
  await quickSearch(page, CODE);
  const grid = customerGrid(page);
  await expect(grid.rows()).toHaveCount(1);
  customerName = (await grid.cell(0, 'name').textContent())!;
  await grid.cell(0, 'name').dblclick();
  await expect(page.getByTestId('customer-name')).toHaveText(customerName);
}

async function changeOrderCycle(page: Page, value: string, notes?: string): Promise<void> {
  await page.getByTestId('edit-customer').click();
  const form = customerForm(page);
  await expect(form).toBeVisible();
  const field = form.getByLabel('订货周期');
  await expect(form.getByText('修改订货周期需主管审批：保存后提交审批，批准后生效')).toBeVisible();
  await field.fill(value);
  if (notes !== undefined) await form.getByLabel('备注').fill(notes);
  await page.getByTestId('save-customer').click();
  await expect(form).toBeHidden();
  await restPointer(page);
}

test('a clerk’s order-cycle change is filed for approval while the rest of the edit is saved', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomer(page);
  oldCycle = (await profileValue(page, '订货周期').textContent())!.trim();
  await changeOrderCycle(page, NEW_CYCLE, '客户来电要求调整订货节奏');

  await expect(page.getByText('其余修改已保存；订货周期变更已提交主管审批，批准后生效')).toBeVisible();
  await expect(profileValue(page, '备注')).toHaveText('客户来电要求调整订货节奏');
  await expect(profileValue(page, '订货周期')).toHaveText(oldCycle);
  await expect(page.getByTestId('order-cycle-pending')).toContainText(`订货周期变更待审批：“${oldCycle}” → “${NEW_CYCLE}”`);
  await expect(page.getByTestId('order-cycle-pending')).toContainText(DEMO_USERS.neiqin.displayName);

  // The history has the note, not (yet) the order cycle.
  await openTab(page, '变更记录');
  const history = new Grid(page, 'history-grid', 'customers.history');
  await history.loaded();
  const fields = await history.columnTexts('field');
  expect(fields).toContain('备注');
  expect(fields).not.toContain('订货周期');
});

test('zhuguan approves it from the dashboard; the record and the history show the approver', async ({ page, host }) => {
  await signInDemo(page, host, 'zhuguan');
  const today = page.getByTestId('today-access.pendingOrderCycles');
  await expect(today).toContainText('项订货周期变更待审批');
  await today.getByRole('link').click();
  await expect(page.getByRole('tab', { name: '订货周期变更', selected: true })).toBeVisible();
  const grid = orderCycleGrid(page);
  await grid.loaded();
  const texts = await grid.columnTexts('customerCode');
  const row = texts.indexOf(CODE);
  expect(row).toBeGreaterThanOrEqual(0);
  await expect(grid.cell(row, 'oldValue')).toHaveText(oldCycle);
  await expect(grid.cell(row, 'newValue')).toHaveText(NEW_CYCLE);
  await expect(grid.cell(row, 'requesterName')).toHaveText(DEMO_USERS.neiqin.displayName);

  await grid.root.locator(`.ag-row[row-index="${row}"]`).getByTestId('approve-order-cycle').first().click();
  const confirm = page.getByRole('dialog').filter({ hasText: '批准订货周期变更' });
  await expect(confirm).toContainText(`由“${oldCycle}”改为“${NEW_CYCLE}”`);
  await grid.reloaded(() => confirm.getByTestId('confirm-approve').click());
  await expect(confirm).toBeHidden();
  await expect(grid.root.getByText(CODE, { exact: true })).toHaveCount(0);

  // The supervisor reads customers too: the record and the history.
  await openCustomer(page);
  await expect(profileValue(page, '订货周期')).toHaveText(NEW_CYCLE);
  await expect(profileValue(page, '订货周期审批人')).toHaveText(DEMO_USERS.zhuguan.displayName);
  await expect(page.getByTestId('order-cycle-pending')).toHaveCount(0);
  await openTab(page, '变更记录');
  const history = new Grid(page, 'history-grid', 'customers.history');
  await history.loaded();
  await expect(history.cell(0, 'field')).toHaveText('订货周期');
  await expect(history.cell(0, 'oldValue')).toHaveText(oldCycle);
  await expect(history.cell(0, 'newValue')).toHaveText(NEW_CYCLE);
  await expect(history.cell(0, 'userName')).toHaveText(DEMO_USERS.neiqin.displayName);
  await expect(history.cell(0, 'approvedBy')).toHaveText(DEMO_USERS.zhuguan.displayName);
});

test('a rejected change leaves the value and says why', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomer(page);
  await changeOrderCycle(page, '每天一次');
  await expect(page.getByTestId('order-cycle-pending')).toContainText('每天一次');
  await logout(page);

  await signInDemo(page, host, 'zhuguan');
  await navigate(page, '访问审批');
  await page.getByRole('tab', { name: '订货周期变更' }).click();
  const grid = orderCycleGrid(page);
  await grid.loaded();
  const row = (await grid.columnTexts('customerCode')).indexOf(CODE);
  expect(row).toBeGreaterThanOrEqual(0);
  await grid.root.locator(`.ag-row[row-index="${row}"]`).getByTestId('reject-order-cycle').first().click();
  const dialog = page.getByRole('dialog').filter({ hasText: '驳回申请' });
  await dialog.getByTestId('confirm-reject').click();
  await expect(fieldError(dialog, '驳回理由')).toHaveText('必填');
  await dialog.getByLabel('驳回理由').fill('每天订货不现实，请与客户再确认');
  await grid.reloaded(() => dialog.getByTestId('confirm-reject').click());
  await expect(dialog).toBeHidden();
  await grid.reloaded(() => page.locator('.ant-segmented').getByText('全部', { exact: true }).click());
  const decided = (await grid.columnTexts('newValue')).indexOf('每天一次');
  await expect(grid.cell(decided, 'status')).toHaveText('已驳回');
  await expect(grid.cell(decided, 'decisionNote')).toHaveText('每天订货不现实，请与客户再确认');

  await openCustomer(page);
  await expect(profileValue(page, '订货周期')).toHaveText(NEW_CYCLE);
  await expect(page.getByTestId('order-cycle-pending')).toHaveCount(0);
});
