import { copyFile } from 'node:fs/promises';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Backend, Caller } from '../backend';
import { isAppUrl } from './security';
import { printSheet, renderSheetPdf } from './printing';

export const IPC = {
  invoke: 'neiqin:invoke',
  saveFile: 'neiqin:saveFile',
  printSheet: 'neiqin:printSheet',
  renderPdf: 'neiqin:renderPdf',
  uploadFile: 'neiqin:uploadFile',
  event: 'neiqin:event',
} as const;

/**
 * Carries the contract between the window and the backend. Messages are accepted only from the app's own
 * window showing the app's own page, and from the hidden print windows it opens; the window is one caller
 * (one session) and its print windows act as that same caller.
 */
export function startIpcHost(backend: Backend, window: BrowserWindow, preload: string): () => void {
  const caller: Caller = { sessionId: null };
  const senders = new Set<WebContents>([window.webContents]);
  const trusted = (event: IpcMainInvokeEvent) => senders.has(event.sender) && event.senderFrame !== null && isAppUrl(event.senderFrame.url);
  const refuse = { code: 'FORBIDDEN', message: 'errors.forbidden' };
  const adopt = (contents: WebContents) => {
    senders.add(contents);
    return () => senders.delete(contents);
  };

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

  ipcMain.handle(IPC.uploadFile, async (event, bytes: unknown, fileName: unknown) => {
    if (!trusted(event)) throw refuse;
    if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) return { ok: false, error: { code: 'VALIDATION', message: 'errors.validation' } };
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      // The backend enforces the size limit and keeps the file for this window's user only.
      return { ok: true, value: await backend.acceptUpload(caller, String(fileName), (async function* () { yield data; })()) };
    } catch (error) {
      return { ok: false, error };
    }
  });

  ipcMain.handle(IPC.printSheet, async (event, route: unknown, mode: unknown, fileName: unknown) => {
    if (event.sender !== window.webContents || !trusted(event)) throw refuse;
    try {
      const done = await printSheet(window, preload, { route: String(route), mode: mode === 'pdf' ? 'pdf' : 'print', fileName: String(fileName) }, adopt);
      return { ok: true, value: { done } };
    } catch (error) {
      backend.log.error('printing failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'print.renderFailed' } };
    }
  });

  // 发送到导出目标 for a sheet: rendered here, kept by the backend for this window's caller; the renderer then
  // sends the returned id through delivery.files.send (the same outbox as exports; the path never leaves main).
  ipcMain.handle(IPC.renderPdf, async (event, route: unknown, fileName: unknown) => {
    if (event.sender !== window.webContents || !trusted(event)) throw refuse;
    try {
      const pdf = await renderSheetPdf(window, preload, String(route), adopt);
      const fileId = await backend.keepFile(caller, String(fileName), pdf);
      return fileId ? { ok: true, value: { fileId } } : { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.auth.required' } };
    } catch (error) {
      backend.log.error('rendering a sheet to PDF failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'print.renderFailed' } };
    }
  });

  const unsubscribe = backend.events.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC.event, name, payload);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeHandler(IPC.saveFile);
    ipcMain.removeHandler(IPC.printSheet);
    ipcMain.removeHandler(IPC.renderPdf);
    ipcMain.removeHandler(IPC.uploadFile);
    backend.endSession(caller);
  };
}
