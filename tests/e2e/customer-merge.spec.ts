import { test, expect } from './support/fixtures';
import { chooseOption, fieldError, signInAdmin, signInDemo } from './support/app';
import { createCustomer, gotoCustomer, openTab } from './support/customers';
import { Grid } from './support/grid';

/**
 * 合并重复客户 (customers.md "Access": only admin merges duplicates): the admin merges a customer entered twice;
 * the duplicate's contact moves, the duplicate is archived pointing at the kept one and cannot be restored, and a
 * clerk is not offered the merge.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const KEEP = { code: 'E2E-M-01', name: '宁波海曙鑫源贸易有限公司', abcClass: 'B' as const, manager: 'KM003', phone: '0574-87651234' };
const DUPLICATE = {
  code: 'E2E-M-02',
  name: '宁波海曙鑫源贸易',
  abcClass: 'B' as const,
  manager: 'KM005',
  contact: { name: '周涛', title: '采购经理', mobile: '13857412345' },
};
let keepId = 0;
let duplicateId = 0;

test('the admin merges a customer entered twice: the contact moves, the duplicate is archived and points to the kept one', async ({ page, host }) => {
  // Two customers made through the drawer, the merge, then both pages: ~55 s on a loaded CI machine.
  test.setTimeout(180_000);
  await signInAdmin(page, host);
  duplicateId = (await createCustomer(page, DUPLICATE)).id;
  keepId = (await createCustomer(page, KEEP)).id;

  await page.getByTestId('merge-customer').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '把重复档案并入' });
  await expect(dialog).toContainText(`把重复档案并入“${KEEP.name}”`);
  const picker = dialog.locator('#merge-duplicate');

  // The customer itself is refused on the field.
  await chooseOption(page, picker, KEEP.code);
  await expect(fieldError(dialog, '重复的客户')).toHaveText('不能把客户与自己合并');

  await chooseOption(page, picker, DUPLICATE.code);
  const preview = dialog.getByTestId('merge-preview');
  await expect(preview).toContainText(DUPLICATE.name);
  const row = (label: string) => preview.locator('tr', { has: page.locator(`td:text-is("${label}")`) }).locator('td');
  await expect(row('客户编号')).toHaveText(['客户编号', KEEP.code, DUPLICATE.code]);
  await expect(row('档案内容').nth(1)).toHaveText('联系人 0 · 拜访记录 0 · 拜访计划 0 · 合同 0 · 投诉 0 · 档案文件 0');
  await expect(row('档案内容').nth(2)).toHaveText('联系人 1 · 拜访记录 0 · 拜访计划 0 · 合同 0 · 投诉 0 · 档案文件 0');
  await expect(dialog.getByTestId('merge-problem')).toHaveCount(0);

  // 合并原因 is required.
  await dialog.getByTestId('merge-ok').click();
  await expect(fieldError(dialog, '合并原因')).toHaveText('必填');
  await dialog.getByLabel('合并原因').fill('同一家公司被两位业务员分别建档');
  await dialog.getByTestId('merge-ok').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText(`已合并：${DUPLICATE.code} ${DUPLICATE.name} 的记录已并入本客户`);

  await openTab(page, '联系人 (1)');
  await expect(page.getByText(DUPLICATE.contact.name)).toBeVisible();
  await openTab(page, '变更记录');
  const history = new Grid(page, 'history-grid', 'customers.history');
  await history.loaded();
  await expect.poll(() => history.columnTexts('field')).toContain('并入重复档案');

  // The duplicate: archived, says where everything went, no 恢复在册.
  await gotoCustomer(page, duplicateId);
  await expect(page.getByTestId('customer-name')).toHaveText(DUPLICATE.name);
  await expect(page.getByTestId('customer-status')).toHaveText('已归档');
  await expect(page.getByTestId('customer-merged-notice')).toContainText(`本客户已合并到 ${KEEP.code} ${KEEP.name}`);
  await expect(page.getByTestId('restore-customer')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '联系人 (0)' })).toBeVisible();
  await page.getByTestId('open-merged-into').click();
  await expect(page.getByTestId('customer-name')).toHaveText(KEEP.name);
});

test('a clerk is not offered the merge', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await gotoCustomer(page, keepId);
  await expect(page.getByTestId('customer-name')).toHaveText(KEEP.name);
  await expect(page.getByTestId('edit-customer')).toBeVisible();
  await expect(page.getByTestId('merge-customer')).toHaveCount(0);
});
