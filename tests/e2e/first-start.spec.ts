import { test, expect } from './support/fixtures';
import { ADMIN, fillSetupForm, logout, navItem, openApp, signInAdmin } from './support/app';

/** Issue spec 1 — first start and admin creation, on a fresh data folder. */
test.describe.configure({ mode: 'serial' });

test('a fresh data folder asks for the admin account and refuses bad passwords in Chinese', async ({
  page,
  host,
}) => {
  await openApp(page, host);
  await expect(page.getByText('首次启动：创建管理员账户')).toBeVisible();
  await expect(page.getByRole('button', { name: '登 录' })).toHaveCount(0);

  // The two passwords differ.
  await fillSetupForm(page, { ...ADMIN, password: ADMIN.password, confirm: 'Admin2027' });
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();

  // Too short, then long enough but without a digit.
  await fillSetupForm(page, { ...ADMIN, password: 'abc12', confirm: 'abc12' });
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await fillSetupForm(page, { ...ADMIN, password: 'abcdefgh', confirm: 'abcdefgh' });
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByText('密码须同时包含字母和数字')).toBeVisible();

  // A bad user name is refused as well.
  await page.getByLabel('用户名').fill('管理员');
  await expect(page.getByText('用户名只能包含字母、数字和 . _ -')).toBeVisible();

  // Nothing was created: a reload still shows the first-start screen.
  await page.reload();
  await expect(page.getByText('首次启动：创建管理员账户')).toBeVisible();
});

test('creating the admin lands on the dashboard with the admin’s name', async ({ page, host }) => {
  await openApp(page, host);
  await fillSetupForm(page, { ...ADMIN, confirm: ADMIN.password });
  await page.getByRole('button', { name: '创建管理员并进入' }).click();

  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.displayName);
  await expect(page.getByTestId('user-menu')).toContainText('管理员');
  await expect(navItem(page, '工作台')).toBeVisible();
  await expect(navItem(page, '用户管理')).toBeVisible();
  // No demo data was asked for: the archive is empty.
  await expect(page.getByTestId('stat-total')).toContainText('0');

  await logout(page);
});

test('once the admin exists the app asks for a login, and the admin can sign in', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
  await expect(page.getByText('首次启动：创建管理员账户')).toHaveCount(0);
  await signInAdmin(page, host);
  await expect(page.getByRole('heading', { name: `${ADMIN.displayName}，您好` })).toBeVisible();
});
