import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelSpec, type ChannelName } from '@shared/contract';
import { exportedFile } from '@shared/grid';
import { freshBackend, type TestEnv } from '../helpers/env';
import { sampleFixture, SAMPLES, type SampleFixture, type SampledChannel } from '../helpers/samples';
import { createTarget } from '../helpers/delivery';
import { filesUnder, jobFacts, sha256Of } from '../helpers/deliveryFiles';

/**
 * "Export anywhere in the app" (issue 4 item 3): every register export of every area — today's and those areas
 * add later — can be sent to a target with a `targetId`, through the one central route
 * (electron/backend/delivery/exportRouting.ts). This walks the contract, so a new export channel is covered the
 * day it is added, and one whose input cannot take a targetId fails here.
 */

/** Exported-file channels that are not registers (a blank import template): nothing to send to a share. */
const NOT_REGISTERS = ['imports.template'];

const exportChannels = CHANNEL_NAMES.filter((name) => channelSpec(name)!.output === exportedFile && !NOT_REGISTERS.includes(name));

describe('every register export can go to a target', () => {
  let env: TestEnv;
  let fixture: SampleFixture;
  let target: { id: number; folder: string };

  beforeAll(async () => {
    env = await freshBackend();
    fixture = await sampleFixture(env);
    target = await createTarget(env, fixture.boss, { subFolder: '{register}' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('finds the export channels of the contract', () => {
    expect(exportChannels).toEqual(expect.arrayContaining(['customers.export', 'audit.export', 'customers.resourceStatsExport']));
  });

  for (const name of exportChannels) {
    it(`${name} takes a targetId and delivers the register into {register}/`, async () => {
      const sample = await SAMPLES[name as SampledChannel & ChannelName](fixture);
      const input = { ...(sample as object), targetId: target.id };
      expect(channelSpec(name)!.input.safeParse(input).success, `${name} must accept a targetId (spread exportTarget into its input)`).toBe(true);
      const file = (await env.call(fixture.boss.caller, name, input as never)) as { fileName: string; delivery?: { jobId: number } };
      expect(file.delivery?.jobId).toBeGreaterThan(0);
      await env.backend.delivery.runDue();
      const job = await jobFacts(env.backend.store.reader, file.delivery!.jobId);
      expect(job.status).toBe('delivered');
      expect(await sha256Of(job.finalPath!)).toBe(job.sha256);
      const register = file.fileName.split('_')[0]!;
      expect(await filesUnder(target.folder)).toContain(`${register}/${file.fileName}`);
      // The same call without a targetId is still a plain download.
      const plain = (await env.call(fixture.boss.caller, name, sample as never)) as { delivery?: unknown; fileId: string };
      expect(plain.delivery).toBeUndefined();
      expect(env.backend.exportedFile(fixture.boss.caller, plain.fileId)).not.toBeNull();
    });
  }
});
