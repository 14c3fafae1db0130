import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  isAppUrl,
  isSafeExternalUrl,
  WEB_PREFERENCES,
} from '../../../electron/main/security';

/** platform.md "Electron security": one file holds the settings, and this test checks them. */
describe('Electron security settings', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(WEB_PREFERENCES.preload === undefined || typeof WEB_PREFERENCES.preload === 'string').toBe(true);
  });

  describe('Content-Security-Policy', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values]),
    );

    it('never allows eval or remote origins', () => {
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/\b(https?|wss?|ftp):/i);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/);
      for (const [name, values] of directives) {
        for (const v of values)
          expect(["'self'", "'none'", "'unsafe-inline'", 'data:'], `${name} ${v}`).toContain(v);
      }
    });

    it("runs only the app's own scripts", () => {
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      // Inline code is allowed for styles only (the component library injects them).
      for (const [name, values] of directives)
        if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    });
  });

  it('recognises only the app protocol and host as the app', () => {
    expect(APP_ORIGIN).toBe('app://neiqin');
    expect(isAppUrl('app://neiqin/index.html')).toBe(true);
    expect(isAppUrl('app://neiqin/#/customers')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'file:///C:/app/index.html',
      'https://evil.example.com',
      'http://neiqin/index.html',
      'app://other/index.html',
      'app://neiqin.evil.com/',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('opens only plain http(s) links in the system browser', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('http://www.example.com/about?x=1')).toBe(true);
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'data:text/html,<script>alert(1)</script>',
      'https://user:secret@example.com/',
      'https://user@example.com/',
      'smb://server/share',
      'ms-settings:',
      'app://neiqin/index.html',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  describe('hardenContents', () => {
    type Handler = (event: { preventDefault(): void }, url?: string) => void;
    function fakeContents() {
      const handlers = new Map<string, Handler>();
      let windowOpen: ((details: { url: string }) => unknown) | null = null;
      const contents = {
        on(event: string, handler: Handler) {
          expect(handlers.has(event)).toBe(false);
          handlers.set(event, handler);
          return contents;
        },
        setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
          windowOpen = handler;
        },
      };
      hardenContents(contents as unknown as WebContents);
      const fire = (event: string, url?: string) => {
        let prevented = false;
        const handler = handlers.get(event);
        expect(handler, event).toBeDefined();
        handler!({ preventDefault: () => (prevented = true) }, url);
        return prevented;
      };
      return { handlers, fire, windowOpen: () => windowOpen };
    }

    it('blocks navigation and redirects away from the app', () => {
      const c = fakeContents();
      for (const event of ['will-navigate', 'will-redirect']) {
        expect(c.fire(event, 'https://evil.example.com/'), event).toBe(true);
        expect(c.fire(event, 'file:///etc/passwd'), event).toBe(true);
        expect(c.fire(event, 'app://other/index.html'), event).toBe(true);
        expect(c.fire(event, 'app://neiqin/index.html#/customers'), event).toBe(false);
      }
    });

    it('blocks <webview> and every new window', () => {
      const c = fakeContents();
      expect(c.fire('will-attach-webview')).toBe(true);
      const open = c.windowOpen();
      expect(open).not.toBeNull();
      expect(open!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
      expect(open!({ url: 'app://neiqin/index.html' })).toEqual({ action: 'deny' });
    });
  });

  it('refuses every permission request and sends the CSP header', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let headers:
      | ((
          details: { responseHeaders?: Record<string, string[]> },
          cb: (r: { responseHeaders: Record<string, string[]> }) => void,
        ) => void)
      | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    };
    hardenSession(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      request!(null, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
      expect(check!(null, permission)).toBe(false);
    }
    let sent: Record<string, string[]> | null = null;
    headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (sent = r.responseHeaders));
    expect(sent).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
