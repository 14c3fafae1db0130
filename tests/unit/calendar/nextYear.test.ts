import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import type { Caller } from '../../../electron/backend/index';
import { closeChecked, inOfficeTimeZone, jumpAndSignIn } from '../helpers/officeTime';

const line = (items: { id: string }[]) => items.filter((i) => i.id === 'calendar.nextYearMissing');

/** calendar.md: from December on, the app warns when next year has no entries yet. */
describe("next year's calendar reminder", () => {
  let env: TestEnv;
  let clerk: TestUser;
  let admin: Caller;
  const jump = async (at: string) => ({ admin, user: clerk } = await jumpAndSignIn(env, at, clerk));

  inOfficeTimeZone();
  beforeAll(async () => {
    env = await freshBackend({ start: '2026-11-30T02:00:00Z' });
    clerk = await env.createUser({ roles: ['clerk'] });
    admin = env.admin.caller;
  });
  afterAll(() => closeChecked(env));

  it('stays quiet in November', async () => {
    expect(line(await env.call(admin, 'dashboard.today', {}))).toEqual([]);
    expect(await env.call(admin, 'calendar.years', {})).toMatchObject({
      nextYear: 2027,
      nextYearMissing: false,
    });
  });

  it("warns the admin from 1 December, the office's local day (16:00 UTC on 30 November is already 1 December in Beijing)", async () => {
    await jump('2026-11-30T16:00:00Z');
    expect(line(await env.call(admin, 'dashboard.today', {}))).toEqual([
      {
        id: 'calendar.nextYearMissing',
        text: 'calendar.today.nextYearMissing',
        params: { year: 2027 },
        count: 1,
        level: 'warning',
        route: '/system/calendar',
      },
    ]);
    expect(await env.call(admin, 'calendar.years', {})).toMatchObject({
      currentYear: 2026,
      nextYear: 2027,
      nextYearMissing: true,
    });
  });

  it('does not bother users who cannot enter the calendar', async () => {
    expect(line(await env.call(clerk.caller, 'dashboard.today', {}))).toEqual([]);
    // They can still see, on the calendar page, that the year is missing.
    expect(await env.call(clerk.caller, 'calendar.years', {})).toMatchObject({ nextYearMissing: true });
  });

  it("goes away once next year has an entry, and this year's entries do not count", async () => {
    await env.call(admin, 'calendar.create', { day: { date: '2026-12-31', kind: 'holiday', name: '测试' } });
    expect(line(await env.call(admin, 'dashboard.today', {}))).toHaveLength(1);
    await env.call(admin, 'calendar.create', { day: { date: '2027-01-01', kind: 'holiday', name: '元旦' } });
    expect(line(await env.call(admin, 'dashboard.today', {}))).toEqual([]);
    expect(await env.call(admin, 'calendar.years', {})).toMatchObject({
      currentYearMissing: false,
      nextYearMissing: false,
    });
  });

  it('looks at the year after next once the new year has begun (checked again in December)', async () => {
    await jump('2027-01-05T02:00:00Z');
    expect(await env.call(admin, 'calendar.years', {})).toMatchObject({
      currentYear: 2027,
      nextYear: 2028,
      nextYearMissing: false,
    });
    await jump('2027-12-01T02:00:00Z');
    expect(line(await env.call(admin, 'dashboard.today', {}))).toMatchObject([{ params: { year: 2028 } }]);
  });
});
