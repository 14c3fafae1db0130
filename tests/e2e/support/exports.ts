import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

export type ExportItem = '导出为 Excel (.xlsx)' | '导出为 CSV';

/** Hovers 导出, picks a format and returns the downloaded file's bytes and name. */
export async function exportAs(page: Page, item: ExportItem): Promise<{ bytes: Buffer; fileName: string }> {
  await page.getByTestId('export').hover();
  const menuItem = page.getByRole('menuitem', { name: item });
  await expect(menuItem).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem.click()]);
  return { bytes: await readFile(await download.path()), fileName: download.suggestedFilename() };
}

/** The non-empty CRLF lines of a UTF-8 .csv, without its BOM. */
export function csvLines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/**
 * Opens 导出 › 发送到导出目标 › `target` and returns the format's menu item, ready to click. The target's submenu
 * zooms in: a click aimed while it is still moving can land on the page below, which closes the hover menu (a run
 * on 客户资源统计表 hit a grid cell that way), so this waits until the submenu's animations have finished.
 */
export async function targetFormatItem(page: Page, target: string, format: 'Excel (.xlsx)' | 'CSV') {
  await page.getByTestId('export').hover();
  await expect(page.getByText('发送到导出目标')).toBeVisible();
  const targetItem = page.getByRole('menuitem', { name: new RegExp(target) });
  await targetItem.hover();
  // On its way the pointer may cross another target, whose submenu then opens too: take the format from this
  // target's own submenu (antd names a submenu's popup after the item's data-menu-id).
  const popupId = (await targetItem.getAttribute('aria-controls')) ?? `${await targetItem.getAttribute('data-menu-id')}-popup`;
  const item = page.locator(`[id="${popupId}"]`).getByRole('menuitem', { name: format, exact: true });
  await expect(item).toBeVisible();
  await expect
    .poll(() => item.evaluate((el) => (el.closest('.ant-dropdown') ?? el).getAnimations({ subtree: true }).length))
    .toBe(0);
  return item;
}
