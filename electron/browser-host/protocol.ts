/** Messages between the browser bridge and the browser host, over one WebSocket. */
export type ClientMessage =
  | { t: 'hello'; resume: string | null }
  | { t: 'call'; id: number; channel: string; input: unknown }
  | { t: 'download'; id: number; fileId: string };

export type ServerMessage =
  | { t: 'ready'; resume: string }
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: { code: string; message: string; details?: unknown } }
  | { t: 'event'; name: string; payload: unknown };

export const WS_PATH = '/__neiqin/ws';
export const BRIDGE_PATH = '/__neiqin/bridge.js';
export const DOWNLOAD_PATH = '/__neiqin/download/';
