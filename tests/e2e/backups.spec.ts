import { copyFile, mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { ADMIN, DEMO_PASSWORD, DEMO_USERS, logout, navigate, openApp, submitLogin } from './support/app';
import { Grid, customerGrid } from './support/grid';
import { createCustomer, openCustomerList, quickSearch } from './support/customers';
import { startHost } from './support/host';

/**
 * Issue 4 item 5 — 备份与恢复: a backup run from the page, data changed, the backup restored, everyone logs in
 * again and the data is back; then a damaged database opens the recovery screen, which restores the newest good
 * backup.
 */
test.use({ setup: 'demo' });
test.describe.configure({ mode: 'serial' });

const BEFORE = { code: 'E2E-BK01', name: '备份前登记的商行' };
const AFTER = { code: 'E2E-BK02', name: '备份后登记的商行' };
let backupsFolder = '';

const backupsGrid = (page: Page) => new Grid(page, 'backups-grid', 'backups.query');

async function openBackups(page: Page) {
  await navigate(page, '备份与恢复');
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await backupsGrid(page).loaded();
}

async function searchCustomers(page: Page, text: string): Promise<string[]> {
  await openCustomerList(page);
  await quickSearch(page, text);
  return customerGrid(page).columnTexts('name');
}

test('backup from the page, change data, restore it: everyone logs in again and the data is back', async ({
  page,
  host,
}) => {
  backupsFolder = join(host.dataDir, 'backups');
  await openApp(page, host);
  await submitLogin(page, DEMO_USERS.neiqin.username, DEMO_PASSWORD);
  await createCustomer(page, BEFORE);
  await logout(page);

  // The admin backs up by hand: progress, then the result; the log lists the copy as good.
  await submitLogin(page, ADMIN.username, ADMIN.password);
  await openBackups(page);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-done')).toContainText(
    /备份完成neiqin_\d{4}-\d{2}-\d{2}_\d{6}\.db（已通过完整性检查）/,
    { timeout: 30_000 },
  );
  const name = /neiqin_[\d_-]+\.db/.exec((await page.getByTestId('backup-done').textContent())!)![0];
  await page.getByTestId('backup-close').click();
  const grid = backupsGrid(page);
  await expect(grid.rows().first()).toContainText(name);
  await expect(grid.cell(0, 'kind')).toHaveText('手动备份');
  await expect(grid.cell(0, 'check')).toHaveText('完好');
  await expect(page.getByTestId('last-good')).toContainText('手动备份');

  // Data changes after the backup.
  await createCustomer(page, AFTER);
  expect(await searchCustomers(page, 'E2E-BK0')).toEqual(expect.arrayContaining([BEFORE.name, AFTER.name]));

  // Restore: the dialog says what will happen; afterwards the admin logs in again.
  await openBackups(page);
  await page.getByTestId(`restore-${name}`).click();
  await expect(page.getByTestId('restore-intro')).toContainText('当前数据库会另存为“恢复前保留”备份');
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-done')).toContainText(`已恢复为 ${name}`, { timeout: 60_000 });
  await expect(page.getByTestId('restore-done')).toContainText(/原数据库已另存为 pre-restore_/);
  await page.getByTestId('restore-relogin').click();
  await expect(page.getByRole('button', { name: '登 录' })).toBeVisible();
  await submitLogin(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // The data is the backup's: the first customer is there, the later one is not.
  expect(await searchCustomers(page, 'E2E-BK0')).toEqual([BEFORE.name]);
  // The log shows the copy kept before the restore.
  await openBackups(page);
  await expect(grid.root).toContainText('恢复前保留');
});

/** Overwrites pages in the middle of a real database file with garbage, as a failing disk would. */
async function damage(file: string) {
  const { size } = await stat(file);
  const pages = Math.floor(size / 4096);
  const handle = await open(file, 'r+');
  try {
    const garbage = Buffer.alloc(4096, 0xa5);
    for (let p = Math.floor(pages / 3); p < Math.floor((2 * pages) / 3); p++)
      await handle.write(garbage, 0, 4096, p * 4096);
  } finally {
    await handle.close();
  }
}

test('a damaged database opens the recovery screen, which restores the newest good backup', async ({
  page,
}) => {
  // A second host on a prepared folder: the first host's backups, and a damaged copy as the database.
  const recoveryHost = await startHost({
    prepare: async (dir) => {
      const target = join(dir, 'backups');
      await mkdir(target, { recursive: true });
      const names = await readdir(backupsFolder);
      for (const n of names.filter((f) => f === 'backup-log.json' || /^(neiqin|pre-restore)_.*\.db$/.test(f)))
        await copyFile(join(backupsFolder, n), join(target, n));
      const good = names.filter((f) => /^neiqin_.*\.db$/.test(f)).sort()[0]!;
      await copyFile(join(backupsFolder, good), join(dir, 'neiqin.sqlite'));
      await damage(join(dir, 'neiqin.sqlite'));
    },
  });
  try {
    await openApp(page, recoveryHost);
    await expect(page.getByText('恢复模式', { exact: true })).toBeVisible();
    await expect(page.getByTestId('recovery-intro')).toContainText('启动检查发现数据库已损坏');
    // The newest good copy is offered.
    await expect(page.getByTestId('recovery-backup')).toContainText('（最新）');

    await page.getByLabel('管理员用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill('WrongPass1');
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByText('用户名或密码错误')).toBeVisible();

    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByTestId('recovery-restore').click();
    await expect(page.getByTestId('recovery-done')).toContainText(/损坏的文件已另存为 damaged_/, {
      timeout: 60_000,
    });
    await page.getByTestId('recovery-login').click();
    await submitLogin(page, ADMIN.username, ADMIN.password);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    expect(await searchCustomers(page, 'E2E-BK0')).toEqual([BEFORE.name]);

    const errors = await recoveryHost.logErrors();
    expect(errors.map((e) => e.split('\n')[0]!.replace(/^\S+ ERROR /, ''))).toEqual([
      expect.stringMatching(/^The database failed its start-up check: recovery mode/),
    ]);
  } finally {
    await recoveryHost.stop();
  }
});
