import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

/**
 * End-to-end tests in Chromium against the browser host (electron/browser-host): each spec file gets its own
 * host process and temporary data folder (tests/e2e/support/fixtures.ts). `npm run test:e2e` builds the
 * renderer first; the host serves out/renderer.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Files run in parallel (two cores: two workers); the tests of one file run in order in one worker.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium (.ci/run installs it); never a downloaded Playwright browser.
      executablePath: process.env.NEIQIN_CHROMIUM ?? CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
