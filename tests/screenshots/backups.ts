/**
 * Screenshots of 备份与恢复 (docs/screenshots/backups-*.png): the backup log after three weeks of daily and exit
 * backups (made here with a moved clock and retention applied), 立即备份, the restore dialog, the settings card, and
 * the recovery screen of a damaged database. Run after a build:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/backups.ts'
 */
import { copyFile, mkdir, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackend, type Caller } from '../../electron/backend';
import { manualClock } from '../../electron/backend/clock';
import { startHost } from '../e2e/support/host';
import { login, runScreenshots, shooter } from './session';

const quiet = { info: () => undefined, error: (m: string) => console.error(m) };

/** The demo office, then a backup each morning and on each evening's exit for the last 20 days. */
async function officeWithHistory(dataDir: string) {
  const days = 20;
  const start = new Date();
  start.setDate(start.getDate() - days);
  start.setHours(8, 30, 0, 0);
  const clock = manualClock(start);
  const backend = await createBackend({ dataDir, clock, log: quiet });
  const caller: Caller = { sessionId: null };
  await backend.invoke(caller, 'setup.createAdmin', {
    username: 'admin',
    displayName: '李建国',
    password: 'Admin2026',
    loadDemo: true,
  });
  for (let d = 0; d < days; d++) {
    const morning = new Date(start);
    morning.setDate(start.getDate() + d);
    if (morning.getDay() === 0) continue; // the office is closed on Sundays: the app was not started
    clock.set(morning);
    await backend.backups.dailyIfDue();
    clock.set(new Date(morning.getTime() + (9 * 60 + 17 + d) * 60_000));
    await backend.backups.backup('exit', `exit-${d}`);
  }
  await backend.close();
}

async function damage(file: string) {
  const pages = Math.floor((await stat(file)).size / 4096);
  const handle = await open(file, 'r+');
  try {
    const garbage = Buffer.alloc(4096, 0xa5);
    for (let p = Math.floor(pages / 3); p < Math.floor((2 * pages) / 3); p++)
      await handle.write(garbage, 0, 4096, p * 4096);
  } finally {
    await handle.close();
  }
}

let folder = '';
runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { prefix: 'backups-' });
    await login(page, 'admin', 'Admin2026');

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByTestId('backups-grid').locator('.ag-row').first().waitFor();
    await shot('list');

    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-done').waitFor({ timeout: 60_000 });
    await shot('run');
    await page.getByTestId('backup-close').click();

    await page.getByTestId('backups-grid').locator('[data-testid^="restore-"]').nth(2).click();
    await page.getByTestId('restore-intro').waitFor();
    await shot('restore');
    await page.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('menuitem', { name: '参数与数据检查' }).click();
    await page.getByTestId('backup-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('backup-settings').locator('input').first().waitFor();
    await shot('settings');
    // 导出文件: the .csv encoding, GB18030 picked (not saved).
    await page.getByTestId('csv-settings').scrollIntoViewIfNeeded();
    await page.getByTestId('csv-settings').getByRole('radio', { name: /^GB18030/ }).check();
    await shot('csv-encoding', page.getByTestId('csv-settings'));

    // A damaged database beside the same backups: the recovery screen.
    const recovery = await startHost({
      prepare: async (dir) => {
        await mkdir(join(dir, 'backups'), { recursive: true });
        const names = await readdir(join(folder, 'backups'));
        for (const n of names.filter((f) => f === 'backup-log.json' || f.endsWith('.db')))
          await copyFile(join(folder, 'backups', n), join(dir, 'backups', n));
        const newest = names
          .filter((f) => f.startsWith('neiqin_'))
          .sort()
          .at(-1)!;
        await copyFile(join(folder, 'backups', newest), join(dir, 'neiqin.sqlite'));
        await damage(join(dir, 'neiqin.sqlite'));
      },
    });
    try {
      await page.goto('about:blank');
      await page.goto(recovery.url);
      await page.getByTestId('recovery-intro').waitFor();
      await page.getByLabel('管理员用户名').fill('admin');
      await shot('recovery');
    } finally {
      await recovery.stop();
    }
  },
  {
    prepare: async (dir) => {
      folder = dir;
      await officeWithHistory(dir);
    },
  },
);
