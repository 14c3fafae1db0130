import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** A printed sheet's route: `/print/<sheet>/<id>` and nothing else (the host never opens arbitrary pages). */
export const PRINT_ROUTE_RE = /^\/print\/[a-z][a-z-]{0,40}\/[\w-]{1,40}$/;

/**
 * The browser host's stand-in for Electron's hidden print window: the same renderer route, opened in headless
 * Chromium as the same caller (same session), printed to PDF with the sheet's own @page rules.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly baseUrl: () => string) {}

  async render(route: string, auth: { token: string; resume: string }): Promise<Buffer> {
    if (!PRINT_ROUTE_RE.test(route)) throw new Error(`not a print route: ${route}`);
    this.browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const browser = await this.browser;
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      // The bridge reads the token and the caller's resume key from sessionStorage, as after a reload.
      await context.addInitScript(({ token, resume }) => {
        sessionStorage.setItem('neiqin.token', token);
        sessionStorage.setItem('neiqin.resume', resume);
      }, auth);
      const page = await context.newPage();
      await page.goto(`${this.baseUrl()}/#${route}`);
      await page.waitForSelector('body[data-print-ready="1"]', { timeout: 30_000 });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => null);
    this.browser = null;
    await browser?.close();
  }
}
