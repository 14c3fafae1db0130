import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { APP_ORIGIN, WEB_PREFERENCES, hardenContents } from './security';

/** A printed sheet's route: `/print/<sheet>/<id>` and nothing else. */
export const PRINT_ROUTE_RE = /^\/print\/[a-z][a-z-]{0,40}\/[\w-]{1,40}$/;

export interface PrintRequest {
  route: string;
  mode: 'print' | 'pdf';
  fileName: string;
}

/**
 * Renders a sheet in a hidden window (the same preload, so it talks to the backend as the parent's caller —
 * see ipcHost's `adopt`) and either prints it (the system print dialog) or saves `printToPDF` through a save
 * dialog. Returns false when the user cancelled.
 */
export async function printSheet(
  parent: BrowserWindow,
  preload: string,
  request: PrintRequest,
  adopt: (contents: Electron.WebContents) => () => void,
): Promise<boolean> {
  if (!PRINT_ROUTE_RE.test(request.route)) throw new Error(`not a print route: ${request.route}`);
  const sheet = new BrowserWindow({ show: false, parent, webPreferences: { ...WEB_PREFERENCES, preload } });
  hardenContents(sheet.webContents);
  const release = adopt(sheet.webContents);
  try {
    await sheet.loadURL(`${APP_ORIGIN}/index.html#${request.route}`);
    await waitUntilReady(sheet);
    if (request.mode === 'print') {
      return await new Promise<boolean>((resolve, reject) =>
        sheet.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
          ok || reason === 'cancelled' ? resolve(ok) : reject(new Error(reason)),
        ),
      );
    }
    const pdf = await sheet.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    const choice = await dialog.showSaveDialog(parent, { defaultPath: request.fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return false;
    await writeFile(choice.filePath, pdf);
    return true;
  } finally {
    release();
    sheet.destroy();
  }
}

/**
 * Renders a sheet to PDF bytes in a hidden window, as printSheet's 'pdf' mode does but without a save dialog:
 * the caller hands the bytes to the backend (keepFile) so the PDF can go to an export target.
 */
export async function renderSheetPdf(
  parent: BrowserWindow,
  preload: string,
  route: string,
  adopt: (contents: Electron.WebContents) => () => void,
): Promise<Buffer> {
  if (!PRINT_ROUTE_RE.test(route)) throw new Error(`not a print route: ${route}`);
  const sheet = new BrowserWindow({ show: false, parent, webPreferences: { ...WEB_PREFERENCES, preload } });
  hardenContents(sheet.webContents);
  const release = adopt(sheet.webContents);
  try {
    await sheet.loadURL(`${APP_ORIGIN}/index.html#${route}`);
    await waitUntilReady(sheet);
    return await sheet.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    release();
    sheet.destroy();
  }
}

/** The sheet sets body[data-print-ready] once its data is on the page. */
async function waitUntilReady(sheet: BrowserWindow, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const ready = (await sheet.webContents.executeJavaScript('document.body.dataset.printReady === "1"')) as boolean;
    if (ready) {
      await sheet.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      return;
    }
    if (Date.now() - started > timeoutMs) throw new Error('the sheet did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}
