/**
 * The browser host's `window.neiqin`: the same bridge the Electron preload exposes, carried over a WebSocket
 * to 127.0.0.1. Loaded before the app; the renderer cannot tell the two apart.
 */
import type { NeiqinBridge } from '@shared/contract';
import {
  UPLOAD_CALLER_HEADER,
  UPLOAD_NAME_HEADER,
  UPLOAD_PATH,
  UPLOAD_TOKEN_HEADER,
  WS_PATH,
  type ClientMessage,
  type ServerMessage,
} from './protocol';

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
    async uploadFile(file, fileName) {
      // The socket's hello registers this tab as a caller (its resume key): the file belongs to that session.
      await connect();
      let response: Response;
      try {
        response = await fetch(UPLOAD_PATH, {
          method: 'POST',
          body: file,
          cache: 'no-store',
          headers: {
            'Content-Type': 'application/octet-stream',
            [UPLOAD_TOKEN_HEADER]: token,
            [UPLOAD_CALLER_HEADER]: sessionStorage.getItem(RESUME_KEY) ?? '',
            [UPLOAD_NAME_HEADER]: encodeURIComponent(fileName),
          },
        });
      } catch {
        throw networkError;
      }
      const reply = (await response.json().catch(() => null)) as
        | { ok: true; value: { uploadId: string; size: number } }
        | { ok: false; error: unknown }
        | null;
      if (reply?.ok) return reply.value;
      throw reply?.error ?? networkError;
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
    async renderPdf(route, fileName) {
      return (await request((id) => ({ t: 'pdf', id, route, fileName }))) as { fileId: string };
    },
    async printSheet(route, mode, fileName) {
      if (mode === 'pdf') {
        const { fileId } = (await request((id) => ({ t: 'pdf', id, route, fileName }))) as { fileId: string };
        await bridge.saveFile(fileId, fileName);
        return { done: true };
      }
      await printInFrame(route);
      return { done: true };
    },
  };

  /**
   * The browser's own print dialog for a sheet: a hidden same-origin frame loads the route (it shares this tab's
   * sessionStorage, so its bridge resumes the same session) and prints once the sheet says it is ready.
   */
  function printInFrame(route: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('aria-hidden', 'true');
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
      frame.src = `${location.pathname}#${route}`;
      const started = Date.now();
      const poll = () => {
        const doc = frame.contentDocument;
        if (doc?.body?.dataset.printReady === '1') {
          frame.contentWindow!.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
          frame.contentWindow!.print();
          resolve();
        } else if (Date.now() - started > 30_000) {
          frame.remove();
          reject({ code: 'UNAVAILABLE', message: 'print.renderFailed' });
        } else {
          setTimeout(poll, 100);
        }
      };
      document.body.appendChild(frame);
      poll();
    });
  }
  Object.defineProperty(window, 'neiqin', { value: Object.freeze(bridge), writable: false, configurable: false });
  void connect().catch(() => undefined);
})();
