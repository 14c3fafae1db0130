/**
 * The browser host's `window.neiqin`: the same bridge the Electron preload exposes, carried over a WebSocket
 * to 127.0.0.1. Loaded before the app; the renderer cannot tell the two apart.
 */
import type { NeiqinBridge } from '@shared/contract';
import { WS_PATH, type ClientMessage, type ServerMessage } from './protocol';

type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

(() => {
  const TOKEN_KEY = 'neiqin.token';
  const RESUME_KEY = 'neiqin.resume';
  /** Takes the token from the URL fragment (the printed URL) and removes it from the address bar. */
  const takeToken = (): boolean => {
    const hashToken = new URLSearchParams(location.hash.slice(1)).get('token');
    if (!hashToken) return false;
    sessionStorage.setItem(TOKEN_KEY, hashToken);
    history.replaceState(null, '', location.pathname + location.search);
    return true;
  };
  takeToken();
  // Opening the printed URL again in the same tab only changes the fragment: start afresh with it.
  window.addEventListener('hashchange', () => {
    if (takeToken()) location.reload();
  });
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';

  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let ready: Promise<WebSocket> | null = null;
  let retry = 0;

  const networkError = { code: 'UNAVAILABLE', message: 'errors.network' };

  function connect(): Promise<WebSocket> {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`);
      let opened = false;
      ws.onopen = () => send(ws, { t: 'hello', resume: sessionStorage.getItem(RESUME_KEY) });
      ws.onmessage = (event) => {
        const msg = JSON.parse(String(event.data)) as ServerMessage;
        if (msg.t === 'ready') {
          sessionStorage.setItem(RESUME_KEY, msg.resume);
          opened = true;
          retry = 0;
          resolve(ws);
        } else if (msg.t === 'result') {
          const p = pending.get(msg.id);
          pending.delete(msg.id);
          if (!p) return;
          if (msg.ok) p.resolve(msg.value);
          else p.reject(msg.error);
        } else if (msg.t === 'event') {
          listeners.get(msg.name)?.forEach((l) => l(msg.payload));
        }
      };
      ws.onclose = () => {
        ready = null;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject(networkError);
        }
        if (!opened) reject(networkError);
        // Reconnect in the background so events keep flowing; calls reconnect on demand anyway.
        const delay = Math.min(10_000, 500 * 2 ** retry++);
        setTimeout(() => void connect().catch(() => undefined), delay);
      };
    });
    return ready;
  }

  function send(ws: WebSocket, msg: ClientMessage) {
    ws.send(JSON.stringify(msg));
  }

  function request(build: (id: number) => ClientMessage): Promise<unknown> {
    return connect().then(
      (ws) =>
        new Promise((resolve, reject) => {
          const msg = build(nextId++);
          pending.set((msg as { id: number }).id, { resolve, reject });
          send(ws, msg);
        }),
    );
  }

  const bridge: NeiqinBridge = {
    host: 'browser',
    invoke: (channel, input) => request((id) => ({ t: 'call', id, channel, input })),
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    async saveFile(fileId, fileName) {
      const { url } = (await request((id) => ({ t: 'download', id, fileId }))) as { url: string };
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      return { saved: true };
    },
  };
  Object.defineProperty(window, 'neiqin', { value: Object.freeze(bridge), writable: false, configurable: false });
  void connect().catch(() => undefined);
})();
