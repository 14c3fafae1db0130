import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installedElectron } from '../../electron/cli/electronBinary.mjs';

const binary = installedElectron();
const SKIP_REASON =
  'Electron binary not installed on this machine (it cannot be downloaded here); the same app is covered in Chromium by tests/e2e through the browser host';

test.describe('the Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'neiqin-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [resolve('out/main/index.js'), `--data-dir=${dataDir}`],
      env: { ...process.env, NEIQIN_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('runs sandboxed with the bridge and no Node in the page', async () => {
    expect(await page.evaluate(() => typeof (window as unknown as { neiqin?: unknown }).neiqin)).toBe('object');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(page.url()).toMatch(/^app:\/\/neiqin\//);
  });

  test('first start, login and the customer grid', async () => {
    await expect(page.getByText('首次启动：创建管理员账户')).toBeVisible();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('李建国');
    await page.getByLabel('密码', { exact: true }).fill('Admin2026');
    await page.getByLabel('确认密码').fill('Admin2026');
    await page.getByText('同时载入演示数据').click();
    await page.getByRole('button', { name: /创建管理员/ }).click();
    await expect(page.getByTestId('dashboard')).toBeVisible({ timeout: 60_000 });

    await page.getByTestId('user-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByLabel('用户名').fill('neiqin');
    await page.getByLabel('密码').fill('Demo2026');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByRole('menuitem', { name: '客户台账' }).click();
    await expect(page.getByTestId('row-count')).toContainText('2');
    await expect(page.locator('.ag-row').first()).toBeVisible();
  });

  test('navigation away and window.open are blocked', async () => {
    const before = page.url();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
  });
});
