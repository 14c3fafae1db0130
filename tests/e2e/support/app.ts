import { expect, type Locator, type Page } from '@playwright/test';
import type { Host } from './host';

/** The admin account every spec creates on first start. */
export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Admin2026' } as const;

/** The demo office's users (electron/backend/demo/demoOffice.ts); all share one password. */
export const DEMO_PASSWORD = 'Demo2026';
export const DEMO_USERS = {
  neiqin: { username: 'neiqin', displayName: '陈静' }, // clerk, project staff
  wangli: { username: 'wangli', displayName: '王丽' }, // clerk, NOT project staff
  kuguan: { username: 'kuguan', displayName: '刘强' },
  jifen: { username: 'jifen', displayName: '赵敏' },
  zhuguan: { username: 'zhuguan', displayName: '孙建华' }, // supervisor, project staff
  jingli: { username: 'jingli', displayName: '周国庆' },
  pingshen: { username: 'pingshen', displayName: '吴晓东' },
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

/** The demo office has 2,000 customers; loading it takes a few seconds on a slow machine. */
const SETUP_TIMEOUT = 60_000;

/** Loads the app from the host's URL (with its token), as a fresh document. */
export async function openApp(page: Page, host: Host): Promise<void> {
  // Going to the same URL with only a new hash would not reload the page: the bridge would not read the token and
  // the hash router would see "#token=…" as a route.
  if (new URL(page.url()).origin === new URL(host.url).origin) await page.goto('about:blank');
  await page.goto(host.url);
}

export interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  demo?: boolean;
}

/** Fills the first-start form (首次启动：创建管理员账户) without submitting it. */
export async function fillSetupForm(page: Page, v: SetupValues): Promise<void> {
  await expect(page.getByText('首次启动：创建管理员账户')).toBeVisible();
  await page.getByLabel('用户名').fill(v.username);
  await page.getByLabel('姓名').fill(v.displayName);
  await page.getByLabel('密码', { exact: true }).fill(v.password);
  await page.getByLabel('确认密码').fill(v.confirm);
  const demo = page.getByRole('checkbox', { name: '同时载入演示数据' });
  if (Boolean(v.demo) !== (await demo.isChecked())) await demo.click();
}

/** First start through the UI: the admin account, optionally with the demo office; ends on the dashboard. */
export async function completeSetup(page: Page, host: Host, options: { demo: boolean }): Promise<void> {
  await openApp(page, host);
  await fillSetupForm(page, { ...ADMIN, confirm: ADMIN.password, demo: options.demo });
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: SETUP_TIMEOUT });
  await expect(page.getByTestId('user-menu')).toContainText(ADMIN.displayName);
}

/** Types into the login form and presses 登录 (antd shows it as "登 录"). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
}

/** Opens the app in this page and logs in; ends in the app shell (the dashboard). */
export async function signIn(page: Page, host: Host, username: string, password: string): Promise<void> {
  await openApp(page, host);
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
  await submitLogin(page, username, password);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export const signInAdmin = (page: Page, host: Host) => signIn(page, host, ADMIN.username, ADMIN.password);
export const signInDemo = (page: Page, host: Host, user: DemoUser) =>
  signIn(page, host, DEMO_USERS[user].username, DEMO_PASSWORD);

/**
 * Moves the mouse out of the top-right corner. The user menu opens on hover, and the drawer's 保存 and the detail
 * page's buttons sit right under it: a pointer left there opens the menu over them.
 */
export async function restPointer(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
}

/** Logs out through the user menu; ends on the login screen. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
  await restPointer(page);
}

/** An entry of the left navigation (its accessible name starts with the icon's name, e.g. "user 用户管理"). */
export function navItem(page: Page, label: string): Locator {
  return page.getByTestId('nav').getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) });
}

/** Clicks an entry of the left navigation, e.g. '客户台账' or '用户管理'. */
export async function navigate(page: Page, label: string): Promise<void> {
  await navItem(page, label).click();
}

/** "共 1,618 条" → 1618 (null while the grid has not reported a count yet). */
export function parseRowCount(text: string | null): number | null {
  const m = /共\s*([\d,]+)\s*条/.exec(text ?? '');
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

/** The row count the page shows next to its grid, once the grid has loaded. */
export async function rowCount(page: Page): Promise<number> {
  const counter = page.getByTestId('row-count');
  await expect(counter).toHaveText(/共\s*[\d,]+\s*条/);
  return parseRowCount(await counter.textContent())!;
}

/** Today minus `days` as YYYY-MM-DD in local time (the browser and the host run on this machine's clock). */
export function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The options of the open Ant Design Select dropdown, once its opening slide has ended: a click while the list
 * still moves can land as a mere hover and leave the filter unchanged (a CI run lost a test to it).
 */
export function openOptions(page: Page): Locator {
  return page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-enter):not(.ant-slide-up-appear):not(.ant-slide-down-enter):not(.ant-slide-down-appear)',
    )
    .locator('.ant-select-item-option');
}

/** Opens an Ant Design Select and clicks the option whose text matches (for selects without typing). */
export async function pickOption(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  await openOptions(page).filter({ hasText: text }).first().click();
}

/**
 * Picks an option of an Ant Design Select by typing to search and clicking the option that contains `text`;
 * returns the option's full label.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<string> {
  await select.click();
  await select.fill(text);
  const option = openOptions(page).filter({ hasText: text }).first();
  const label = (await option.getAttribute('title')) ?? (await option.textContent()) ?? '';
  await option.click();
  return label;
}

/** Types a date into an Ant Design DatePicker and confirms it. */
export async function typeDate(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
  await expect(input).toHaveValue(iso);
}

/** The error message shown under a form field, found by the field's label. */
export function fieldError(scope: Locator, label: string): Locator {
  return scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator(`label:text-is("${label}")`) })
    .locator('.ant-form-item-explain-error');
}
