import type { Page, WebSocket } from '@playwright/test';
import { expect } from '@playwright/test';

/** One contract call the page made over the browser host's WebSocket, as seen on the wire. */
export interface BridgeCall {
  seq: number;
  channel: string;
  input: unknown;
  done: boolean;
  ok?: boolean;
  value?: unknown;
  error?: { code: string; message: string; details?: unknown };
}

/**
 * Watches the frames between the page and the browser host, so a test can wait for "the query that my click
 * caused has come back" instead of sleeping. Attach before the page navigates.
 */
export class BridgeLog {
  readonly calls: BridgeCall[] = [];

  constructor(page: Page) {
    page.on('websocket', (ws) => this.watch(ws));
  }

  private watch(ws: WebSocket) {
    // Call ids restart with every page load (every socket), so pending calls are tracked per socket.
    const pending = new Map<number, BridgeCall>();
    ws.on('framesent', ({ payload }) => {
      const msg = parse(payload) as { t?: string; id?: number; channel?: string; input?: unknown } | null;
      if (msg?.t !== 'call' || typeof msg.id !== 'number') return;
      const call: BridgeCall = {
        seq: this.calls.length,
        channel: String(msg.channel),
        input: msg.input,
        done: false,
      };
      this.calls.push(call);
      pending.set(msg.id, call);
    });
    ws.on('framereceived', ({ payload }) => {
      const msg = parse(payload) as {
        t?: string;
        id?: number;
        ok?: boolean;
        value?: unknown;
        error?: BridgeCall['error'];
      } | null;
      if (msg?.t !== 'result' || typeof msg.id !== 'number') return;
      const call = pending.get(msg.id);
      if (!call) return;
      pending.delete(msg.id);
      Object.assign(call, { done: true, ok: msg.ok, value: msg.value, error: msg.error });
    });
    ws.on('close', () => {
      for (const call of pending.values())
        Object.assign(call, {
          done: true,
          ok: false,
          error: { code: 'UNAVAILABLE', message: 'socket closed' },
        });
      pending.clear();
    });
  }

  /** A position in the log: calls made after it are "new". */
  mark(): number {
    return this.calls.length;
  }

  /** Waits until a call on `channel` made after `since` has been answered, then until the page is quiet. */
  async waitFor(channel: string, since: number, timeout = 15_000): Promise<BridgeCall> {
    let found: BridgeCall | undefined;
    await expect
      .poll(
        () => {
          found = this.calls.slice(since).find((c) => c.channel === channel && c.done);
          return Boolean(found);
        },
        { message: `waiting for an answered ${channel} call`, timeout, intervals: [50, 100, 200] },
      )
      .toBe(true);
    await this.settle();
    return found!;
  }

  /** Waits until no call has been pending for a short while (the page has what it asked for). */
  async settle(quietMs = 150, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let quietSince = Date.now();
    let seen = this.calls.length;
    while (Date.now() < deadline) {
      const busy = this.calls.some((c) => !c.done);
      if (busy || this.calls.length !== seen) {
        seen = this.calls.length;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) {
        return;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(
      `The page kept calling the backend for ${timeout} ms: ${this.calls
        .filter((c) => !c.done)
        .map((c) => c.channel)
        .join(', ')}`,
    );
  }

  /** Answered calls on `channel` (optionally only those after `since`). */
  answered(channel: string, since = 0): BridgeCall[] {
    return this.calls.slice(since).filter((c) => c.channel === channel && c.done);
  }
}

function parse(payload: string | Buffer): unknown {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    return null;
  }
}

const logs = new WeakMap<Page, BridgeLog>();

/** Starts logging a page's backend calls (the fixtures do this for every page). */
export function attachBridgeLog(page: Page): BridgeLog {
  let log = logs.get(page);
  if (!log) {
    log = new BridgeLog(page);
    logs.set(page, log);
  }
  return log;
}

/** The log of backend calls of a page created by the fixtures. */
export function bridgeOf(page: Page): BridgeLog {
  const log = logs.get(page);
  if (!log) throw new Error('This page was not created by the e2e fixtures (no backend call log attached)');
  return log;
}
