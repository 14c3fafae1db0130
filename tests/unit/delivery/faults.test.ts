import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshBackend, type TestEnv } from '../helpers/env';
import { createTarget, targetFolder } from '../helpers/delivery';
import { attemptsOf, filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';
import { canMountTmpfs, faultyFs, fillingFile, fsError, mountTmpfs, queueFile, runsAsRoot, setImmutable, unmount } from '../helpers/deliveryFaults';
import type { CopyHooks } from '../../../electron/backend/delivery/copyToTarget';
import { nodeDeliveryFs as real } from '../../../electron/backend/delivery/fsLayer';
import { createBackend } from '../../../electron/backend/index';

/**
 * Fault tests of delivery on real folders (issue 4 "What must be true"): a target folder missing, removed
 * mid-copy, read-only, full, slow, a name collision, a corrupted copy, the app closing mid-copy. In every case no
 * partial or corrupt file ever appears under a final name, the job stays pending with its reason, and it is
 * delivered with its hash matching once the target is back.
 *
 * Where this machine cannot produce a fault for real, the test injects it through the delivery's fs layer and
 * says so in its name: a read-only folder is chmod 0555 for an ordinary user, the immutable attribute (chattr
 * +i) for root (who ignores permissions), else an injected EROFS; a full disk is a 1 MiB tmpfs where mounting is
 * allowed, else an injected ENOSPC.
 */

const CHUNK = 64 * 1024;
const SIZE = 640 * 1024; // ten chunks

describe('delivery faults', () => {
  let env: TestEnv;
  const { fs, faults } = faultyFs();
  const hooks: CopyHooks = {};
  const clearFaults = () => {
    for (const k of Object.keys(faults)) delete faults[k as keyof typeof faults];
    for (const k of Object.keys(hooks)) delete hooks[k as keyof CopyHooks];
  };
  const reader = () => env.backend.store.reader;
  /** The names under the target that are final names (not Neiqin's temporary dot files). */
  const finalNames = async (folder: string) => (await filesUnder(folder)).filter((f) => !f.split('/').pop()!.startsWith('.~neiqin-'));

  /** After a fault: the job waits with `reason`, nothing under a final name, no temporary file left. */
  async function expectWaiting(jobId: number, folder: string, reason: string, othersFiles: string[] = []) {
    const job = await jobFacts(reader(), jobId);
    expect(job).toMatchObject({ status: 'pending', lastError: reason, finalPath: null });
    expect(await finalNames(folder)).toEqual(othersFiles);
    expect(await sha256Of(join(env.dir, 'outbox', job.outboxFile))).toBe(job.sha256);
  }

  /** Once the fault is gone: a retry delivers it, verified, under its final name, with no temporary file left. */
  async function expectDeliveredOnRetry(jobId: number, folder: string) {
    const row = await env.call(env.admin.caller, 'delivery.jobs.retry', { id: jobId });
    expect(row.state).toBe('delivered');
    const job = await jobFacts(reader(), jobId);
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
    expect(await filesUnder(folder)).toEqual(await finalNames(folder));
    expect(await finalNames(folder)).toHaveLength(1);
  }

  beforeAll(async () => {
    env = await freshBackend({ delivery: { fs, hooks, chunkBytes: CHUNK, opTimeoutMs: 300, chunkTimeoutMs: 300, minFreeBytes: 4 * 1024 * 1024 } });
  });
  afterEach(clearFaults);
  afterAll(async () => {
    clearFaults();
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('target folder missing: the job waits (不可达), nothing is created in its place', async () => {
    const target = await createTarget(env, env.admin, { exists: false, subFolder: '{register}' });
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    await expectWaiting(jobId, target.folder, 'unreachable');
    // The deliverer does not create a missing target folder (a share that is not mounted is not a local folder).
    await expect(readFile(target.folder)).rejects.toMatchObject({ code: 'ENOENT' });
    await mkdir(target.folder);
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it('target folder renamed away mid-copy (real): the attempt fails, no final name ever appears', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    const away = `${target.folder}-拔掉`;
    hooks.beforeChunk = async ({ written }) => {
      if (written === 3 * CHUNK) await rename(target.folder, away);
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    const job = await jobFacts(reader(), jobId);
    expect(job).toMatchObject({ status: 'pending', lastError: 'unreachable' });
    // What reached the vanished folder is a temporary dot file at most, never a final name.
    expect((await filesUnder(away)).every((f) => f.startsWith('.~neiqin-'))).toBe(true);
    clearFaults();
    await rename(away, target.folder);
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it('target folder deleted mid-copy (real): the attempt fails and the job is delivered when it is recreated', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    hooks.beforeChunk = async ({ written }) => {
      if (written === 5 * CHUNK) await rm(target.folder, { recursive: true, force: true });
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    await expectWaiting(jobId, target.folder, 'unreachable');
    clearFaults();
    await mkdir(target.folder);
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it(`read-only folder (${runsAsRoot ? 'root: chattr +i' : 'chmod 0555'}, real): the job waits (只读) and the target shows 只读`, async (ctx) => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    if (runsAsRoot) {
      if (!setImmutable(target.folder, true)) ctx.skip(); // the injected read-only test below still runs
    } else await chmod(target.folder, 0o555);
    try {
      const jobId = await queueFile(env.backend, target.id, SIZE);
      await env.backend.delivery.runDue();
      await expectWaiting(jobId, target.folder, 'readOnly');
      expect((await env.call(env.admin.caller, 'delivery.targets.check', { id: target.id }))[0]!.state).toBe('readOnly');
    } finally {
      if (runsAsRoot) setImmutable(target.folder, false);
      else await chmod(target.folder, 0o755);
    }
    const [jobId] = (await env.backend.store.reader.all<{ id: number }>('SELECT id FROM delivery_jobs WHERE target_id = ?', [target.id])).map((r) => r.id);
    await expectDeliveredOnRetry(jobId!, target.folder);
  });

  it('read-only share (injected EROFS, as a share mounted read-only reports it): the job waits (只读)', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '{register}' });
    faults.openWrite = async (path) => {
      throw fsError('EROFS', path);
    };
    faults.mkdir = async (path) => {
      throw fsError('EROFS', path);
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    await expectWaiting(jobId, target.folder, 'readOnly');
    clearFaults();
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it('full disk mid-copy (injected ENOSPC): the partial temporary file is removed, the job waits (空间不足)', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    faults.openWrite = async (path) => fillingFile(await real.openWrite(path), 3 * CHUNK);
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    await expectWaiting(jobId, target.folder, 'full');
    expect(await filesUnder(target.folder)).toEqual([]);
    clearFaults();
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  describe('full disk on a real 1 MiB tmpfs', () => {
    let mountPoint = '';
    let mounted = false;
    beforeAll(async () => {
      mountPoint = await targetFolder(env);
      mounted = canMountTmpfs(mountPoint);
      if (mounted) mountTmpfs(mountPoint, '1m');
    });
    afterAll(() => {
      if (mounted) unmount(mountPoint);
    });

    it('a file larger than the free space waits (空间不足); the target shows 空间不足', async (ctx) => {
      if (!mounted) ctx.skip(); // no mount permission here: the injected ENOSPC test above covers it
      const target = await createTarget(env, env.admin, { folder: mountPoint, subFolder: '' });
      expect((await env.call(env.admin.caller, 'delivery.targets.check', { id: target.id }))[0]).toMatchObject({ state: 'full' });
      const jobId = await queueFile(env.backend, target.id, 2 * 1024 * 1024);
      await env.backend.delivery.runDue();
      await expectWaiting(jobId, mountPoint, 'full');
      // Redirected to a target with room, it is delivered there.
      const roomy = await createTarget(env, env.admin, { subFolder: '' });
      const moved = await env.call(env.admin.caller, 'delivery.jobs.redirect', { id: jobId, targetId: roomy.id });
      expect(moved.state).toBe('delivered');
      expect(await sha256Of(moved.finalPath!)).toBe(moved.sha256);
    });

    it('the disk fills up during the copy (real ENOSPC): the temporary file is removed, delivered once there is room', async (ctx) => {
      if (!mounted) ctx.skip();
      const target = await createTarget(env, env.admin, { folder: mountPoint, subFolder: '' });
      const filler = join(mountPoint, '别的程序的大文件.bin');
      hooks.beforeChunk = async ({ written }) => {
        // Another program fills the disk to the last byte (its own write ends with ENOSPC).
        if (written === 2 * CHUNK) await writeFile(filler, Buffer.alloc(1024 * 1024)).catch(() => undefined);
      };
      const jobId = await queueFile(env.backend, target.id, 5 * CHUNK);
      await env.backend.delivery.runDue();
      await expectWaiting(jobId, mountPoint, 'full', ['别的程序的大文件.bin']);
      // The partial temporary file was removed: only the other program's file is there.
      expect(await filesUnder(mountPoint)).toEqual(['别的程序的大文件.bin']);
      clearFaults();
      await rm(filler);
      await expectDeliveredOnRetry(jobId, mountPoint);
    });
  });

  it('slow share (injected: writes hang): the attempt times out and the job waits; the app is not held up', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    faults.openWrite = async (path) => {
      const inner = await real.openWrite(path);
      return { ...inner, write: () => new Promise(() => undefined), sync: () => inner.sync(), close: () => inner.close() };
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    const started = Date.now();
    await env.backend.delivery.runDue();
    expect(Date.now() - started).toBeLessThan(5_000);
    await expectWaiting(jobId, target.folder, 'timeout');
    clearFaults();
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it('dead share (injected: stat never answers): the check says 不可达 within the timeout', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    faults.stat = () => new Promise(() => undefined);
    const started = Date.now();
    const [record] = await env.call(env.admin.caller, 'delivery.targets.check', { id: target.id });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(record).toMatchObject({ state: 'unreachable' });
    expect(record!.stateDetail).toContain('timeout');
  });

  it('a corrupted copy (injected: one byte changed on the way) fails verification and never takes the final name', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    faults.openWrite = async (path) => {
      const inner = await real.openWrite(path);
      let first = true;
      return {
        ...inner,
        write: (buffer, offset, length) => {
          if (first) {
            first = false;
            const copy = Buffer.from(buffer.subarray(offset, offset + length));
            copy[7] = copy[7]! ^ 0xff;
            return inner.write(copy, 0, length);
          }
          return inner.write(buffer, offset, length);
        },
        sync: () => inner.sync(),
        close: () => inner.close(),
      };
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    await expectWaiting(jobId, target.folder, 'verifyFailed');
    expect(await filesUnder(target.folder)).toEqual([]);
    clearFaults();
    await expectDeliveredOnRetry(jobId, target.folder);
  });

  it('name collision where the share has no hard links (injected EPERM on link): checked, never overwritten', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    faults.link = async () => {
      throw fsError('EPERM');
    };
    await writeFile(join(target.folder, '测试台账_2026-11-25_1000.xlsx'), '已有的文件');
    await writeFile(join(target.folder, '测试台账_2026-11-25_1000(2).xlsx'), '也已有');
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    const job = await jobFacts(reader(), jobId);
    expect(job.finalPath).toBe(join(target.folder, '测试台账_2026-11-25_1000(3).xlsx'));
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
    expect(await readFile(join(target.folder, '测试台账_2026-11-25_1000.xlsx'), 'utf8')).toBe('已有的文件');
    expect(await readFile(join(target.folder, '测试台账_2026-11-25_1000(2).xlsx'), 'utf8')).toBe('也已有');
  });

  it('a name taken between two deliveries of the same name (real): the hard link refuses it, the next number is used', async () => {
    const target = await createTarget(env, env.admin, { subFolder: '' });
    // Another program creates the final name while the copy runs (after Neiqin could have looked).
    hooks.beforeRename = async () => {
      await writeFile(join(target.folder, '测试台账_2026-11-25_1000.xlsx'), '抢先一步');
    };
    const jobId = await queueFile(env.backend, target.id, SIZE);
    await env.backend.delivery.runDue();
    const job = await jobFacts(reader(), jobId);
    expect(job.finalPath).toBe(join(target.folder, '测试台账_2026-11-25_1000(2).xlsx'));
    expect(await readFile(join(target.folder, '测试台账_2026-11-25_1000.xlsx'), 'utf8')).toBe('抢先一步');
    expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
  });

  it('the app closing mid-copy: the attempt is interrupted, its temporary file removed, delivered at the next start', async () => {
    let closed: Promise<void> | null = null;
    const local: TestEnv = await freshBackend({
      delivery: {
        chunkBytes: CHUNK,
        hooks: {
          beforeChunk: ({ written }) => {
            if (written === 4 * CHUNK && !closed) closed = local.backend.close();
          },
        },
      },
    });
    try {
      const target = await createTarget(local, local.admin, { subFolder: '' });
      const jobId = await queueFile(local.backend, target.id, SIZE);
      await local.backend.delivery.runDue();
      expect(closed).not.toBeNull();
      await closed;
      expect(await filesUnder(target.folder)).toEqual([]);

      const again = await createBackend({ dataDir: local.dir, clock: local.clock, log: { info: () => undefined, error: (m) => local.loggedErrors.push(m) } });
      try {
        await again.delivery.runDue();
        const job = await jobFacts(again.store.reader, jobId);
        expect(job.status).toBe('delivered');
        expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
        expect(await filesUnder(target.folder)).toEqual(['测试台账_2026-11-25_1000.xlsx']);
        expect((await attemptsOf(again.store.reader, jobId)).map((a) => [a.result, a.error])).toEqual([
          ['interrupted', 'interrupted'],
          ['delivered', null],
        ]);
      } finally {
        await again.close();
      }
    } finally {
      expect(local.loggedErrors).toEqual([]);
      await rm(local.dir, { recursive: true, force: true });
    }
  });
});
