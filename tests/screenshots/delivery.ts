/**
 * Screenshots of 导出目标 and 导出任务 (docs/screenshots/delivery-*.png): the targets with their live state, the
 * target form with a refused folder and the example path, the export menu with its targets, the outbox with a
 * delivered and a failed job, a job's attempts, the redirect dialog, the dashboard line, a customer card sent as PDF
 * to a target from its print button, and the failed job abandoned with a reason. Run after a build:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/delivery.ts'
 */
import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCREENSHOTS } from './pdfShot';
import { createDemoOffice, menu, runScreenshots, shooter } from './session';

async function nav(page: Page, label: string) {
  await menu(page, label);
  // The navigation is taller than the window: clicking a lower entry scrolls the page; the screens start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** A screenshot of the part of the page around some elements (the export menu over the toolbar). */
async function shotAround(page: Page, name: string, parts: ReturnType<Page['locator']>[]) {
  await page.waitForTimeout(500);
  const scrollY = await page.evaluate(() => window.scrollY);
  const boxes = (await Promise.all(parts.map((l) => l.boundingBox()))).filter((b) => b !== null);
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 420);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) + scrollY - 130);
  const right = Math.min(1440, Math.max(...boxes.map((b) => b.x + b.width)) + 16);
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + scrollY + 200;
  await page.screenshot({ path: resolve(SCREENSHOTS, `delivery-${name}.png`), fullPage: true, clip: { x: left, y: top, width: right - left, height: bottom - top } });
  console.log(`docs/screenshots/delivery-${name}.png`);
}

/** Opens 导出 › 发送到导出目标 › <target> and picks a format. */
async function exportTo(page: Page, target: string, format: 'Excel (.xlsx)' | 'CSV', screenshot?: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('export').hover();
  const submenu = page.getByRole('menuitem', { name: new RegExp(target) });
  await submenu.hover();
  // Only this target's submenu: the pointer may have opened another target's on its way.
  const popupId = (await submenu.getAttribute('aria-controls')) ?? `${await submenu.getAttribute('data-menu-id')}-popup`;
  const item = page.locator(`[id="${popupId}"]`).getByRole('menuitem', { name: format, exact: true });
  await item.waitFor();
  // The submenu zooms in: aimed at mid-animation, the pointer can land on the page below and close the menu.
  await item.evaluate((el) => Promise.all((el.closest('.ant-dropdown') ?? el).getAnimations({ subtree: true }).map((a) => a.finished)));
  await item.hover();
  if (screenshot) await shotAround(page, screenshot, [page.getByTestId('export'), page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').first(), item]);
  await item.click();
  await page.mouse.move(0, 0);
}

runScreenshots(async ({ page }) => {
  const shot = shooter(page, { prefix: 'delivery-', settleMs: 500 });
  const archive = await mkdtemp(join(tmpdir(), 'neiqin-shot-archive-'));
  try {
    await createDemoOffice(page);

    // 导出目标: the demo's two shares, checked now.
    await nav(page, '导出目标');
    await page.getByTestId('target-grid').locator('.ag-row').first().waitFor();
    await page.getByTestId('refresh-targets').click();
    await page.getByText(/已检查 \d+ 个导出目标/).waitFor();

    // A third target, typed first with a relative path (refused as typed), then the right one.
    await page.getByTestId('new-target').click();
    const dialog = page.getByRole('dialog', { name: '新建目标' });
    await dialog.getByLabel('名称', { exact: true }).fill('本机归档');
    await dialog.getByLabel('文件夹', { exact: true }).fill('归档\\台账');
    await dialog.getByText('请填写完整路径').waitFor();
    await dialog.getByLabel('子文件夹规则').fill('{yyyy}年/{register}');
    await shot('target-form');
    await dialog.getByLabel('文件夹', { exact: true }).fill(archive);
    await dialog.getByRole('button', { name: '保 存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已保存导出目标“本机归档”').waitFor();
    await page.mouse.move(0, 0);
    await shot('targets');

    // The customer register to the department share (delivered) and to the finance share (unreachable).
    await nav(page, '客户台账');
    await page.getByTestId('customer-grid').locator('.ag-row').first().waitFor();
    await exportTo(page, '营销部共享盘', 'Excel (.xlsx)', 'export-menu');
    await page.getByText(/已送达“营销部共享盘”/).waitFor();
    await exportTo(page, '财务部共享盘', 'CSV');
    await page.getByText(/暂未送达“财务部共享盘”/).waitFor();
    await shot('export-failed');
    await page.getByText(/暂未送达“财务部共享盘”/).waitFor({ state: 'detached', timeout: 15_000 });

    await nav(page, '导出任务');
    const jobs = page.getByTestId('job-grid');
    await jobs.locator('.ag-row').first().waitFor();
    await shot('jobs');
    const failed = jobs.locator('.ag-row').filter({ has: page.getByTestId('job-state-failed') }).first();
    const failedId = await failed.getAttribute('row-id');
    await page.getByTestId(`attempts-job-${failedId}`).click();
    await page.getByTestId('attempts').locator('.ant-table-row').first().waitFor();
    await shot('attempts');
    await page.keyboard.press('Escape');
    await page.getByTestId(`redirect-job-${failedId}`).click();
    await page.getByTestId('redirect-target').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '本机归档' }).click();
    await shot('redirect');
    await page.getByRole('button', { name: '取 消' }).click();

    await nav(page, '工作台');
    await page.getByTestId('today-delivery.failed').waitFor();
    await shot('dashboard');

    // A customer card sent as PDF to a target from its print button.
    await nav(page, '客户台账');
    await page.getByTestId('customer-grid').locator('.ag-row').first().dblclick();
    await page.getByTestId('pdf-send-customer-card').click();
    const pdfTarget = page.getByRole('menuitem', { name: /营销部共享盘/ });
    await pdfTarget.hover();
    await shotAround(page, 'pdf-send', [page.getByTestId('pdf-send-customer-card'), page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').first()]);
    await pdfTarget.click();
    await page.getByText(/客户卡_.+已送达“营销部共享盘”/).waitFor();

    // 放弃: the job that cannot reach the finance share is given up, with a reason (once the PDF's messages are gone).
    await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 20_000 });
    await nav(page, '导出任务');
    await jobs.locator('.ag-row').first().waitFor();
    await page.getByTestId(`abandon-job-${failedId}`).click();
    const abandon = page.getByRole('dialog', { name: /放弃发送/ });
    await abandon.getByTestId('abandon-reason').fill('财务部共享盘已撤销，本月报表改由邮件报送');
    await shot('abandon');
    await abandon.getByTestId('abandon-ok').click();
    await page.getByText(/^已放弃“/).waitFor();
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0, undefined, { timeout: 20_000 });
    await shot('jobs-abandoned');
    // 未送达 keeps the abandoned job in sight beside the waiting ones: nothing that did not arrive hides.
    await page.getByTestId('job-state-filter').getByText('未送达').click();
    await jobs.locator('.ag-row').filter({ has: page.getByTestId('job-state-abandoned') }).waitFor();
    await shot('jobs-undelivered');
  } finally {
    await rm(archive, { recursive: true, force: true });
  }
});
