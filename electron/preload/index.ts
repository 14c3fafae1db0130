/**
 * The bridge: one `window.neiqin` built on Electron IPC. It imports nothing but `electron` (and types), so the
 * window runs sandboxed; the backend validates everything it is sent.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { NeiqinBridge } from '../../shared/contract';

type Reply = { ok: true; value: unknown } | { ok: false; error: unknown };

const unwrap = (reply: Reply) => {
  if (reply.ok) return reply.value;
  throw reply.error;
};

const bridge: NeiqinBridge = {
  host: 'electron',
  invoke: async (channel, input) => unwrap((await ipcRenderer.invoke('neiqin:invoke', channel, input)) as Reply),
  on(event, listener) {
    const handler = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('neiqin:event', handler);
    return () => ipcRenderer.removeListener('neiqin:event', handler);
  },
  saveFile: async (fileId) => unwrap((await ipcRenderer.invoke('neiqin:saveFile', fileId)) as Reply) as { saved: boolean },
  // The file's bytes cross as an ArrayBuffer (structured clone); the main process stores them, never a path.
  uploadFile: async (file, fileName) =>
    unwrap((await ipcRenderer.invoke('neiqin:uploadFile', await file.arrayBuffer(), fileName)) as Reply) as { uploadId: string; size: number },
  printSheet: async (route, mode, fileName) =>
    unwrap((await ipcRenderer.invoke('neiqin:printSheet', route, mode, fileName)) as Reply) as { done: boolean },
  renderPdf: async (route, fileName) => unwrap((await ipcRenderer.invoke('neiqin:renderPdf', route, fileName)) as Reply) as { fileId: string },
};

contextBridge.exposeInMainWorld('neiqin', bridge);
