import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';
import { createTarget, targetFolder } from '../helpers/delivery';
import { attemptsOf, filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { readWorkbook } from '../helpers/files';
import { localDate } from '@shared/dates';

/**
 * Delivery through the outbox (exports.md "Delivery guarantees") on real folders: an export sent to a target is
 * kept in the outbox with its SHA-256, copied, verified and renamed; it never overwrites; a missing folder keeps
 * the job pending with its reason and a backoff, and it is delivered once the folder is back.
 */
describe('export → outbox → target', () => {
  let env: TestEnv;
  let clerk: TestUser;
  const csv = { view: {}, columns: ['code', 'name'] as ('code' | 'name')[], format: 'csv' as const };
  const outbox = () => readdir(join(env.dir, 'outbox')).catch(() => [] as string[]);

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    const staff = await env.createStaff();
    for (let i = 0; i < 5; i++) await createCustomer(env, clerk.caller, customerValues(staff));
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('checks a target on save: 可用 with its free space, 不可达 when the folder is missing', async () => {
    const ok = await createTarget(env, env.admin);
    const record = (await env.call(env.admin.caller, 'delivery.targets.check', { id: ok.id }))[0]!;
    expect(record).toMatchObject({ state: 'ok', stateDetail: null, enabled: true, subFolder: '{register}/{yyyy}/{MM}' });
    expect(record.freeBytes).toBeGreaterThan(0);
    // The probe file is gone again.
    expect(await filesUnder(ok.folder)).toEqual([]);

    const missing = await createTarget(env, env.admin, { exists: false });
    const [state] = await env.call(env.admin.caller, 'delivery.targets.check', { id: missing.id });
    expect(state).toMatchObject({ state: 'unreachable' });
    expect(state!.stateDetail).toContain('ENOENT');
  });

  it('without a targetId an export is a download, as before: no job, no delivery', async () => {
    const file = await env.call(clerk.caller, 'customers.export', csv);
    expect(file.delivery).toBeUndefined();
    expect(env.backend.exportedFile(clerk.caller, file.fileId)).not.toBeNull();
    const jobs = await env.call(env.admin.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10 });
    expect(jobs.rowCount).toBe(0);
  });

  it('delivers the export under its final name in {register}/{yyyy}/{MM}, verified, with every step logged', async () => {
    const target = await createTarget(env, env.admin, { name: '营销部共享盘' });
    const file = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    expect(file.delivery).toEqual({ jobId: expect.any(Number), targetId: target.id, targetName: '营销部共享盘' });
    expect(file.rows).toBe(5);
    await env.backend.delivery.runDue();

    const [yyyy, MM] = localDate(env.clock.now()).split('-');
    const expected = `客户档案台账/${yyyy}/${MM}/${file.fileName}`;
    expect(await filesUnder(target.folder)).toEqual([expected]);
    const job = await jobFacts(env.backend.store.reader, file.delivery!.jobId);
    expect(job).toMatchObject({ status: 'delivered', attempts: 1, lastError: null, pendingPath: null, finalPath: join(target.folder, expected) });
    // The delivered bytes are the export's bytes, and their hash is the one recorded when the job was queued.
    const delivered = join(target.folder, expected);
    expect(await sha256Of(delivered)).toBe(job.sha256);
    expect(await readFile(delivered)).toEqual(await readFile(env.backend.exportedFile(clerk.caller, file.fileId)!.path));
    expect((await readFile(delivered, 'utf8')).startsWith('\uFEFF')).toBe(true);
    // Delivered: the outbox no longer holds it.
    expect(await outbox()).toEqual([]);
    expect(await attemptsOf(env.backend.store.reader, job.id)).toEqual([{ result: 'delivered', error: null, finalPath: delivered }]);

    const row = (await env.call(clerk.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10, filterModel: { state: { filterType: 'set', values: ['delivered'] } } })).rows[0]!;
    expect(row).toMatchObject({ register: '客户档案台账', registerKey: 'customers', rows: 5, userName: '陈静', targetName: '营销部共享盘', state: 'delivered', finalPath: delivered });

    // The export itself and the send are both in the audit log.
    const audit = await env.call(env.admin.caller, 'audit.query', { startRow: 0, endRow: 5, filterModel: { entity: { filterType: 'set', values: ['deliveryJob'] } } });
    expect(audit.rows[0]).toMatchObject({ action: 'send', entityId: String(job.id), userName: clerk.username });
    expect(JSON.parse(audit.rows[0]!.summary)).toMatchObject({ fileName: file.fileName, rows: 5, sha256: job.sha256, target: '营销部共享盘' });
  });

  it('never overwrites: a taken name gets (2), (3) … and the file already there stays as it was', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const first = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    // Someone put a file of their own under the next export's name (same register, same minute).
    await writeFile(join(target.folder, first.fileName.replace('.csv', '(2).csv')), '别人的文件');
    await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    await env.backend.delivery.runDue();
    const base = first.fileName.replace('.csv', '');
    expect(await filesUnder(target.folder)).toEqual([`${base}(2).csv`, `${base}(3).csv`, `${base}(4).csv`, `${base}.csv`].sort());
    expect(await readFile(join(target.folder, `${base}(2).csv`), 'utf8')).toBe('别人的文件');
  });

  it('a missing folder keeps the job pending with its reason, retried with backoff, delivered when it is back', async () => {
    const folder = await targetFolder(env);
    const target = await createTarget(env, env.admin, { folder, subFolder: '{register}' });
    const away = `${folder}-离线`;
    await rename(folder, away);

    const file = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    const jobId = file.delivery!.jobId;
    await env.backend.delivery.runDue();
    let job = await jobFacts(env.backend.store.reader, jobId);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, failures: 1, lastError: 'unreachable' });
    expect(Date.parse(job.nextAttemptAt) - env.clock.now().getTime()).toBe(30_000);
    // The file is safe in the outbox, with the hash it was queued with.
    expect(await sha256Of(join(env.dir, 'outbox', job.outboxFile))).toBe(job.sha256);
    // The target's live state follows: 不可达.
    expect((await env.call(env.admin.caller, 'delivery.targets.check', { id: target.id }))[0]!.state).toBe('unreachable');

    // Not due yet: nothing is attempted.
    await env.backend.delivery.runDue();
    expect((await jobFacts(env.backend.store.reader, jobId)).attempts).toBe(1);
    // 30 s later the second attempt fails again and waits 1 min; then 2 min.
    env.clock.advance(30_000);
    await env.backend.delivery.runDue();
    job = await jobFacts(env.backend.store.reader, jobId);
    expect(job).toMatchObject({ attempts: 2, failures: 2, lastError: 'unreachable' });
    expect(Date.parse(job.nextAttemptAt) - env.clock.now().getTime()).toBe(60_000);
    env.clock.advance(60_000);
    await env.backend.delivery.runDue();
    job = await jobFacts(env.backend.store.reader, jobId);
    expect(Date.parse(job.nextAttemptAt) - env.clock.now().getTime()).toBe(120_000);

    const jobs = await env.call(clerk.caller, 'delivery.jobs.query', { startRow: 0, endRow: 10, filterModel: { state: { filterType: 'set', values: ['failed'] } } });
    expect(jobs.rows.find((r) => r.id === jobId)).toMatchObject({ state: 'failed', lastError: 'unreachable', attempts: 3 });
    const today = await env.call(clerk.caller, 'dashboard.today', {});
    expect(today.find((i) => i.id === 'delivery.failed')).toMatchObject({ count: 1, level: 'danger', route: '/exports/jobs' });

    // The folder is back: at the end of the backoff the timer's run delivers it.
    await rename(away, folder);
    env.clock.advance(120_000);
    await env.backend.delivery.runDue();
    job = await jobFacts(env.backend.store.reader, jobId);
    expect(job).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(await filesUnder(folder)).toEqual([`客户档案台账/${file.fileName}`]);
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
    expect((await attemptsOf(env.backend.store.reader, jobId)).map((a) => `${a.result}:${a.error ?? ''}`)).toEqual([
      'failed:unreachable',
      'failed:unreachable',
      'failed:unreachable',
      'delivered:',
    ]);
    expect((await env.call(clerk.caller, 'dashboard.today', {})).find((i) => i.id === 'delivery.failed')).toBeUndefined();
  });

  it('立即重试 answers with the outcome; 改投 sends a waiting job to another target', async () => {
    const folder = await targetFolder(env, false);
    const target = await createTarget(env, env.admin, { folder });
    const file = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    await env.backend.delivery.runDue();
    const jobId = file.delivery!.jobId;

    const stillAway = await env.call(clerk.caller, 'delivery.jobs.retry', { id: jobId });
    expect(stillAway).toMatchObject({ state: 'failed', lastError: 'unreachable', attempts: 2 });

    await mkdir(folder);
    const back = await env.call(clerk.caller, 'delivery.jobs.retry', { id: jobId });
    expect(back).toMatchObject({ state: 'delivered', attempts: 3, lastError: null });
    expect(await sha256Of(back.finalPath!)).toBe(back.sha256);
    // Retrying a delivered job changes nothing.
    expect(await env.call(clerk.caller, 'delivery.jobs.retry', { id: jobId })).toMatchObject({ state: 'delivered', attempts: 3 });
    // …and it cannot be redirected any more.
    const other = await createTarget(env, env.admin);
    expect(await env.fail(clerk.caller, 'delivery.jobs.redirect', { id: jobId, targetId: other.id })).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.alreadyDelivered' });

    const lost = await createTarget(env, env.admin, { exists: false });
    const second = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: lost.id });
    await env.backend.delivery.runDue();
    const moved = await env.call(clerk.caller, 'delivery.jobs.redirect', { id: second.delivery!.jobId, targetId: other.id });
    expect(moved).toMatchObject({ state: 'delivered', targetId: other.id, attempts: 2 });
    expect(moved.finalPath!.startsWith(other.folder)).toBe(true);
    const attempts = await env.call(clerk.caller, 'delivery.jobs.attempts', { jobId: moved.id });
    expect(attempts.map((a) => [a.result, a.error])).toEqual([
      ['delivered', null],
      ['failed', 'unreachable'],
    ]);
  });

  it('a disabled target takes no new export, and its waiting jobs wait without attempts until redirected', async () => {
    const target = await createTarget(env, env.admin, { exists: false });
    const file = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    await env.backend.delivery.runDue();
    const record = (await env.call(env.admin.caller, 'delivery.targets.query', { startRow: 0, endRow: 100 })).rows.find((r) => r.id === target.id)!;
    await env.call(env.admin.caller, 'delivery.targets.update', {
      id: target.id,
      target: { name: record.name, folder: record.folder, subFolder: record.subFolder, enabled: false, defaultRegisters: [], manifest: false },
    });
    expect(await env.fail(clerk.caller, 'customers.export', { ...csv, targetId: target.id })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'targetId', key: 'delivery.errors.targetDisabled' }] },
    });
    expect(await env.fail(clerk.caller, 'customers.export', { ...csv, targetId: 99_999 })).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'targetId' }] } });
    // Far past any backoff (within the session's idle time): still no attempt.
    env.clock.advance(29 * 60_000);
    await env.backend.delivery.runDue();
    expect((await jobFacts(env.backend.store.reader, file.delivery!.jobId)).attempts).toBe(1);
    expect((await env.call(clerk.caller, 'delivery.targets.options', {})).map((o) => o.id)).not.toContain(target.id);
    expect(await env.fail(clerk.caller, 'delivery.jobs.retry', { id: file.delivery!.jobId })).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.targetDisabled' });
  });

  it('writes a manifest line per delivered file when the target asks for one', async () => {
    const target = await createTarget(env, env.admin, { manifest: true, subFolder: '{yyyy}' });
    const a = await env.call(clerk.caller, 'customers.export', { ...csv, targetId: target.id });
    const b = await env.call(env.admin.caller, 'audit.export', { view: {}, columns: ['at', 'action'], format: 'xlsx', targetId: target.id });
    await env.backend.delivery.runDue();
    const lines = (await readFile(join(target.folder, '_manifest.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const yyyy = localDate(env.clock.now()).slice(0, 4);
    expect(lines).toEqual([
      expect.objectContaining({ file: `${yyyy}/${a.fileName}`, register: '客户档案台账', rows: 5, user: '陈静', job: a.delivery!.jobId }),
      expect.objectContaining({ file: `${yyyy}/${b.fileName}`, register: '操作日志', user: '系统管理员', job: b.delivery!.jobId }),
    ]);
    for (const line of lines) expect(await sha256Of(join(target.folder, line.file as string))).toBe(line.sha256);
    // The delivered .xlsx opens as the register it is.
    const book = await readWorkbook(join(target.folder, `${yyyy}/${b.fileName}`));
    expect(book.worksheets[0]!.name).toBe('操作日志');
  });

  it('refuses bad targets on save and a duplicate name, writing nothing', async () => {
    const before = await env.rowCounts();
    const base = { name: '坏目标', subFolder: '{register}', enabled: true, defaultRegisters: [], manifest: false };
    for (const [folder, key] of [
      ['台账', 'delivery.v.folderRelative'],
      ['/mnt/CON/x', 'delivery.v.deviceName'],
      [`/mnt/${'长'.repeat(170)}`, 'v.tooLong'],
    ] as const) {
      const err = await env.fail(env.admin.caller, 'delivery.targets.create', { target: { ...base, folder } });
      expect(err.code, folder).toBe('VALIDATION');
      expect(err.details?.issues?.[0]?.key, folder).toBe(key);
    }
    const folder = await targetFolder(env);
    const bad = await env.fail(env.admin.caller, 'delivery.targets.create', { target: { ...base, folder, subFolder: '{register}/../../x' } });
    expect(bad.details?.issues?.[0]).toEqual({ path: 'target.subFolder', key: 'delivery.v.patternEscape' });
    const unknown = await env.fail(env.admin.caller, 'delivery.targets.create', { target: { ...base, folder, defaultRegisters: ['nope'] } });
    expect(unknown.details?.issues?.[0]?.path).toBe('target.defaultRegisters.0');
    await env.call(env.admin.caller, 'delivery.targets.create', { target: { ...base, folder } });
    const twice = await env.fail(env.admin.caller, 'delivery.targets.create', { target: { ...base, name: '坏目标'.toUpperCase(), folder } });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'delivery.errors.nameTaken' });
    const after = await env.rowCounts();
    expect(after.delivery_targets).toBe(before.delivery_targets! + 1);
  });

  it('only the admin manages targets; everyone who may export sees the enabled ones by name, without paths', async () => {
    expect((await env.fail(clerk.caller, 'delivery.targets.query', { startRow: 0, endRow: 10 })).code).toBe('FORBIDDEN');
    expect((await env.fail(clerk.caller, 'delivery.targets.create', { target: { name: 'x', folder: '/tmp' } })).code).toBe('FORBIDDEN');
    const options = await env.call(clerk.caller, 'delivery.targets.options', {});
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) expect(Object.keys(o).sort()).toEqual(['defaultRegisters', 'id', 'name', 'state']);
  });
});
