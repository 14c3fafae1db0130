import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO_USERS, fieldError, logout, navigate, navItem, openOptions, restPointer, signInDemo } from './support/app';
import { Grid } from './support/grid';
import { gotoCustomer, openTab } from './support/customers';

/**
 * Issue 3 item 8 — access requests: kuguan (库管, another department) asks to read a customer's archive,
 * zhuguan (主管) approves, kuguan opens the archive read-only; a rejected request says why; bad input refused.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const REASON = '核对年终答谢礼品的收货人和地址';
const mine = (page: Page) => new Grid(page, 'access-mine-grid', 'access.mine');
const approvals = (page: Page) => new Grid(page, 'access-approvals-grid', 'access.query');

/** The customer kuguan asks about, picked from the lookup (only code and name are shown). */
let chosen: { code: string; name: string };

async function openRequests(page: Page) {
  await navigate(page, '访问申请');
  await expect(page.getByRole('heading', { name: '访问申请' })).toBeVisible();
  await mine(page).loaded();
}

/** The grid row (index) whose cell in `colId` has this text. */
async function rowWith(grid: Grid, colId: string, text: string): Promise<number> {
  const texts = await grid.columnTexts(colId);
  const index = texts.indexOf(text);
  expect(index, `${text} in ${texts.join(', ')}`).toBeGreaterThanOrEqual(0);
  return index;
}

test('kuguan requests access to a customer by code or name; the form refuses a request without a reason', async ({ page, host }) => {
  await signInDemo(page, host, 'kuguan');
  // Another department sees no customer list, only its access requests.
  await expect(navItem(page, '客户台账')).toHaveCount(0);
  await expect(navItem(page, '访问审批')).toHaveCount(0);
  await openRequests(page);

  await page.getByTestId('new-request').click();
  const form = page.getByTestId('request-form');
  await expect(form).toBeVisible();
  // Nothing picked, no reason: both fields say so and nothing is sent.
  await page.getByTestId('submit-request').click();
  await expect(fieldError(form, '客户')).toHaveText('必填');
  await expect(fieldError(form, '申请事由')).toHaveText('必填');

  const select = form.getByLabel('客户');
  await select.click();
  await select.fill('KH0000');
  const option = openOptions(page).first();
  await expect(option).toBeVisible();
  const [code, ...name] = ((await option.getAttribute('title')) ?? '').split(' ');
  chosen = { code: code!, name: name.join(' ') };
  await option.click();
  await form.getByLabel('申请事由').fill(REASON);
  await form.getByLabel('申请期限（天）').fill('31');
  await expect(fieldError(form, '申请期限（天）')).toHaveText('不能大于 30');
  await form.getByLabel('申请期限（天）').fill('');

  await mine(page).reloaded(() => page.getByTestId('submit-request').click());
  await expect(form).toBeHidden();
  await expect(page.getByText('已提交，等待主管审批')).toBeVisible();
  const row = await rowWith(mine(page), 'customerCode', chosen.code);
  await expect(mine(page).cell(row, 'customerName')).toHaveText(chosen.name);
  await expect(mine(page).cell(row, 'reason')).toHaveText(REASON);
  await expect(mine(page).cell(row, 'status')).toHaveText('待审批');

  // The same request again is refused while the first one waits.
  await page.getByTestId('new-request').click();
  await select.click();
  await select.fill(chosen.code);
  await openOptions(page).first().click();
  await form.getByLabel('申请事由').fill('再次申请');
  await page.getByTestId('submit-request').click();
  await expect(form.getByRole('alert')).toContainText(`您对“${chosen.name}”的访问申请正在等待审批`);
  await page.getByRole('dialog').getByRole('button', { name: '取 消' }).click();

  // customers.* stays closed: a direct link to the customer page is refused.
  await gotoCustomer(page, 1);
  await expect(page.getByText('403')).toBeVisible();
});

