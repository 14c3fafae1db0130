import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { downloadSheetPdf } from '../e2e/support/pdf';

const run = promisify(execFile);
export const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * A printed sheet as the user gets it: 导出 PDF through the UI, then the first page rendered to PNG with poppler's
 * pdftoppm (docs/screenshots/<name>.png, and <name>.pdf kept beside it for a closer look).
 */
export async function sheetShot(page: Page, sheet: string, name: string, pages = 1): Promise<void> {
  const { bytes } = await downloadSheetPdf(page, sheet);
  const dir = await mkdtemp(join(tmpdir(), 'neiqin-shot-'));
  try {
    const pdf = join(dir, 'sheet.pdf');
    await writeFile(pdf, bytes);
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', String(pages), pdf, join(dir, 'page')]);
    for (let p = 1; p <= pages; p++) {
      const suffix = pages === 1 ? '' : `-p${p}`;
      const candidates = [`page-${p}.png`, `page-0${p}.png`, `page-00${p}.png`];
      for (const c of candidates) {
        const ok = await rename(join(dir, c), join(SCREENSHOTS, `${name}${suffix}.png`)).then(
          () => true,
          () => false,
        );
        if (ok) break;
      }
      console.log(`docs/screenshots/${name}${suffix}.png`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
