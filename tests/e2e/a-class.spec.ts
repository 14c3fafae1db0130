import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO_USERS, navigate, rowCount, signInAdmin, signInDemo } from './support/app';
import { Grid, customerGrid } from './support/grid';
import { gotoCustomer, openCustomerList, openNewCustomer } from './support/customers';
import { bridgeOf } from './support/bridge';
import { csvLines, exportAs } from './support/exports';

/**
 * Issue spec 9 — A-class customers exist only for project staff (项目专职): wangli (clerk, not project staff)
 * finds none in the grid, the global search, the dashboard, a direct link or an export; neiqin (project staff)
 * sees them with a notice, and every view is logged.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const A = { id: 0, code: '', name: '', count: 0 };
let total = 0;

/** Types into the header's global search and waits for the answer; returns the hits shown. */
async function globalSearch(page: Page, text: string) {
  const log = bridgeOf(page);
  const mark = log.mark();
  await page.getByRole('combobox', { name: '搜索' }).fill(text);
  const call = await log.waitFor('customers.search', mark);
  expect(call.ok).toBe(true);
  return {
    hits: page.getByTestId('search-hit'),
    found: call.value as { id: number; code: string; abcClass: string }[],
  };
}

async function dashboardTotal(page: Page): Promise<number> {
  await navigate(page, '工作台');
  const stat = page.getByTestId('stat-total').locator('.ant-statistic-content-value');
  await expect(stat).toHaveText(/^[\d,]+$/);
  return Number((await stat.textContent())!.replace(/,/g, ''));
}

test('project staff (neiqin) see A-class customers, with a notice when opening one', async ({
  page,
  host,
}) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  total = await rowCount(page);
  expect(total).toBe(2000);
  expect(await dashboardTotal(page)).toBe(total);

  await openCustomerList(page);
  const grid = customerGrid(page);
  await grid.filterSet('abcClass', ['A 类']);
  A.count = await rowCount(page);
  expect(A.count).toBeGreaterThan(0);
  A.code = (await grid.cell(0, 'code').textContent())!;
  A.name = (await grid.cell(0, 'name').textContent())!;

  await grid.cell(0, 'name').dblclick();
  await expect(page.getByTestId('customer-name')).toHaveText(A.name);
  A.id = Number(/#\/customers\/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByText('A 类客户：仅项目专职人员可见，本次查看已记录')).toBeVisible();

  // The global search (here from the dashboard) finds it too, marked A 类, and opens it again.
  await navigate(page, '工作台');
  const { hits } = await globalSearch(page, A.code);
  const hit = hits.filter({ hasText: A.code });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('A 类');
  await hit.click();
  await expect(page.getByTestId('customer-name')).toHaveText(A.name);
});

test('wangli (not project staff) finds no A-class customer anywhere', async ({ page, host }) => {
  await signInDemo(page, host, 'wangli');

  // Dashboard and grid count only B and C.
  expect(await dashboardTotal(page)).toBe(total - A.count);
  await openCustomerList(page);
  expect(await rowCount(page)).toBe(total - A.count);
  const grid = customerGrid(page);
  await grid.filterSet('abcClass', ['A 类']);
  expect(await rowCount(page)).toBe(0);
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();

  // Neither by code nor by name in the global search.
  const byCode = await globalSearch(page, A.code);
  expect(byCode.found).toEqual([]);
  await expect(byCode.hits).toHaveCount(0);
  const byName = await globalSearch(page, A.name);
  expect(byName.found.filter((h) => h.id === A.id || h.abcClass === 'A')).toEqual([]);
  await expect(byName.hits.filter({ hasText: 'A 类' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A direct link shows "not found", the same as for a customer that does not exist.
  await gotoCustomer(page, A.id);
  await expect(page.getByText('客户不存在，或您无权查看')).toBeVisible();
  await expect(page.getByTestId('customer-name')).toHaveCount(0);

  // The new-customer form does not offer A 类.
  await openCustomerList(page);
  const form = await openNewCustomer(page);
  await expect(form.locator('.ant-radio-button-wrapper').filter({ hasText: 'B 类' })).toBeVisible();
  await expect(form.locator('.ant-radio-button-wrapper').filter({ hasText: 'A 类' })).toHaveCount(0);
  await page.locator('.ant-drawer').getByRole('button', { name: '取 消' }).click();

  // An export of the whole grid holds no A-class row either.
  await grid.loaded();
  const lines = csvLines((await exportAs(page, '导出为 CSV')).bytes);
  const header = lines[0]!.split(',');
  const classCol = header.indexOf('客户等级');
  expect(classCol).toBeGreaterThanOrEqual(0);
  expect(lines).toHaveLength(total - A.count + 1);
  expect(lines.slice(1).filter((l) => l.split(',')[classCol] === 'A 类')).toEqual([]);
  expect(lines.some((l) => l.includes(A.code))).toBe(false);
});

test('every view of an A-class record is in 操作日志 (and wangli’s refused look is not a view)', async ({
  page,
  host,
}) => {
  await signInAdmin(page, host);
  await navigate(page, '操作日志');
  const audit = new Grid(page, 'audit-grid', 'audit.query');
  await audit.loaded();
  await audit.reloaded(async () => {
    const input = page.getByTestId('quick-search').locator('input');
    await input.fill(A.code);
    await input.press('Enter');
  });
  await audit.filterSet('action', ['查看']);
  const views = await rowCount(page);
  // Opened twice by neiqin: from the grid and from the global search.
  expect(views).toBe(2);
  expect(await audit.columnTexts('userName')).toEqual([
    DEMO_USERS.neiqin.username,
    DEMO_USERS.neiqin.username,
  ]);
  expect(await audit.columnTexts('entity')).toEqual(['客户', '客户']);
  expect(await audit.columnTexts('entityId')).toEqual([String(A.id), String(A.id)]);
  for (const summary of await audit.columnTexts('summary')) expect(summary).toContain(A.code);
});
