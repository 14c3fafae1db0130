import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { build } from 'esbuild';
import type { Backend, Caller } from '../backend';
import { BRIDGE_PATH, DOWNLOAD_PATH, UPLOAD_PATH, WS_PATH, type ClientMessage, type ServerMessage } from './protocol';
import { handleUpload } from './upload';
import { PdfRenderer, PRINT_ROUTE_RE } from './pdf';

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The same policy as the Electron window, plus the loopback socket. */
function csp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "frame-ancestors 'self'", // the print frame (bridge.ts printInFrame)
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./bridge.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Development and test host: the backend in this Node process, the built renderer on 127.0.0.1, the contract
 * over a WebSocket guarded by a random token. Loopback only; never part of the packaged app.
 */
export async function startBrowserHost(options: { backend: Backend; rendererDir: string; port?: number; token?: string }): Promise<BrowserHost> {
  const { backend } = options;
  const rendererDir = resolve(options.rendererDir);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bridgeJs = await bundleBridge();
  // Read on every request: a rebuild of the renderer is picked up without restarting the host.
  const indexHtml = async () =>
    (await readFile(join(rendererDir, 'index.html'), 'utf8')).replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
  await indexHtml();
  const callers = new Map<string, Caller>();
  const downloads = new Map<string, { path: string; fileName: string; expires: number }>();
  let port = 0;
  const pdf = new PdfRenderer(() => `http://127.0.0.1:${port}`);

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const headers = { 'Content-Security-Policy': csp(port), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.html']!, 'Cache-Control': 'no-store' });
      res.end(await indexHtml());
      return;
    }
    if (pathname === BRIDGE_PATH) {
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.js']!, 'Cache-Control': 'no-store' });
      res.end(bridgeJs);
      return;
    }
    const file = resolve(rendererDir, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(rendererDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
    createReadStream(file).pipe(res);
  }

  function serveDownload(res: ServerResponse, ticket: string) {
    const entry = downloads.get(ticket);
    downloads.delete(ticket);
    if (!entry || entry.expires < Date.now()) {
      res.writeHead(404).end('Expired');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.fileName)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(entry.path).pipe(res);
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (req.method === 'POST' && url.pathname === UPLOAD_PATH) {
      const origins = new Set([...allowedHosts()].map((h) => `http://${h}`));
      handleUpload(req, res, { backend, token, origins, callers }).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname.startsWith(DOWNLOAD_PATH)) {
      serveDownload(res, url.pathname.slice(DOWNLOAD_PATH.length));
      return;
    }
    serveStatic(req, res, url.pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 25 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const origin = req.headers.origin ?? '';
    const originOk = [...allowedHosts()].some((h) => origin === `http://${h}`);
    if (url.pathname !== WS_PATH || !allowedHosts().has(req.headers.host ?? '') || !originOk || !sameToken(url.searchParams.get('token') ?? '', token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket) {
    let caller: Caller | null = null;
    let resume = '';
    const send = (msg: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(msg));
    const unsubscribe = backend.events.subscribe((name, payload) => send({ t: 'event', name, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', (data) => {
      let msg: ClientMessage;
      try {
        msg = JSON.parse(String(data)) as ClientMessage;
      } catch {
        return;
      }
      if (msg.t === 'hello') {
        const resumeKey = typeof msg.resume === 'string' && callers.has(msg.resume) ? msg.resume : randomBytes(18).toString('base64url');
        resume = resumeKey;
        caller = callers.get(resumeKey) ?? { sessionId: null };
        callers.set(resumeKey, caller);
        send({ t: 'ready', resume: resumeKey });
        return;
      }
      if (!caller) return;
      const current = caller;
      if (msg.t === 'call') {
        backend.invoke(current, msg.channel, msg.input).then(
          (value) => send({ t: 'result', id: msg.id, ok: true, value }),
          (error) => send({ t: 'result', id: msg.id, ok: false, error }),
        );
      } else if (msg.t === 'download') {
        const file = backend.exportedFile(current, String(msg.fileId));
        if (!file) {
          send({ t: 'result', id: msg.id, ok: false, error: { code: 'NOT_FOUND', message: 'errors.files.notFound' } });
          return;
        }
        const ticket = randomBytes(18).toString('base64url');
        downloads.set(ticket, { ...file, expires: Date.now() + 60_000 });
        send({ t: 'result', id: msg.id, ok: true, value: { url: `${DOWNLOAD_PATH}${ticket}` } });
      } else if (msg.t === 'pdf') {
        const route = String(msg.route);
        if (!PRINT_ROUTE_RE.test(route)) {
          send({ t: 'result', id: msg.id, ok: false, error: { code: 'VALIDATION', message: 'print.badRoute' } });
          return;
        }
        pdf
          .render(route, { token, resume })
          .then((bytes) => backend.keepFile(current, String(msg.fileName), bytes))
          .then(
            (fileId) =>
              fileId
                ? send({ t: 'result', id: msg.id, ok: true, value: { fileId } })
                : send({ t: 'result', id: msg.id, ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.auth.required' } }),
            (error: unknown) => {
              backend.log.error('print to PDF failed', { route, error: String(error) });
              send({ t: 'result', id: msg.id, ok: false, error: { code: 'INTERNAL', message: 'print.renderFailed' } });
            },
          );
      }
    });
  }

  await new Promise<void>((resolvePort) => server.listen(options.port ?? 0, '127.0.0.1', resolvePort));
  port = (server.address() as { port: number }).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async close() {
      await pdf.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
