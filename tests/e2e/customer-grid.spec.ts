import { test, expect } from './support/fixtures';
import { logout, rowCount, signInDemo, submitLogin, DEMO_PASSWORD, DEMO_USERS } from './support/app';
import { customerGrid, type Grid } from './support/grid';
import { openCustomerList, quickSearch } from './support/customers';
import type { BridgeLog } from './support/bridge';
import { nameSortKey } from '../../electron/backend/customers/sortKey';

/** Issue spec 7 — the customer grid: quick search in Chinese, column filters, sorting, row count, saved column state. */
test.use({ setup: 'demo' });

let total = 0;

test.beforeEach(async ({ page, host, bridge }) => {
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  // Column state is saved per user: start each test from the default layout, whatever the last one left.
  await columnStateSaved(bridge, () => page.getByRole('button', { name: '恢复默认列' }).click());
  total = await rowCount(page);
});

/** Code-point order, as SQLite's default BINARY collation sorts UTF-8 text (codes, staff names). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Customer names sort by pinyin, as a Chinese name list reads. */
const byPinyin = (a: string, b: string) => byCodePoint(nameSortKey(a), nameSortKey(b));

async function expectEveryRow(grid: Grid, colId: string, predicate: (text: string) => boolean, what: string) {
  const texts = await grid.columnTexts(colId);
  expect(texts.length, 'rendered rows').toBeGreaterThan(0);
  expect(
    texts.filter((t) => !predicate(t)),
    `rows whose ${colId} is not ${what}`,
  ).toEqual([]);
}

test('quick search finds customers by a Chinese substring of their name, 2 or more characters', async ({
  page,
}) => {
  const grid = customerGrid(page);
  expect(total).toBe(2000); // the demo office, seen by project staff

  const counts: Record<string, number> = {};
  // Two characters (a LIKE scan), three and four characters (the FTS5 trigram index).
  for (const text of ['鑫达', '包装材', '包装材料']) {
    await quickSearch(page, text);
    counts[text] = await rowCount(page);
    expect(counts[text], text).toBeGreaterThan(0);
    expect(counts[text], text).toBeLessThan(total);
    await expectEveryRow(grid, 'name', (name) => name.includes(text), `containing ${text}`);
  }
  expect(counts['包装材']).toBe(counts['包装材料']);

  // The same substring as a column filter on 客户名称 counts the same customers.
  await quickSearch(page, '');
  expect(await rowCount(page)).toBe(total);
  await grid.filterText('name', '鑫达');
  expect(await rowCount(page)).toBe(counts['鑫达']);
  await expect(grid.header('name')).toHaveClass(/ag-header-cell-filtered/);

  // A name that does not exist finds nothing and says so.
  await quickSearch(page, '不存在的客户');
  expect(await rowCount(page)).toBe(0);
  await expect(page.getByText('没有符合条件的记录')).toBeVisible();
});

test('the 客户等级 set filter keeps only A-class customers; 共 N 条 follows', async ({ page }) => {
  const grid = customerGrid(page);
  await grid.filterSet('abcClass', ['A 类']);
  const a = await rowCount(page);
  expect(a).toBeGreaterThan(0);
  expect(a).toBeLessThan(total);
  await expect(grid.header('abcClass')).toHaveClass(/ag-header-cell-filtered/);
  await expectEveryRow(grid, 'abcClass', (t) => t === 'A 类', 'A 类');

  await grid.filterSet('abcClass', ['B 类', 'C 类']);
  const bc = await rowCount(page);
  expect(a + bc).toBe(total);
  await expectEveryRow(grid, 'abcClass', (t) => t === 'B 类' || t === 'C 类', 'B 类 or C 类');

  // Filters combine with the quick search.
  await quickSearch(page, '超市');
  const bcSupermarkets = await rowCount(page);
  expect(bcSupermarkets).toBeLessThan(bc);
  await expectEveryRow(grid, 'name', (t) => t.includes('超市'), 'a 超市');
  await expectEveryRow(grid, 'abcClass', (t) => t !== 'A 类', 'B 类 or C 类');
});

