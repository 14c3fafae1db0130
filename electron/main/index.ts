import { app, BrowserWindow, Menu, session } from 'electron';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../backend';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { startIpcHost } from './ipcHost';
import { hardenSession } from './security';
import { createMainWindow } from './window';

/** The data folder: `--data-dir`, else NEIQIN_DATA_DIR, else Electron's userData. */
function dataDir(): string {
  const flag = process.argv.find((a) => a.startsWith('--data-dir='));
  if (flag) return resolve(flag.slice('--data-dir='.length));
  return process.env.NEIQIN_DATA_DIR ? resolve(process.env.NEIQIN_DATA_DIR) : app.getPath('userData');
}

app.setName('Neiqin');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: Backend | null = null;
  let stopIpc: (() => void) | null = null;
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    hardenSession(session.defaultSession);
    serveRenderer(join(import.meta.dirname, '../renderer'));
    // Daily backups while running; before-quit's backend.close() takes the exit backup.
    backend = await createBackend({ dataDir: dataDir(), scheduleBackups: true });
    const preloadDir = join(import.meta.dirname, '../preload');
    window = createMainWindow(preloadDir);
    stopIpc = startIpcHost(backend, window, join(preloadDir, 'index.cjs'));
    window.on('closed', () => {
      stopIpc?.();
      window = null;
    });
  });

  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !backend) return;
    event.preventDefault();
    closing = true;
    void backend.close().finally(() => app.quit());
  });
}
