/**
 * The frame every screenshot script shares: a browser host with a fresh data folder, Debian's Chromium at
 * 1440×900 in zh-CN, the demo office set up through the first-start screen, login / logout / navigation, and the
 * picture itself. Each script (take.ts, one per area) keeps only its own steps.
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHost, type Host } from '../e2e/support/host';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { SCREENSHOTS } from './pdfShot';

export interface Session {
  page: Page;
  host: Host;
  browser: Browser;
}

/**
 * Runs one script: host and browser up, the page on the host's address, `steps`, then both shut down; a failure
 * is printed and ends the process with exit code 1 (run.ts counts it).
 */
export function runScreenshots(
  steps: (session: Session) => Promise<void>,
  options: { prepare?: (dataDir: string) => Promise<void>; acceptDownloads?: boolean } = {},
): void {
  const main = async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const host = await startHost({ prepare: options.prepare });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
      });
      await page.goto(host.url);
      await steps({ page, host, browser });
    } finally {
      await browser.close();
      await host.stop();
    }
  };
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

export interface ShotStyle {
  /** Put before every name: 'visits-' writes docs/screenshots/visits-<name>.png. */
  prefix?: string;
  /** How long animations (drawers, menus, charts) get to finish before the picture. */
  settleMs?: number;
  /** Move the mouse to the corner first, so no hover highlight or tooltip shows. */
  mouseAway?: boolean;
  /** Wait for a toast of the previous step to go: it would cover the page title. */
  waitForToasts?: boolean;
}

/** The script's `shot(name, part?)`: the whole window, or one part of the page (a card, a dialog). */
export function shooter(page: Page, style: ShotStyle = {}) {
  return async (name: string, part?: Locator) => {
    if (style.mouseAway) await page.mouse.move(0, 0);
    if (style.waitForToasts)
      await page
        .locator('.ant-message-notice')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
    await page.waitForTimeout(style.settleMs ?? 400);
    const file = `${style.prefix ?? ''}${name}.png`;
    const path = resolve(SCREENSHOTS, file);
    if (part) await part.screenshot({ path });
    else await page.screenshot({ path });
    console.log(`docs/screenshots/${file}`);
  };
}

/**
 * First start: the admin 李建国 (admin / Admin2026) with the demo office. `beforeCreate` runs on the filled form
 * (take.ts photographs it). Loading the demo office takes a while on a busy machine.
 */
export async function createDemoOffice(page: Page, beforeCreate?: () => Promise<void>) {
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('李建国');
  await page.getByLabel('密码', { exact: true }).fill('Admin2026');
  await page.getByLabel('确认密码').fill('Admin2026');
  await page.getByText('同时载入演示数据').click();
  await beforeCreate?.();
  await page.getByRole('button', { name: /创建管理员/ }).click();
  await page.getByTestId('dashboard').waitFor({ timeout: 180_000 });
}

export async function logout(page: Page) {
  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await page.getByLabel('用户名').waitFor();
}

/** Fills the login form, logging the current user out first (take.ts photographs the filled form). */
export async function fillLogin(page: Page, username: string, password = 'Demo2026') {
  if (await page.getByTestId('user-menu').isVisible()) await logout(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
}

/** Logs in (logging the current user out first) and waits for the dashboard. Demo users share one password. */
export async function login(page: Page, username: string, password = 'Demo2026') {
  await fillLogin(page, username, password);
  await page.getByRole('button', { name: '登 录' }).click();
  await page.getByTestId('dashboard').waitFor();
}

/** Clicks a navigation entry by its label (the label alone, not an entry that merely ends with it). */
export const menu = (page: Page, label: string) =>
  page
    .getByTestId('nav')
    .getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) })
    .click();

/** The options of the open antd Select dropdown. */
export const openOptions = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