test('zhuguan sees the request on the dashboard and approves it for 5 days', async ({ page, host }) => {
  await signInDemo(page, host, 'zhuguan');
  const today = page.getByTestId('today-access.pendingRequests');
  await expect(today).toContainText('项客户档案访问申请待审批');
  await today.getByRole('link').click();
  await expect(page.getByRole('heading', { name: '访问审批' })).toBeVisible();
  const grid = approvals(page);
  await grid.loaded();
  const row = await rowWith(grid, 'customerCode', chosen.code);
  await expect(grid.cell(row, 'requesterName')).toHaveText(DEMO_USERS.kuguan.displayName);
  await expect(grid.cell(row, 'reason')).toHaveText(REASON);

  await grid.root.locator(`.ag-row[row-index="${row}"]`).getByTestId('approve-request').first().click();
  const dialog = page.getByRole('dialog').filter({ hasText: '批准查阅申请' });
  await expect(dialog).toContainText(`${DEMO_USERS.kuguan.displayName} 申请查阅“${chosen.code} ${chosen.name}”的档案`);
  const days = dialog.getByLabel('授权期限（天）');
  // No period was asked for: the office default (7 days) is proposed.
  await expect(days).toHaveValue('7');
  await days.fill('5');
  await grid.reloaded(() => dialog.getByTestId('confirm-approve').click());
  await expect(dialog).toBeHidden();
  // Decided: it leaves the 只看待审批 view; 全部 shows it as 有效 with the approver.
  await expect(grid.root.getByText(chosen.code, { exact: true })).toHaveCount(0);
  await grid.reloaded(() => page.locator('.ant-segmented').getByText('全部', { exact: true }).click());
  const decided = await rowWith(grid, 'customerCode', chosen.code);
  await expect(grid.cell(decided, 'status')).toHaveText('有效');
  await expect(grid.cell(decided, 'days')).toHaveText('5');
  await expect(grid.cell(decided, 'decidedByName')).toHaveText(DEMO_USERS.zhuguan.displayName);
});

test('kuguan opens the archive read-only while the grant runs; each opening is logged', async ({ page, host }) => {
  await signInDemo(page, host, 'kuguan');
  await expect(page.getByTestId('today-access.activeGrants')).toContainText('项客户档案查阅授权有效');
  await openRequests(page);
  const row = await rowWith(mine(page), 'customerCode', chosen.code);
  await expect(mine(page).cell(row, 'status')).toHaveText('有效');
  await mine(page).root.locator(`.ag-row[row-index="${row}"]`).getByTestId('open-archive').first().click();

  await expect(page.getByTestId('granted-customer')).toBeVisible();
  await expect(page.getByTestId('customer-name')).toHaveText(chosen.name);
  await expect(page.getByTestId('grant-notice')).toContainText('授权有效期至');
  await expect(page.getByTestId('customer-profile')).toContainText(chosen.code);
  // Read-only: no edit, archive or contact buttons.
  await expect(page.getByTestId('edit-customer')).toHaveCount(0);
  await openTab(page, /^联系人/);
  await expect(page.getByTestId('add-contact')).toHaveCount(0);
  await openTab(page, '变更记录');
  const history = new Grid(page, 'history-grid', 'access.viewHistory');
  await history.loaded();
  expect((await history.columnTexts('field')).length).toBeGreaterThan(0);
  await restPointer(page);
  await logout(page);

  // The supervisor finds kuguan's view in 操作日志.
  await signInDemo(page, host, 'zhuguan');
  await navigate(page, '操作日志');
  const audit = new Grid(page, 'audit-grid', 'audit.query');
  await audit.loaded();
  await audit.reloaded(async () => {
    const input = page.getByTestId('quick-search').locator('input');
    await input.fill(chosen.code);
    await input.press('Enter');
  });
  await audit.filterSet('action', ['查看']);
  expect(await audit.columnTexts('userName')).toEqual([DEMO_USERS.kuguan.username]);
  expect(await audit.columnTexts('channel')).toEqual(['access.viewCustomer']);
});

test('a rejected request carries its reason to the requester', async ({ page, host }) => {
  // jifen's demo request waits; zhuguan rejects it.
  await signInDemo(page, host, 'zhuguan');
  await navigate(page, '访问审批');
  const grid = approvals(page);
  await grid.loaded();
  const row = await rowWith(grid, 'requesterName', DEMO_USERS.jifen.displayName);
  const code = (await grid.cell(row, 'customerCode').textContent())!.trim();
  await grid.root.locator(`.ag-row[row-index="${row}"]`).getByTestId('reject-request').first().click();
  const dialog = page.getByRole('dialog').filter({ hasText: '驳回申请' });
  await dialog.getByTestId('confirm-reject').click();
  await expect(fieldError(dialog, '驳回理由')).toHaveText('必填');
  await dialog.getByLabel('驳回理由').fill('请通过内勤查询联系人信息');
  await grid.reloaded(() => dialog.getByTestId('confirm-reject').click());
  await expect(dialog).toBeHidden();
  await restPointer(page);
  await logout(page);

  await signInDemo(page, host, 'jifen');
  await navigate(page, '访问申请');
  const jifenGrid = mine(page);
  await jifenGrid.loaded();
  const mineRow = await rowWith(jifenGrid, 'customerCode', code);
  await expect(jifenGrid.cell(mineRow, 'status')).toHaveText('已驳回');
  await expect(jifenGrid.cell(mineRow, 'decisionNote')).toHaveText('请通过内勤查询联系人信息');
  await expect(jifenGrid.root.locator(`.ag-row[row-index="${mineRow}"]`).getByTestId('open-archive')).toHaveCount(0);
});
