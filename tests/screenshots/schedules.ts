/**
 * Screenshots of 定时导出 (docs/screenshots/schedules-*.png): the schedules after three weeks of the office's
 * rhythm — the Friday bundle to the department share as 王丽, a daily complaints register, a schedule whose owner
 * (库管) cannot export customers and so fails, the month-end default still waiting for its target, a catch-up
 * after a closed Friday — the run history, the drawer of the waiting default, a refused form, and the dashboard
 * lines. Made with a moved clock in `prepare`, driving the real scheduler. Run after a build:
 *   flock /tmp/neiqin-e2e.lock sh -c 'npx electron-vite build && npx tsx tests/screenshots/schedules.ts'
 */
import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/dates';
import { atLocalTime } from '../../shared/schedules';
import { createBackend, type Backend, type Caller } from '../../electron/backend';
import { manualClock } from '../../electron/backend/clock';
import { login, menu, runScreenshots, shooter } from './session';

const quiet = { info: () => undefined, error: (m: string) => console.error(m) };

async function call<T>(backend: Backend, caller: Caller, channel: string, input: unknown): Promise<T> {
  return (await backend.invoke(caller, channel, input)) as T;
}

/** The demo office three weeks ago, its schedules set up, then every day's due runs (one Friday the PC was off). */
async function officeWithSchedules(dataDir: string) {
  const today = localDate(new Date());
  const monday = addDays(today, -21 - ((new Date().getDay() + 6) % 7));
  const clock = manualClock(atLocalTime(monday, '08:30'));
  let backend = await createBackend({ dataDir, clock, log: quiet });
  const admin: Caller = { sessionId: null };
  await call(backend, admin, 'setup.createAdmin', {
    username: 'admin',
    displayName: '李建国',
    password: 'Admin2026',
    loadDemo: true,
  });
  const users = await backend.store.reader.all<{ id: number; username: string }>(
    'SELECT id, username FROM users',
  );
  const userId = (name: string) => users.find((u) => u.username === name)!.id;
  const share = (await backend.store.reader.get<{ id: number }>(
    `SELECT id FROM delivery_targets WHERE name = '营销部共享盘'`,
  ))!.id;

  // The Friday bundle (the migration's default) gets its target and runs as 王丽, who does not see A-class.
  const [bundle] = await call<{ id: number; name: string; rule: unknown; registers: string[] }[]>(
    backend,
    admin,
    'schedules.list',
    {},
  );
  await call(backend, admin, 'schedules.update', {
    id: bundle!.id,
    schedule: {
      name: bundle!.name,
      rule: bundle!.rule,
      registers: bundle!.registers,
      changedOnly: true,
      format: 'xlsx',
      targetId: share,
      ownerId: userId('wangli'),
      enabled: true,
    },
  });
  await call(backend, admin, 'schedules.create', {
    schedule: {
      name: '投诉台账日报',
      rule: { kind: 'workingDays', time: '15:30' },
      registers: ['complaints', 'satisfaction'],
      format: 'csv',
      targetId: share,
      ownerId: userId('neiqin'),
      enabled: true,
    },
  });
  await call(backend, admin, 'schedules.create', {
    schedule: {
      name: '周一客户清单（库管）',
      rule: { kind: 'weekly', weekday: 1, time: '09:00' },
      registers: ['customers'],
      format: 'xlsx',
      targetId: share,
      ownerId: userId('kuguan'),
      enabled: true,
    },
  });

  const closedFriday = addDays(monday, 11); // the second Friday: the office PC stayed off until Monday
  for (let day = monday; day < today; day = addDays(day, 1)) {
    if (day === closedFriday) {
      await backend.close();
      continue;
    }
    if (day === addDays(closedFriday, 1) || day === addDays(closedFriday, 2)) continue;
    if (day === addDays(closedFriday, 3)) {
      clock.set(atLocalTime(day, '08:20'));
      backend = await createBackend({ dataDir, clock, log: quiet }); // catches up the Friday runs once
      await backend.delivery.runDue();
    }
    for (const at of ['09:05', '15:35', '17:05']) {
      clock.set(atLocalTime(day, at));
      await backend.scheduler.tick();
      await backend.delivery.runDue();
    }
  }
  clock.set(new Date());
  await backend.close();
}

async function nav(page: Page, label: string) {
  await menu(page, label);
  await page.evaluate(() => window.scrollTo(0, 0));
}

runScreenshots(
  async ({ page }) => {
    const shot = shooter(page, { prefix: 'schedules-', settleMs: 600, mouseAway: true });
    await login(page, 'admin', 'Admin2026');
    await page.getByTestId('today-schedules.failed').waitFor();
    await shot('dashboard', page.locator('.ant-card').filter({ hasText: '今日提醒' }).first());

    await nav(page, '定时导出');
    await page.getByTestId('schedule-grid').locator('.ag-row').nth(3).waitFor();
    await page.getByTestId('run-grid').locator('.ag-row').first().waitFor();
    await shot('page');

    await page
      .getByTestId('schedule-grid')
      .locator('.ag-row')
      .filter({ hasText: '每周五周报包' })
      .locator('.ag-cell')
      .first()
      .click();
    await page.getByText('运行记录：每周五周报包').waitFor();
    await page
      .getByTestId('run-grid')
      .locator('.ag-row')
      .filter({ hasText: '每周五周报包' })
      .filter({ hasText: '补跑' })
      .first()
      .waitFor();
    await page
      .getByTestId('run-grid')
      .locator('.ag-row')
      .filter({ hasText: '投诉台账日报' })
      .first()
      .waitFor({ state: 'detached' });
    await shot('runs');

    // 月末台账 is the migration's second default (id 2).
    await page.getByTestId('edit-schedule-2').click();
    await page.getByTestId('schedule-form').waitFor();
    await shot('default-drawer');
    await page.getByRole('button', { name: '取 消' }).click();

    await page.getByTestId('new-schedule').click();
    const form = page.getByTestId('schedule-form');
    await form.getByLabel('名称', { exact: true }).fill('合同月报');
    await form.getByLabel('时间', { exact: true }).fill('5点');
    await page.getByTestId('save-schedule').click();
    await form.getByText('至少选择一个台账').waitFor();
    await shot('form-errors');
  },
  { prepare: officeWithSchedules },
);
