import { test as base, expect } from '@playwright/test';
import { startHost, type Host } from './host';
import { attachBridgeLog, bridgeOf, type BridgeLog } from './bridge';
import { completeSetup } from './app';

export { expect };

/** What a spec file needs before its first test: nothing, the admin account, or the admin plus the demo office. */
export type SetupKind = 'none' | 'admin' | 'demo';

/** Browser hosts of this worker, one per spec file; a file's host is stopped when the worker moves on. */
class HostPool {
  private readonly hosts = new Map<string, Promise<Host>>();

  async forFile(file: string): Promise<Host> {
    for (const [other, host] of this.hosts) {
      if (other === file) continue;
      this.hosts.delete(other);
      await (await host.catch(() => null))?.stop();
    }
    let host = this.hosts.get(file);
    if (!host) {
      host = startHost();
      this.hosts.set(file, host);
    }
    return host;
  }

  async stopAll(): Promise<void> {
    const hosts = [...this.hosts.values()];
    this.hosts.clear();
    for (const host of hosts) await (await host.catch(() => null))?.stop();
  }
}

interface TestFixtures {
  /** Set per file with `test.use({ setup: 'demo' })`. */
  setup: SetupKind;
  /** The spec file's browser host (fresh data folder), set up as `setup` asks. */
  host: Host;
  /** Backend calls of `page`, to wait for results instead of sleeping. */
  bridge: BridgeLog;
}

interface WorkerFixtures {
  hostPool: HostPool;
}

/**
 * The e2e test: `host` is a browser host process with its own temporary data folder, shared by the tests of one
 * spec file (they run in order in one worker) and stopped afterwards. Every page fails its test on an uncaught
 * script error, and every test fails if the backend logged an unexpected error (an INTERNAL error, or an
 * output that does not match the contract: the host runs with NEIQIN_VALIDATE_OUTPUT=1).
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  setup: ['none', { option: true }],

  hostPool: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const pool = new HostPool();
      await use(pool);
      await pool.stopAll();
    },
    { scope: 'worker' },
  ],

  host: async ({ hostPool, setup, browser }, use, testInfo) => {
    const host = await hostPool.forFile(testInfo.file);
    if (setup !== 'none' && !host.setupDone) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      try {
        await completeSetup(await context.newPage(), host, { demo: setup === 'demo' });
      } finally {
        await context.close();
      }
      host.setupDone = setup;
    }
    const errorsBefore = (await host.logErrors()).length;
    await use(host);
    // The logger appends asynchronously: give a line written by the last call a moment to land.
    await new Promise((r) => setTimeout(r, 100));
    const errors = (await host.logErrors()).slice(errorsBefore);
    if (errors.length) {
      await testInfo.attach('backend-errors.log', { body: errors.join('\n'), contentType: 'text/plain' });
      expect(errors, 'the backend logged unexpected errors').toEqual([]);
    }
  },

  page: async ({ page }, use, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.stack ?? err.message));
    attachBridgeLog(page);
    await use(page);
    if (errors.length) {
      await testInfo.attach('page-errors.log', { body: errors.join('\n\n'), contentType: 'text/plain' });
      expect(errors, 'uncaught errors in the page').toEqual([]);
    }
  },

  bridge: async ({ page }, use) => {
    await use(bridgeOf(page));
  },
});
