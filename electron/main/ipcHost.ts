import { copyFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Backend, Caller } from '../backend';
import { isAppUrl } from './security';

export const IPC = { invoke: 'neiqin:invoke', saveFile: 'neiqin:saveFile', event: 'neiqin:event' } as const;

/**
 * Carries the contract between the window and the backend. Messages are accepted only from the app's own
 * window showing the app's own page; each window is one caller (one session).
 */
export function startIpcHost(backend: Backend, window: BrowserWindow): () => void {
  const caller: Caller = { sessionId: null };
  const trusted = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && isAppUrl(event.senderFrame.url);
  const refuse = { code: 'FORBIDDEN', message: 'errors.forbidden' };

  ipcMain.handle(IPC.invoke, async (event, channel: unknown, input: unknown) => {
    if (!trusted(event)) throw refuse;
    try {
      return { ok: true, value: await backend.invoke(caller, String(channel), input) };
    } catch (error) {
      // Electron only keeps the message of thrown errors; the structured error travels as a value.
      return { ok: false, error };
    }
  });

  ipcMain.handle(IPC.saveFile, async (event, fileId: unknown) => {
    if (!trusted(event)) throw refuse;
    const file = backend.exportedFile(caller, String(fileId));
    if (!file) return { ok: false, error: { code: 'NOT_FOUND', message: 'errors.files.notFound' } };
    const choice = await dialog.showSaveDialog(window, { defaultPath: file.fileName });
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    await copyFile(file.path, choice.filePath);
    return { ok: true, value: { saved: true } };
  });

  const unsubscribe = backend.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC.event, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeHandler(IPC.saveFile);
    backend.endSession(caller);
  };
}
