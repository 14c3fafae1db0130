/** Messages between the browser bridge and the browser host, over one WebSocket. */
export type ClientMessage =
  | { t: 'hello'; resume: string | null }
  | { t: 'call'; id: number; channel: string; input: unknown }
  | { t: 'download'; id: number; fileId: string }
  | { t: 'pdf'; id: number; route: string; fileName: string };

export type ServerMessage =
  | { t: 'ready'; resume: string }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: { code: string; message: string; details?: unknown } }
  | { t: 'event'; name: string; payload: unknown };

export const WS_PATH = '/__neiqin/ws';
export const BRIDGE_PATH = '/__neiqin/bridge.js';
export const DOWNLOAD_PATH = '/__neiqin/download/';

/** The bridge's uploadFile posts the file's bytes here; token, caller and file name travel in headers. */
export const UPLOAD_PATH = '/__neiqin/upload';
export const UPLOAD_TOKEN_HEADER = 'x-neiqin-token';
export const UPLOAD_CALLER_HEADER = 'x-neiqin-caller';
export const UPLOAD_NAME_HEADER = 'x-neiqin-file-name';
