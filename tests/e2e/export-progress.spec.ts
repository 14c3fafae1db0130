import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { rowCount, signInDemo } from './support/app';
import { openCustomerList } from './support/customers';
import { exportAs } from './support/exports';
import { ROOT } from './support/host';
import { customerGrid } from './support/grid';

/**
 * Issue 4 item 6 — long work shows a progress bar and can be cancelled: an export of some 40,000 customers shows
 * 正在导出 with rows written of the total, 取消 stops it (no download, no file left in the backend), and a
 * normal export works afterwards.
 */
test.use({ setup: 'demo' });

const EXTRA_CUSTOMERS = 40_000;

/** Adds generated customers to the running host's database with the seed CLI (SQLite's WAL lets both write). */
function seedCustomers(dataDir: string, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/seed.ts', '--customers', String(count), '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (errors += c));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}: ${errors}`))));
  });
}

/** Export folders that still hold a file (ExportFiles keeps one folder per export). */
async function exportFilesLeft(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'exports');
  const folders = await readdir(dir).catch(() => [] as string[]);
  const left: string[] = [];
  for (const f of folders) left.push(...(await readdir(join(dir, f)).catch(() => [] as string[])).map((n) => `${f}/${n}`));
  return left;
}

test('a large export shows its progress and 取消 stops it; a normal export still works', async ({ page, host }, testInfo) => {
  test.setTimeout(240_000);
  await seedCustomers(host.dataDir, EXTRA_CUSTOMERS);
  await signInDemo(page, host, 'neiqin');
  await openCustomerList(page);
  const total = await rowCount(page);
  expect(total).toBeGreaterThan(EXTRA_CUSTOMERS);

  let downloads = 0;
  page.on('download', () => downloads++);
  const filesBefore = await exportFilesLeft(host.dataDir);

  await page.getByTestId('export').hover();
  await page.getByRole('menuitem', { name: '导出为 Excel (.xlsx)' }).click();
  const dialog = page.getByRole('dialog', { name: '正在导出：客户档案台账' });
  await expect(dialog).toBeVisible();
  // Rows written of the view's rows, as the worker writes them.
  await expect(dialog.getByTestId('export-progress-rows')).toHaveText(
    new RegExp(`^已写入 [1-9][\\d,]* / ${total.toLocaleString('en-US')} 行$`),
    { timeout: 60_000 },
  );
  await expect(dialog.locator('.ant-progress')).toBeVisible();
  // The dialog as the user sees it (docs/screenshots/export-progress.png is taken with NEIQIN_EXPORT_PROGRESS_PNG=path).
  const shot = await dialog.screenshot(process.env.NEIQIN_EXPORT_PROGRESS_PNG ? { path: process.env.NEIQIN_EXPORT_PROGRESS_PNG } : {});
  await testInfo.attach('export-progress.png', { body: shot, contentType: 'image/png' });

  await dialog.getByTestId('export-cancel').click();
  await expect(page.getByText('导出已取消，没有生成文件')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('export')).toBeEnabled();
  expect(downloads).toBe(0);
  expect(await exportFilesLeft(host.dataDir)).toEqual(filesBefore);

  // A normal export afterwards: a small view, straight to the download.
  const grid = customerGrid(page);
  await grid.filterText('name', '超市');
  const n = await rowCount(page);
  expect(n).toBeGreaterThan(0);
  const csv = await exportAs(page, '导出为 CSV');
  expect(csv.fileName).toMatch(/^客户档案台账_.*\.csv$/);
  await expect(page.getByText(new RegExp(`已导出 ${n} 行`))).toBeVisible();
});
