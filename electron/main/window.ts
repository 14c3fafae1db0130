import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, WEB_PREFERENCES, hardenContents, isSafeExternalUrl } from './security';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '内勤',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(preloadDir, 'index.cjs') },
  });
  hardenContents(window.webContents);
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
