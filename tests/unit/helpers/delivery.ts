import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestEnv, TestUser } from './env';

let n = 0;

/** A folder inside the test's data folder that exists (made here) or not (`exists: false`). */
export async function targetFolder(env: TestEnv, exists = true): Promise<string> {
  const folder = join(env.dir, `共享盘-${++n}`);
  if (exists) await mkdir(folder, { recursive: true });
  return folder;
}

/** Defines an export target through the admin channel and returns its id. */
export async function createTarget(
  env: TestEnv,
  by: TestUser,
  options: { folder?: string; exists?: boolean; subFolder?: string; enabled?: boolean; manifest?: boolean; name?: string } = {},
): Promise<{ id: number; folder: string }> {
  const folder = options.folder ?? (await targetFolder(env, options.exists ?? true));
  const target = await env.call(by.caller, 'delivery.targets.create', {
    target: {
      name: options.name ?? `共享盘${++n}`,
      folder,
      subFolder: options.subFolder ?? '{register}/{yyyy}/{MM}',
      enabled: options.enabled ?? true,
      defaultRegisters: ['customers'],
      manifest: options.manifest ?? false,
    },
  });
  return { id: target.id, folder };
}

/** Exports the customer register (code and name) to a target; returns the job id once the first attempt is over. */
export async function exportToTarget(env: TestEnv, by: TestUser, targetId: number, format: 'xlsx' | 'csv' = 'csv'): Promise<number> {
  const file = await env.call(by.caller, 'customers.export', { view: {}, columns: ['code', 'name'], format, targetId });
  await env.backend.delivery.runDue();
  return file.delivery!.jobId;
}

/** A job that could not be delivered (its target folder is missing): pending, with a reason. */
export async function failedJob(env: TestEnv, by: TestUser): Promise<number> {
  const target = await createTarget(env, by, { exists: false });
  return exportToTarget(env, by, target.id);
}
