import { test, expect } from './support/fixtures';
import { logout, navigate, navItem, signIn, signInAdmin, submitLogin } from './support/app';
import { Grid } from './support/grid';

/** Issue spec 3 — the admin creates a clerk; the clerk must change the initial password and sees a clerk's menu. */
test.use({ setup: 'admin' });
test.describe.configure({ mode: 'serial' });

const CLERK = { username: 'zhangwei', displayName: '张伟', initial: 'Start2026', next: 'Zhang2026x' };

test('the admin creates a clerk with an initial password in 系统设置 › 用户管理', async ({ page, host }) => {
  await signInAdmin(page, host);
  await navigate(page, '用户管理');
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  const users = new Grid(page, 'user-grid', 'users.query');
  await users.loaded();
  await expect(users.rows()).toHaveCount(1); // only the admin so far

  await page.getByTestId('new-user').click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await expect(dialog).toBeVisible();
  // A weak initial password and a taken user name are refused in Chinese.
  await dialog.getByLabel('用户名').fill('admin');
  await dialog.getByLabel('姓名').fill(CLERK.displayName);
  await dialog.getByLabel('初始密码').fill('12345678');
  await expect(dialog.getByText('密码须同时包含字母和数字')).toBeVisible();
  await dialog.getByLabel('初始密码').fill(CLERK.initial);
  await expect(dialog.getByRole('checkbox', { name: '内勤' })).toBeChecked();
  await dialog.getByTestId('save-user').click();
  await expect(dialog.getByText('用户名 admin 已被使用')).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('用户名').fill(CLERK.username);
  await users.reloaded(() => dialog.getByTestId('save-user').click());
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`用户 ${CLERK.username} 已创建`)).toBeVisible();

  await expect(users.rows()).toHaveCount(2);
  const row = users
    .rows()
    .filter({ has: page.locator('[col-id="username"]', { hasText: new RegExp(`^${CLERK.username}$`) }) });
  await expect(row.locator('[col-id="displayName"]')).toHaveText(CLERK.displayName);
  await expect(row.locator('[col-id="roles"]')).toHaveText('内勤');
  await expect(row.locator('[col-id="projectStaff"]')).toHaveText('否');
  await expect(row.locator('[col-id="active"]')).toHaveText('是');
});

test('the new clerk must change the initial password, then sees 客户台账 but not 用户管理', async ({
  page,
  host,
}) => {
  await signIn(page, host, CLERK.username, CLERK.initial);

  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('请先设置您自己的新密码')).toBeVisible();
  // Forced: no cancel button, Esc does not close it.
  await expect(dialog.getByRole('button', { name: '取 消' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();

  // Saving the empty form only marks the fields.
  await dialog.getByRole('button', { name: '保 存' }).click();
  await expect(dialog.getByText('必填').first()).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('当前密码').fill('Wrong2026');
  await dialog.getByLabel('新密码').fill(CLERK.next);
  await dialog.getByLabel('确认密码').fill(CLERK.next);
  await dialog.getByRole('button', { name: '保 存' }).click();
  await expect(dialog.getByText('当前密码不正确')).toBeVisible();

  await dialog.getByLabel('当前密码').fill(CLERK.initial);
  await dialog.getByLabel('确认密码').fill(`${CLERK.next}!`);
  await expect(dialog.getByText('两次输入的密码不一致')).toBeVisible();
  await dialog.getByLabel('确认密码').fill(CLERK.next);
  await dialog.getByRole('button', { name: '保 存' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('user-menu')).toContainText(CLERK.displayName);
  await expect(page.getByTestId('user-menu')).toContainText('内勤');
  await expect(navItem(page, '客户台账')).toBeVisible();
  await expect(navItem(page, '员工')).toBeVisible();
  await expect(navItem(page, '用户管理')).toHaveCount(0);
  await expect(navItem(page, '操作日志')).toHaveCount(0);
  await expect(navItem(page, '代码表')).toHaveCount(0);

  await navigate(page, '客户台账');
  await expect(page.getByRole('heading', { name: '客户台账' })).toBeVisible();
  await expect(page.getByTestId('new-customer')).toBeVisible();

  // Typing the address of the admin page does not help: the page explains the refusal.
  await page.evaluate(() => {
    window.location.hash = '#/system/users';
  });
  await expect(page.getByText('您没有执行此操作的权限')).toBeVisible();
  await expect(page.getByTestId('new-user')).toHaveCount(0);
});

test('the clerk logs in with the new password; the initial one no longer works', async ({ page, host }) => {
  await signIn(page, host, CLERK.username, CLERK.next);
  await expect(page.getByRole('dialog', { name: '修改密码' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `${CLERK.displayName}，您好` })).toBeVisible();
  await logout(page);
  await submitLogin(page, CLERK.username, CLERK.initial);
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
});
