import { test, expect } from './support/fixtures';
import {
  ADMIN,
  DEMO_PASSWORD,
  DEMO_USERS,
  logout,
  navigate,
  openApp,
  signIn,
  signInAdmin,
  submitLogin,
} from './support/app';
import { Grid } from './support/grid';
import type { Page } from '@playwright/test';
import { bridgeOf } from './support/bridge';

/** Issue spec 2 — login, logout and the lockout after 5 wrong passwords. */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

/** One login attempt; waits for the backend's answer and returns the error shown (null when it succeeded). */
async function attempt(page: Page, username: string, password: string): Promise<string | null> {
  const log = bridgeOf(page);
  const mark = log.mark();
  await submitLogin(page, username, password);
  const call = await log.waitFor('auth.login', mark);
  if (call.ok) return null;
  const error = page.getByTestId('login-error');
  await expect(error).toBeVisible();
  return error.textContent();
}

test('logout through the user menu; a wrong password or unknown user is refused with one message', async ({
  page,
  host,
}) => {
  await signInAdmin(page, host);
  await expect(page.getByTestId('dashboard')).toBeVisible();

  await logout(page);
  await expect(page.getByText('登录', { exact: true })).toBeVisible();
  await expect(page.getByTestId('user-menu')).toHaveCount(0);

  expect(await attempt(page, ADMIN.username, 'Wrong2026')).toContain('用户名或密码错误');
  // An unknown user name gets the same answer (no hint which part was wrong).
  expect(await attempt(page, 'nobody', 'Wrong2026')).toContain('用户名或密码错误');
  // Empty fields are caught before anything is sent.
  await page.getByLabel('用户名').fill('');
  await page.getByLabel('密码').fill('');
  await page.getByRole('button', { name: '登 录' }).click();
  await expect(page.getByText('必填')).toHaveCount(2);

  expect(await attempt(page, ADMIN.username, ADMIN.password)).toBeNull();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.displayName);
});

test('five wrong passwords lock the account; then even the right password is refused', async ({
  page,
  host,
}) => {
  const user = DEMO_USERS.kuguan;
  await openApp(page, host);
  for (let i = 1; i <= 4; i++) {
    expect(await attempt(page, user.username, `Wrong${i}2026`), `attempt ${i}`).toContain('用户名或密码错误');
  }
  const fifth = await attempt(page, user.username, 'Wrong52026');
  expect(fifth).toContain('账户已锁定');
  expect(fifth).toContain('密码连续输错 5 次');

  const right = await attempt(page, user.username, DEMO_PASSWORD);
  expect(right).toContain('账户已锁定');
  await expect(page.getByTestId('user-menu')).toHaveCount(0);

  // Other accounts are not affected.
  expect(await attempt(page, DEMO_USERS.jifen.username, DEMO_PASSWORD)).toBeNull();
  await expect(page.getByTestId('user-menu')).toContainText(DEMO_USERS.jifen.displayName);
});

test('the admin sees the lock in 用户管理 and lifts it; the user can then log in', async ({ page, host }) => {
  const user = DEMO_USERS.kuguan;
  await signInAdmin(page, host);
  await navigate(page, '用户管理');
  const users = new Grid(page, 'user-grid', 'users.query');
  await users.loaded();
  const row = users
    .rows()
    .filter({ has: page.locator('[col-id="username"]', { hasText: new RegExp(`^${user.username}$`) }) });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '解除锁定' }).click();
  await expect(page.getByText('已解除锁定')).toBeVisible();
  await expect(row.getByRole('button', { name: '解除锁定' })).toHaveCount(0);

  await logout(page);
  await signIn(page, host, user.username, DEMO_PASSWORD);
  await expect(page.getByTestId('user-menu')).toContainText(user.displayName);
});
