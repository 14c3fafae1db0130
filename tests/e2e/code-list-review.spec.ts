import { test, expect } from './support/fixtures';
import { fieldError, signInAdmin } from './support/app';

/**
 * 代码表季度复核 (customers.md: the code lists are "reviewed quarterly"): the dashboard reminds the admin while this
 * quarter has no review; the admin goes to 代码表 from the reminder and records the review; the reminder goes.
 */
test.use({ setup: 'admin' });

const now = new Date();
const year = now.getFullYear();
const quarter = Math.floor(now.getMonth() / 3) + 1;

test('the admin is reminded of the quarterly review, records it on 代码表, and the reminder goes', async ({ page, host }) => {
  await signInAdmin(page, host);
  const reminder = page.getByTestId('today-codeLists.reviewDue');
  await expect(reminder).toHaveText(`${year} 年第 ${quarter} 季度的代码表尚未复核`);
  await reminder.click();

  await expect(page.getByRole('heading', { name: '代码表' })).toBeVisible();
  const card = page.getByTestId('code-list-review');
  await expect(card).toContainText(`${year} 年第 ${quarter} 季度尚未复核`);
  await expect(card).toContainText('还没有复核记录');
  await page.getByTestId('mark-reviewed').click();

  const dialog = page.getByTestId('review-form');
  await dialog.getByLabel('复核说明').fill('核'.repeat(201));
  await page.getByTestId('review-ok').click();
  await expect(fieldError(dialog, '复核说明')).toContainText('200');
  await dialog.getByLabel('复核说明').fill('停用了“批发部”业态，新增“社区团购”');
  await page.getByTestId('review-ok').click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText(`${year} 年第 ${quarter} 季度已复核`);
  await expect(card).toContainText('系统管理员');
  await expect(card).toContainText('复核说明：停用了“批发部”业态，新增“社区团购”');
  await expect(page.getByTestId('mark-reviewed')).toHaveCount(0);

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  // The list has loaded (some line, or 今天没有待办提醒) before the reminder's absence means anything.
  await expect(page.locator('[data-testid^="today-"]').or(page.getByText('今天没有待办提醒')).first()).toBeVisible();
  await expect(reminder).toHaveCount(0);
});

test('the admin adds a 业态 code, a taken or malformed code is refused on its field, and a label is edited', async ({ page, host }) => {
  await signInAdmin(page, host);
  await page.getByRole('menuitem', { name: '代码表' }).click();
  await page.getByRole('tab', { name: '业态' }).click();
  const grid = page.locator('.ag-root');
  await expect(grid.locator('.ag-row').first()).toBeVisible();

  await page.getByRole('button', { name: '新增代码' }).click();
  const form = page.getByTestId('code-form');
  await form.getByLabel('代码', { exact: true }).fill('社区');
  await form.getByLabel('名称').fill('社区团购');
  await page.getByTestId('save-code').click();
  await expect(fieldError(form, '代码')).not.toHaveCount(0);
  await form.getByLabel('代码', { exact: true }).fill('supermarket');
  await page.getByTestId('save-code').click();
  await expect(fieldError(form, '代码')).toHaveText('代码 supermarket 已存在');
  await form.getByLabel('代码', { exact: true }).fill('community');
  await page.getByTestId('save-code').click();
  await expect(form).toBeHidden();
  const row = grid.locator('.ag-row', { hasText: 'community' });
  await expect(row).toContainText('社区团购');

  await row.getByRole('button', { name: '编辑' }).click();
  await expect(form.getByLabel('代码', { exact: true })).toBeDisabled();
  await form.getByLabel('名称').fill('社区团购（团长）');
  await page.getByTestId('save-code').click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('社区团购（团长）');
});
