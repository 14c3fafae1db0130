import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { isAppErrorShape } from '@shared/errors';
import type { Backend, Caller } from '../backend';
import { tooLargeError } from '../backend/files/uploads';
import { UPLOAD_CALLER_HEADER, UPLOAD_NAME_HEADER, UPLOAD_TOKEN_HEADER } from './protocol';

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Reads and drops a request body, so the browser gets the answer rather than a reset connection. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}

/**
 * `POST /__neiqin/upload`: the browser bridge's uploadFile. The same guards as the socket — loopback Host, the
 * page's own Origin, the access token (in a header, never the URL) — plus the caller the socket registered
 * (its resume key), so the file belongs to that session's user. The body is streamed to the data folder and cut
 * off at the limit; a file declared too large is refused before a byte is stored.
 */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  options: { backend: Backend; token: string; origins: Set<string>; callers: ReadonlyMap<string, Caller> },
): Promise<void> {
  const origin = req.headers.origin ?? '';
  const token = String(req.headers[UPLOAD_TOKEN_HEADER] ?? '');
  if (!options.origins.has(origin) || !sameToken(token, options.token)) {
    await drain(req);
    reply(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } });
    return;
  }
  const caller = options.callers.get(String(req.headers[UPLOAD_CALLER_HEADER] ?? '')) ?? { sessionId: null };
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > options.backend.uploads.maxBytes) {
    await drain(req);
    reply(res, 413, { ok: false, error: tooLargeError(declared).toShape() });
    return;
  }
  let fileName = 'upload';
  try {
    fileName = decodeURIComponent(String(req.headers[UPLOAD_NAME_HEADER] ?? 'upload'));
  } catch {
    // A malformed name is only a name: keep the default.
  }
  try {
    const value = await options.backend.acceptUpload(caller, fileName, req);
    reply(res, 200, { ok: true, value });
  } catch (error) {
    await drain(req);
    const shape = isAppErrorShape(error) ? error : { code: 'INTERNAL', message: 'errors.internal' };
    reply(res, shape.code === 'VALIDATION' ? 413 : shape.code === 'UNAUTHENTICATED' ? 401 : 400, { ok: false, error: shape });
  }
}
