import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';

const run = promisify(execFile);

/** Clicks a sheet's 导出 PDF button (test id `pdf-<sheet>`) and returns the downloaded PDF. */
export async function downloadSheetPdf(page: Page, sheet: string): Promise<{ bytes: Buffer; fileName: string }> {
  const button = page.getByTestId(`pdf-${sheet}`);
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  return { bytes: await readFile(await download.path()), fileName: download.suggestedFilename() };
}

async function withPdfFile<T>(bytes: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'neiqin-pdf-'));
  try {
    const path = join(dir, 'sheet.pdf');
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as poppler's pdftotext reads it (layout kept, so a table row stays on one line). */
export function pdfText(bytes: Buffer): Promise<string> {
  return withPdfFile(bytes, async (path) => (await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])).stdout);
}

/** Page count and page size (points) from pdfinfo. */
export function pdfInfo(bytes: Buffer): Promise<{ pages: number; width: number; height: number }> {
  return withPdfFile(bytes, async (path) => {
    const { stdout } = await run('pdfinfo', [path]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout);
    return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
  });
}

/** Text of the PDF with all white space removed: CJK text laid out in cells is compared without spacing. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');
