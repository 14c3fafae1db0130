import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import {
  ADMIN,
  DEMO_USERS,
  logout,
  navigate,
  openApp,
  rowCount,
  signInAdmin,
  signInDemo,
  submitLogin,
} from './support/app';
import { Grid, customerGrid } from './support/grid';
import { archiveCustomer, createCustomer, editCustomer, openCustomerList } from './support/customers';
import { bridgeOf } from './support/bridge';
import { csvLines, exportAs } from './support/exports';

/**
 * Issue spec 10 — 系统设置 › 操作日志 lists the writes made through the UI (customer create/update/archive, user
 * create, failed logins and the lockout, A-class views), read-only and filterable.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const CODE = 'E2E-A001';
const NEW_USER = { username: 'liuyang', displayName: '刘洋', password: 'Liu2026yang' };
let aClass = { id: 0, code: '' };

async function failLogin(page: Page, username: string, password: string, expected: string) {
  const log = bridgeOf(page);
  const mark = log.mark();
  await submitLogin(page, username, password);
  await log.waitFor('auth.login', mark);
  await expect(page.getByTestId('login-error')).toContainText(expected);
}

test('writes through the UI: a user, failed logins and a lockout, a customer’s life, an A-class view', async ({
  page,
  host,
}) => {
  // The admin creates a user.
  await signInAdmin(page, host);
  await navigate(page, '用户管理');
  await page.getByTestId('new-user').click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(NEW_USER.username);
  await dialog.getByLabel('姓名').fill(NEW_USER.displayName);
  await dialog.getByLabel('初始密码').fill(NEW_USER.password);
  await dialog.getByTestId('save-user').click();
  await expect(page.getByText(`用户 ${NEW_USER.username} 已创建`)).toBeVisible();
  await logout(page);

  // Someone mistypes jifen's password five times (the account locks), and tries a user that does not exist.
  for (let i = 1; i <= 4; i++)
    await failLogin(page, DEMO_USERS.jifen.username, `Bad${i}pass`, '用户名或密码错误');
  await failLogin(page, DEMO_USERS.jifen.username, 'Bad5pass', '账户已锁定');
  await failLogin(page, 'ghost', 'Bad6pass', '用户名或密码错误');

  // neiqin files a customer, corrects its phone, archives it, and opens an A-class record.
  await signInDemo(page, host, 'neiqin');
  await createCustomer(page, {
    code: CODE,
    name: '审计测试商贸有限公司',
    manager: 'KM004',
    contact: { name: '周杰' },
  });
  await editCustomer(page, { phone: '0571-86001234' });
  await archiveCustomer(page, '审计测试：合并到其他档案');

  await openCustomerList(page);
  const grid = customerGrid(page);
  await grid.filterSet('abcClass', ['A 类']);
  aClass = { code: (await grid.cell(0, 'code').textContent())!, id: 0 };
  await grid.cell(0, 'name').dblclick();
  await expect(page.getByText('A 类客户：仅项目专职人员可见，本次查看已记录')).toBeVisible();
  aClass.id = Number(/#\/customers\/(\d+)$/.exec(page.url())![1]);
});

test('the admin finds each of them in 操作日志, filtered by search and by 动作', async ({ page, host }) => {
  await openApp(page, host);
  await submitLogin(page, ADMIN.username, ADMIN.password);
  await navigate(page, '操作日志');
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  await expect(page.getByText('只读，不可删除')).toBeVisible();
  const audit = new Grid(page, 'audit-grid', 'audit.query');
  await audit.loaded();
  const all = await rowCount(page);
  expect(all).toBeGreaterThan(10);

  const search = async (text: string) =>
    audit.reloaded(async () => {
      const input = page.getByTestId('quick-search').locator('input');
      await input.fill(text);
      await input.press('Enter');
    });

  // The customer's life, newest first, all by neiqin.
  await search(CODE);
  expect(await rowCount(page)).toBe(3);
  expect(await audit.columnTexts('action')).toEqual(['归档', '修改', '新建']);
  expect(await audit.columnTexts('entity')).toEqual(['客户', '客户', '客户']);
  expect(await audit.columnTexts('userName')).toEqual(Array(3).fill(DEMO_USERS.neiqin.username));
  expect(await audit.columnTexts('channel')).toEqual([
    'customers.archive',
    'customers.update',
    'customers.create',
  ]);
  const summaries = await audit.columnTexts('summary');
  expect(summaries[0]).toContain('审计测试：合并到其他档案');
  expect(summaries[1]).toContain('0571-86001234');

  // The user the admin created.
  await search(NEW_USER.username);
  await audit.filterSet('action', ['新建']);
  expect(await rowCount(page)).toBe(1);
  expect(await audit.columnTexts('entity')).toEqual(['用户']);
  expect(await audit.columnTexts('userName')).toEqual([ADMIN.username]);

  // Failed logins and the lockout: the 动作 filter alone, then with a search.
  await search('');
  await audit.filterSet('action', ['锁定']);
  expect(await rowCount(page)).toBe(1);
  expect(await audit.columnTexts('userName')).toEqual([DEMO_USERS.jifen.username]);
  await audit.filterSet('action', ['登录失败', '锁定']);
  expect(await rowCount(page)).toBe(6);
  await search(DEMO_USERS.jifen.username);
  expect(await rowCount(page)).toBe(5);
  expect(await audit.columnTexts('action')).toEqual(['锁定', '登录失败', '登录失败', '登录失败', '登录失败']);
  await search('ghost');
  expect(await rowCount(page)).toBe(1);
  expect(await audit.columnTexts('action')).toEqual(['登录失败']);

  // The A-class view.
  await search('');
  await audit.filterSet('action', ['查看']);
  expect(await rowCount(page)).toBe(1);
  expect(await audit.columnTexts('entityId')).toEqual([String(aClass.id)]);
  expect((await audit.columnTexts('summary'))[0]).toContain(aClass.code);

  // The filtered view exports as it is shown.
  await audit.filterSet('action', ['锁定']);
  const lines = csvLines((await exportAs(page, '导出为 CSV')).bytes);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('动作');
  expect(lines[1]).toContain('锁定');
  expect(lines[1]).toContain(DEMO_USERS.jifen.username);

  // Read-only: there is nothing to edit or delete.
  await expect(page.getByRole('button', { name: /删\s*除|编\s*辑/ })).toHaveCount(0);
  await logout(page);
});
