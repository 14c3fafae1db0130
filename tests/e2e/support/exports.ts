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
