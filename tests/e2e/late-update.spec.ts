import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO_USERS, isoDaysAgo, navigate, signInDemo } from './support/app';
import { Grid, customerGrid } from './support/grid';
import { editCustomer, openCustomerList, openTab, profileValue, quickSearch } from './support/customers';

/** Issue spec 6 — an edit entered more than 2 days after the information came in is flagged 超期更新. */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CODE = 'KH000005';

/** The dashboard's "超期更新（近 30 天）" figure. */
async function lateUpdatesOnDashboard(page: Page): Promise<number> {
  await navigate(page, '工作台');
  const stat = page
    .locator('.ant-statistic')
    .filter({ hasText: '超期更新（近 30 天）' })
    .locator('.ant-statistic-content-value');
  await expect(stat).toHaveText(/^\d+$/);
  return Number(await stat.textContent());
}

async function openByCode(page: Page, code: string): Promise<string> {
  await openCustomerList(page);
  await quickSearch(page, code);
  const grid = customerGrid(page);
  await expect(grid.rows()).toHaveCount(1);
  const name = (await grid.cell(0, 'name').textContent())!;
  await grid.cell(0, 'name').dblclick();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  return name;
}

const historyGrid = (page: Page) => new Grid(page, 'history-grid', 'customers.history');

test('an edit with the information received 2 days ago is on time', async ({ page, host }) => {
  await signInDemo(page, host, 'neiqin');
  await openByCode(page, CODE);
  const receivedOn = isoDaysAgo(2);
  await editCustomer(page, { address: '浙江省杭州市拱墅区环城北路 1 号', receivedOn });

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  await expect(history.cell(0, 'field')).toHaveText('地址');
  await expect(history.cell(0, 'receivedOn')).toHaveText(receivedOn);
  await expect(history.cell(0, 'late')).toHaveText('');
});

test('an edit with the information received 5 days ago is flagged 超期更新 in the history and on the dashboard', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  const lateBefore = await lateUpdatesOnDashboard(page);

  const name = await openByCode(page, CODE);
  const receivedOn = isoDaysAgo(5);
  const address = '浙江省杭州市拱墅区环城北路 99 号';
  await editCustomer(page, { address, receivedOn });
  await expect(profileValue(page, '地址')).toHaveText(address);

  await openTab(page, '变更记录');
  const history = historyGrid(page);
  await history.loaded();
  await expect(history.cell(0, 'field')).toHaveText('地址');
  await expect(history.cell(0, 'newValue')).toHaveText(address);
  await expect(history.cell(0, 'userName')).toHaveText(DEMO_USERS.neiqin.displayName);
  await expect(history.cell(0, 'receivedOn')).toHaveText(receivedOn);
  await expect(history.cell(0, 'late').getByText('超期更新')).toBeVisible();
  // The earlier, timely edit is not flagged.
  await expect(history.cell(1, 'receivedOn')).toHaveText(isoDaysAgo(2));
  await expect(history.cell(1, 'late')).toHaveText('');

  // The clerk's dashboard counts it and lists it among the recent changes.
  expect(await lateUpdatesOnDashboard(page)).toBe(lateBefore + 1);
  const recent = page.getByTestId('recent-change').filter({ hasText: name }).filter({ hasText: address });
  await expect(recent).toHaveCount(1);
  await expect(recent.getByText('超期更新')).toBeVisible();
});
