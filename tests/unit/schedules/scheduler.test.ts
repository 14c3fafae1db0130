import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atLocalTime } from '@shared/schedules';
import type { ChannelInput, ChannelName, ChannelOutput } from '@shared/contract';
import { createBackend, type Backend, type Caller } from '../../../electron/backend/index';
import type { Timers } from '../../../electron/backend/delivery/deliverer';
import { Scheduler } from '../../../electron/backend/schedules/scheduler';
import { ADMIN, freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { createTarget } from '../helpers/delivery';
import { filesUnder } from '../helpers/deliveryFiles';
import { readWorkbook } from '../helpers/files';
import { createSchedule } from '../helpers/schedules';

/**
 * The scheduler of 定时导出 on a real database with the real migrations, real temp folders as targets and a
 * manual clock: the timer is a hand-fired stand-in, so "it fires at the due time" needs no real waiting.
 */

/** Timers whose interval callback the test fires by hand. */
function handTimers(): Timers & { fire: () => void; armed: () => boolean } {
  let callback: (() => void) | null = null;
  return {
    setInterval: (cb) => {
      callback = cb;
      return 1;
    },
    clearInterval: () => {
      callback = null;
    },
    fire: () => callback?.(),
    armed: () => callback !== null,
  };
}

// 2026-11-25 (START) is a Wednesday; Friday 11-27 17:00 is the first due time of a Friday schedule.
const FRIDAY_17 = atLocalTime('2026-11-27', '17:00');

describe('scheduled exports', () => {
  let env: TestEnv;
  let timers: ReturnType<typeof handTimers>;
  let staffId: number;
  let clerk: TestUser;
  let reopened: Backend | null = null;

  beforeEach(async () => {
    timers = handTimers();
    reopened = null;
    env = await freshBackend({ schedules: { timers } });
    staffId = await env.createStaff();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
  });
  afterEach(async () => {
    expect(env.loggedErrors).toEqual([]);
    if (reopened) {
      await reopened.close();
      await rm(env.dir, { recursive: true, force: true });
    } else {
      await env.close();
    }
  });

  /** Closes the app and starts it again on the same data folder (hand-fired timers), as the office PC would. */
  async function reopen() {
    await env.backend.close();
    const backend = await createBackend({
      dataDir: env.dir,
      clock: env.clock,
      validateOutput: true,
      log: { info: () => undefined, error: (m, e) => env.loggedErrors.push(`${m} ${String(e)}`) },
      schedules: { timers },
    });
    reopened = backend;
    const call = <C extends ChannelName>(caller: Caller, channel: C, input: ChannelInput<C>) =>
      backend.invoke(caller, channel, input) as Promise<ChannelOutput<C>>;
    const admin: Caller = { sessionId: null };
    await call(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    return { backend, call, admin };
  }

  it('creates the spec defaults at migration, disabled until an admin picks a target, and the dashboard says so', async () => {
    const list = await env.call(env.admin.caller, 'schedules.list', {});
    expect(list.map((s) => [s.preset, s.enabled, s.targetId, s.rule, s.registers])).toEqual([
      [
        'weeklyBundle',
        false,
        null,
        { kind: 'weekly', weekday: 5, time: '17:00' },
        ['customers', 'contactList', 'visits', 'complaints', 'contracts', 'satisfaction', 'resourceStats'],
      ],
      ['monthEnd', false, null, { kind: 'monthEnd', time: '17:00' }, ['customers', 'contracts']],
    ]);
    expect(list[0]!.changedOnly).toBe(true);
    const today = await env.call(env.admin.caller, 'dashboard.today', {});
    expect(today.find((i) => i.id === 'schedules.waiting')?.count).toBe(2);
    // A clerk cannot act on schedules: no line for her.
    const clerkToday = await env.call(clerk.caller, 'dashboard.today', {});
    expect(clerkToday.find((i) => i.id.startsWith('schedules.'))).toBeUndefined();
  });

  it('the timer starts a schedule at its due time, not before; the file reaches the target through the outbox', async () => {
    const backend = env.backend;
    await createCustomer(env, env.admin.caller, customerValues(staffId, { name: '杭州联华超市有限公司' }));
    const target = await createTarget(env, env.admin, { subFolder: '{register}' });
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      ownerId: clerk.id,
      registers: ['customers', 'resourceStats'],
    });
    expect(schedule.nextRunAt).toBe(FRIDAY_17.toISOString());
    expect(timers.armed()).toBe(true);

    env.clock.set(new Date(FRIDAY_17.getTime() - 60_000));
    timers.fire();
    await backend.scheduler.tick(); // waits for the fired tick's work
    // Two days later: the admin's session has long gone idle; she logs in again to look.
    const admin = await env.login(ADMIN.username, ADMIN.password);
    expect(await env.call(admin, 'schedules.runs', { scheduleId: schedule.id })).toEqual([]);

    env.clock.set(FRIDAY_17);
    timers.fire();
    await backend.scheduler.tick();
    const [run, ...more] = await env.call(admin, 'schedules.runs', { scheduleId: schedule.id });
    expect(more).toEqual([]);
    expect(run).toMatchObject({
      trigger: 'due',
      dueAt: FRIDAY_17.toISOString(),
      result: 'ok',
      missed: 0,
      error: null,
    });
    expect(run!.outcomes.map((o) => [o.register, o.state])).toEqual([
      ['customers', 'sent'],
      ['resourceStats', 'sent'],
    ]);
    expect(run!.jobIds).toHaveLength(2);

    await backend.delivery.runDue();
    const files = await filesUnder(target.folder);
    expect(files).toEqual([
      '客户档案台账/客户档案台账_2026-11-27_1700.xlsx',
      '客户资源统计表/客户资源统计表_2026-11-27_1700.xlsx',
    ]);
    const book = await readWorkbook(join(target.folder, files[0]!));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('客户档案台账');
    // Made as the owner: the 制表人 is 王丽, not the admin who defined the schedule.
    expect(String(sheet.getCell('A2').value)).toContain('王丽');
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('杭州联华超市有限公司');

    const after = (await env.call(admin, 'schedules.list', {})).find((s) => s.id === schedule.id)!;
    expect(after).toMatchObject({
      lastResult: 'ok',
      nextRunAt: atLocalTime('2026-12-04', '17:00').toISOString(),
    });
    // The run's exports are the owner's, in the audit log like any export of hers.
    const audit = await env.backend.store.reader.all<{ user_name: string; entity: string }>(
      `SELECT user_name, entity FROM audit_log WHERE action = 'export' ORDER BY id`,
    );
    expect(audit).toEqual([
      { user_name: clerk.username, entity: 'customers' },
      { user_name: clerk.username, entity: 'resourceStats' },
    ]);
  });

  it('catches up once at start after being closed over several due times, and says so', async () => {
    const target = await createTarget(env, env.admin);
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      registers: ['contracts'],
      format: 'csv',
    });
    // Closed over four Fridays (11-27, 12-04, 12-11, 12-18); started again on Monday 12-21.
    env.clock.set(atLocalTime('2026-12-21', '08:30'));
    const { backend, call, admin } = await reopen();
    const runs = await call(admin, 'schedules.runs', { scheduleId: schedule.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      trigger: 'catchUp',
      dueAt: FRIDAY_17.toISOString(),
      missed: 4,
      result: 'ok',
    });
    const after = (await call(admin, 'schedules.list', {})).find((s) => s.id === schedule.id)!;
    expect(after.nextRunAt).toBe(atLocalTime('2026-12-25', '17:00').toISOString());
    // Later ticks the same morning start nothing more.
    env.clock.advance(20 * 60_000);
    timers.fire();
    await backend.scheduler.tick();
    expect(await call(admin, 'schedules.runs', { scheduleId: schedule.id })).toHaveLength(1);
    await backend.delivery.runDue();
    expect(await filesUnder(target.folder)).toEqual(['合同台账/2026/12/合同台账_2026-12-21_0830.csv']);
  });

  it('exports only what the owner may see: no A-class customer for an owner without 项目专职', async () => {
    const boss = await env.createUser({ roles: ['admin'], projectStaff: true });
    await createCustomer(
      env,
      boss.caller,
      customerValues(staffId, { code: 'KHA001', name: '重点甲类客户', abcClass: 'A' }),
    );
    await createCustomer(
      env,
      boss.caller,
      customerValues(staffId, { code: 'KHB001', name: '普通乙类客户', abcClass: 'B' }),
    );
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      ownerId: clerk.id,
      format: 'csv',
    });
    const run = await env.call(env.admin.caller, 'schedules.runNow', { id: schedule.id });
    expect(run).toMatchObject({ trigger: 'manual', result: 'ok', dueAt: null });
    await env.backend.delivery.runDue();
    const [file] = await filesUnder(target.folder);
    const text = await readFile(join(target.folder, file!), 'utf8');
    expect(text).toContain('KHB001');
    expect(text).not.toContain('KHA001');
    // 立即运行 leaves the next due time where it was.
    const after = (await env.call(env.admin.caller, 'schedules.list', {})).find((s) => s.id === schedule.id)!;
    expect(after.nextRunAt).toBe(FRIDAY_17.toISOString());
  });

  it('an owner who lost the export permission: the run fails with the reason and sends nothing', async () => {
    const target = await createTarget(env, env.admin);
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      ownerId: clerk.id,
      registers: ['customers', 'contracts'],
    });
    await env.call(env.admin.caller, 'users.update', { id: clerk.id, roles: ['storekeeper'] });
    const run = await env.call(env.admin.caller, 'schedules.runNow', { id: schedule.id });
    expect(run.result).toBe('failed');
    expect(run.jobIds).toEqual([]);
    expect(run.outcomes.map((o) => [o.register, o.state, o.error])).toEqual([
      ['customers', 'failed', 'errors.forbidden'],
      ['contracts', 'failed', 'errors.forbidden'],
    ]);
    await env.backend.delivery.runDue();
    expect(await filesUnder(target.folder)).toEqual([]);
    expect(
      (await env.backend.store.reader.get<{ n: number }>('SELECT count(*) AS n FROM delivery_jobs'))!.n,
    ).toBe(0);
    const today = await env.call(env.admin.caller, 'dashboard.today', {});
    expect(today.find((i) => i.id === 'schedules.failed')?.count).toBe(1);
  });

  it('a disabled target or a deactivated owner is a run error that shows; nothing is exported', async () => {
    const target = await createTarget(env, env.admin);
    const schedule = await createSchedule(env, env.admin, { targetId: target.id, ownerId: clerk.id });
    await env.call(env.admin.caller, 'users.update', { id: clerk.id, active: false });
    const byOwner = await env.call(env.admin.caller, 'schedules.runNow', { id: schedule.id });
    expect(byOwner).toMatchObject({
      result: 'failed',
      error: 'schedules.errors.ownerInactive',
      errorParams: { name: '王丽' },
      outcomes: [],
    });

    await env.call(env.admin.caller, 'users.update', { id: clerk.id, active: true });
    const folder = target.folder;
    await env.call(env.admin.caller, 'delivery.targets.update', {
      id: target.id,
      target: {
        name: '停用的共享盘',
        folder,
        subFolder: '{register}',
        enabled: false,
        defaultRegisters: [],
        manifest: false,
      },
    });
    const byTarget = await env.call(env.admin.caller, 'schedules.runNow', { id: schedule.id });
    expect(byTarget).toMatchObject({
      result: 'failed',
      error: 'delivery.errors.targetDisabled',
      errorParams: { name: '停用的共享盘' },
    });
    // Switched off, it cannot be switched on again while its target is disabled; the message names the target.
    await env.call(env.admin.caller, 'schedules.setEnabled', { id: schedule.id, enabled: false });
    const refused = await env.fail(env.admin.caller, 'schedules.setEnabled', {
      id: schedule.id,
      enabled: true,
    });
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'delivery.errors.targetDisabled',
      details: { params: { name: '停用的共享盘' } },
    });
    const exports = await env.backend.store.reader.get<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'export'`,
    );
    expect(exports!.n).toBe(0);
    expect(await filesUnder(folder)).toEqual([]);
  });

  it('one register failing does not stop the others', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      registers: ['visits', 'contracts', 'complaints'],
      format: 'csv',
    });
    // The same dispatcher, except that the visits register fails as a broken export would.
    const scheduler = new Scheduler(
      {
        store: env.backend.store,
        clock: env.clock,
        log: { info: () => undefined, error: () => undefined },
        events: env.backend.events,
        sessions: env.backend.sessions,
        invoke: (caller, channel, input) =>
          channel === 'visits.export'
            ? Promise.reject({ code: 'INTERNAL', message: 'errors.internal' })
            : env.backend.invoke(caller, channel, input),
      },
      { autoStart: false },
    );
    const run = await scheduler.runNow(schedule.id);
    expect(run.result).toBe('partial');
    expect(run.outcomes.map((o) => [o.register, o.state])).toEqual([
      ['visits', 'failed'],
      ['contracts', 'sent'],
      ['complaints', 'sent'],
    ]);
    await env.backend.delivery.runDue();
    expect((await filesUnder(target.folder)).map((f) => f.split('_')[0])).toEqual([
      '合同台账',
      '客户投诉记录台账',
    ]);
  });

  it('the weekly bundle exports only registers changed since Monday', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const schedule = await createSchedule(env, env.admin, {
      targetId: target.id,
      registers: ['customers', 'contracts', 'visits'],
      changedOnly: true,
      format: 'csv',
    });
    await createCustomer(env, env.admin.caller, customerValues(staffId));
    const run = await env.call(env.admin.caller, 'schedules.runNow', { id: schedule.id });
    expect(run.result).toBe('ok');
    expect(run.outcomes.map((o) => [o.register, o.state])).toEqual([
      ['customers', 'sent'],
      ['contracts', 'skipped'],
      ['visits', 'skipped'],
    ]);
    // Next week nothing has changed (exports and views are not changes): every register is skipped.
    env.clock.set(atLocalTime('2026-12-04', '17:00'));
    const admin = await env.login(ADMIN.username, ADMIN.password);
    const next = await env.call(admin, 'schedules.runNow', { id: schedule.id });
    expect(next.outcomes.map((o) => o.state)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('refuses bad schedule input with field messages and writes nothing', async () => {
    const before = await env.snapshot();
    const bad = await env.fail(env.admin.caller, 'schedules.create', {
      schedule: {
        name: '',
        rule: { kind: 'weekly', weekday: 5, time: '5 pm' },
        registers: [],
        format: 'xlsx',
        targetId: null,
        ownerId: null,
        enabled: true,
      },
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details!.issues!.map((i) => `${i.path}:${i.key}`).sort()).toEqual([
      'schedule.name:v.required',
      'schedule.ownerId:schedules.v.ownerNeeded',
      'schedule.registers:schedules.v.registers',
      'schedule.rule.time:schedules.v.time',
      'schedule.targetId:schedules.v.targetNeeded',
    ]);
    const noTarget = await env.fail(env.admin.caller, 'schedules.create', {
      schedule: {
        name: '无目标',
        rule: { kind: 'monthEnd', time: '17:00' },
        registers: ['customers'],
        format: 'csv',
        targetId: null,
        ownerId: env.admin.id,
        enabled: true,
      },
    });
    expect(noTarget.details!.issues!.map((i) => `${i.path}:${i.key}`)).toEqual([
      'schedule.targetId:schedules.v.targetNeeded',
    ]);
    const taken = await env.fail(env.admin.caller, 'schedules.create', {
      schedule: {
        name: '每周五周报包',
        rule: { kind: 'monthEnd', time: '17:00' },
        registers: ['customers'],
        format: 'csv',
        targetId: null,
        ownerId: null,
        enabled: false,
      },
    });
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'schedules.errors.nameTaken' });
    const missingTarget = await env.fail(env.admin.caller, 'schedules.create', {
      schedule: {
        name: '目标不存在',
        rule: { kind: 'monthEnd', time: '17:00' },
        registers: ['customers'],
        format: 'csv',
        targetId: 999,
        ownerId: env.admin.id,
        enabled: true,
      },
    });
    expect(missingTarget.details!.issues!.map((i) => `${i.path}:${i.key}`)).toEqual([
      'schedule.targetId:delivery.errors.targetNotFound',
    ]);
    const enableDefault = await env.fail(env.admin.caller, 'schedules.setEnabled', { id: 1, enabled: true });
    expect(enableDefault.message).toBe('schedules.v.targetNeeded');
    expect(await env.snapshot()).toBe(before);
  });
});
