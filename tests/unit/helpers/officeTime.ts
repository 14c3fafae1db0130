import { afterAll, beforeAll, expect } from 'vitest';
import type { Caller } from '../../../electron/backend/index';
import { ADMIN, type TestEnv, type TestUser } from './env';

/**
 * Runs the calling describe block in China Standard Time, the office's zone (calendar.md: times are local), so
 * "today", months and quarters are the office's whatever zone the machine running the tests is in.
 */
export function inOfficeTimeZone(): void {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}

/** Moves the clock to `at`; sessions idle that long have ended, so the admin and `user` sign in again. */
export async function jumpAndSignIn(env: TestEnv, at: string, user: TestUser): Promise<{ admin: Caller; user: TestUser }> {
  env.clock.set(at);
  const admin = await env.login(ADMIN.username, ADMIN.password);
  return { admin, user: { ...user, caller: await env.login(user.username, user.password) } };
}

/** Closes a block's backend once it has checked that nothing was logged as an error. */
export async function closeChecked(env: TestEnv): Promise<void> {
  expect(env.loggedErrors).toEqual([]);
  await env.close();
}
