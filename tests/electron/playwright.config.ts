import { defineConfig } from '@playwright/test';
import { installedElectron } from '../../electron/cli/electronBinary.mjs';

if (!installedElectron()) {
  console.log(
    '\n[tests/electron] SKIPPED: the Electron binary is not installed here (it cannot be downloaded on this machine).\n' +
      '                 The same app is tested in Chromium through the browser host (tests/e2e).\n' +
      '                 Where the network allows: `npx install-electron`, then `npm run test:electron`.\n',
  );
}

/** The Electron suite: runs the real desktop app where the Electron binary is installed; skips elsewhere. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
});