test('clicking a header sorts ascending, then descending', async ({ page }) => {
  const grid = customerGrid(page);
  await expect(grid.cell(0, 'code')).toHaveText('KH000001'); // default: by code

  await grid.clickHeader('code');
  expect(await grid.sortOf('code')).toBe('ascending');
  await grid.clickHeader('code');
  expect(await grid.sortOf('code')).toBe('descending');
  await expect(grid.cell(0, 'code')).toHaveText('KH002000');
  const codes = await grid.columnTexts('code');
  expect(codes).toEqual([...codes].sort(byCodePoint).reverse());

  await grid.clickHeader('name');
  expect(await grid.sortOf('name')).toBe('ascending');
  expect(await grid.sortOf('code')).toBe('none');
  const names = await grid.columnTexts('name');
  expect(names.length).toBeGreaterThan(10);
  expect(names).toEqual([...names].sort(byPinyin));
  expect(names).not.toEqual([...names].sort(byCodePoint));

  await grid.clickHeader('managerName');
  await grid.clickHeader('managerName');
  expect(await grid.sortOf('managerName')).toBe('descending');
  const managers = await grid.columnTexts('managerName');
  expect(managers).toEqual([...managers].sort(byCodePoint).reverse());
});

/** Waits for the debounced save of the column state (prefs.set) that `action` causes. */
async function columnStateSaved(bridge: BridgeLog, action: () => Promise<void>) {
  const mark = bridge.mark();
  await action();
  const call = await bridge.waitFor('prefs.set', mark);
  expect(call.ok).toBe(true);
}

test('column width, order and sort are kept per user after a reload; 恢复默认列 resets them', async ({
  page,
  bridge,
}) => {
  const grid = customerGrid(page);
  // Only the columns in view are rendered: compare the first few.
  const firstColumns = async () => (await grid.centreColumnOrder()).slice(0, 5);
  const defaultOrder = await firstColumns();
  const defaultWidth = await grid.columnWidth('managerName');
  expect(defaultOrder).toEqual(['abcClass', 'status', 'isKey', 'managerName', 'region']);

  // Widen 客户经理 by dragging the edge of its header.
  await columnStateSaved(bridge, async () => {
    const handle = grid.header('managerName').locator('.ag-header-cell-resize');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
  });
  const widened = await grid.columnWidth('managerName');
  expect(widened).toBeGreaterThanOrEqual(defaultWidth + 110);

  // Move 区域 in front of 状态 by dragging its header (well inside the unpinned area: dropped at the edge of
  // the pinned columns, AG Grid would pin it).
  await columnStateSaved(bridge, async () => {
    const from = (await grid.header('region').locator('.ag-header-cell-text').boundingBox())!;
    const to = (await grid.header('status').boundingBox())!;
    const y = from.y + from.height / 2;
    await page.mouse.move(from.x + from.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(from.x - 40, y, { steps: 5 });
    await page.mouse.move(to.x + to.width * 0.3, y, { steps: 10 });
    await page.mouse.move(to.x + to.width * 0.25, y, { steps: 5 });
    await page.mouse.up();
  });
  const moved = await firstColumns();
  expect(moved).toEqual(['abcClass', 'region', 'status', 'isKey', 'managerName']);

  // Sort by 客户经理, descending.
  await columnStateSaved(bridge, () => grid.sortBy('managerName', 'descending'));
  expect(await grid.sortOf('managerName')).toBe('descending');
  const firstCode = await grid.cell(0, 'code').textContent();

  // The browser host resumes the session after a reload: same page, same columns.
  await grid.reloaded(() => page.reload());
  await expect(grid.header('managerName')).toBeVisible();
  expect(await firstColumns()).toEqual(moved);
  expect(Math.abs((await grid.columnWidth('managerName')) - widened)).toBeLessThanOrEqual(1);
  expect(await grid.sortOf('managerName')).toBe('descending');
  await expect(grid.cell(0, 'code')).toHaveText(firstCode!);

  // Column state is per user: another clerk still has the default layout.
  await logout(page);
  await submitLogin(page, DEMO_USERS.wangli.username, DEMO_PASSWORD);
  await openCustomerList(page);
  expect(await firstColumns()).toEqual(defaultOrder);
  expect(await grid.sortOf('managerName')).toBe('none');
  await logout(page);
  await submitLogin(page, DEMO_USERS.neiqin.username, DEMO_PASSWORD);
  await openCustomerList(page);
  expect(await firstColumns()).toEqual(moved);

  // 恢复默认列 puts everything back, and that is saved too.
  await columnStateSaved(bridge, () => page.getByRole('button', { name: '恢复默认列' }).click());
  expect(await firstColumns()).toEqual(defaultOrder);
  expect(Math.abs((await grid.columnWidth('managerName')) - defaultWidth)).toBeLessThanOrEqual(1);
  expect(await grid.sortOf('managerName')).toBe('none');
  await grid.reloaded(() => page.reload());
  await expect(grid.header('managerName')).toBeVisible();
  expect(await firstColumns()).toEqual(defaultOrder);
  expect(Math.abs((await grid.columnWidth('managerName')) - defaultWidth)).toBeLessThanOrEqual(1);
});
