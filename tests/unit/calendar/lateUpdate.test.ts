import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@shared/workingDays';
import { lateByCalendar } from '../../../electron/backend/customers/history';
import { DEMO_CALENDAR_2026 } from '../../../electron/backend/demo/calendar';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';

/** customers.md's 2-day rule (超期更新) counts working days on the office's calendar. */
describe('the late-update rule in working days', () => {
  const plain = new WorkingCalendar([]);
  const y2026 = new WorkingCalendar(DEMO_CALENDAR_2026);

  it('gives the 2 working days across a weekend', () => {
    // Received Friday 20 November: due Tuesday 24th, late on Wednesday 25th.
    expect(lateByCalendar(plain, '2026-11-20', '2026-11-24')).toBe(false);
    expect(lateByCalendar(plain, '2026-11-20', '2026-11-25')).toBe(true);
    // Received Wednesday: due Friday; a Saturday entry is already late.
    expect(lateByCalendar(plain, '2026-11-18', '2026-11-20')).toBe(false);
    expect(lateByCalendar(plain, '2026-11-18', '2026-11-21')).toBe(true);
    // Received on a Sunday: Monday and Tuesday are the two working days.
    expect(lateByCalendar(plain, '2026-11-22', '2026-11-24')).toBe(false);
    expect(lateByCalendar(plain, '2026-11-22', '2026-11-25')).toBe(true);
  });

  it('gives them across a holiday and counts a make-up Saturday', () => {
    // Received the day before 国庆节: due Friday 9 October, after the week off.
    expect(lateByCalendar(y2026, '2026-09-30', '2026-10-09')).toBe(false);
    expect(lateByCalendar(plain, '2026-09-30', '2026-10-09')).toBe(true);
    // Received Thursday 8 October: Friday and the make-up Saturday 10th are the two days.
    expect(lateByCalendar(y2026, '2026-10-08', '2026-10-10')).toBe(false);
    expect(lateByCalendar(y2026, '2026-10-08', '2026-10-12')).toBe(true);
    expect(lateByCalendar(plain, '2026-10-08', '2026-10-12')).toBe(false);
  });
});

describe('late updates recorded through the customer channels use the calendar table', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend({ start: '2026-10-08T02:00:00Z' });
    clerk = await env.createUser({ roles: ['clerk'] });
    staffId = await env.createStaff();
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const lateFlags = (customerId: number) =>
    env.backend.store.reader.all<{ received_on: string; late: number }>(
      `SELECT received_on, late FROM customer_changes WHERE customer_id = ? AND field = 'notes' ORDER BY id`,
      [customerId],
    );

  it('an entry after the National Day week is on time once the holidays are listed, late before', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const early = await env.call(clerk.caller, 'customers.update', {
      id: customer.id,
      version: customer.version,
      changes: { notes: '节前获悉（未登记节假日）' },
      receivedOn: '2026-09-30',
    });
    for (const date of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      await env.call(env.admin.caller, 'calendar.create', { day: { date, kind: 'holiday', name: '国庆节' } });
    }
    const afterListing = await env.call(clerk.caller, 'customers.update', {
      id: customer.id,
      version: early.version,
      changes: { notes: '节前获悉' },
      receivedOn: '2026-09-30',
    });
    await env.call(clerk.caller, 'customers.update', {
      id: customer.id,
      version: afterListing.version,
      changes: { notes: '节前两个工作日获悉' },
      receivedOn: '2026-09-28',
    });
    expect(await lateFlags(customer.id)).toEqual([
      { received_on: '2026-09-30', late: 1 },
      { received_on: '2026-09-30', late: 0 },
      { received_on: '2026-09-28', late: 1 },
    ]);
  });
});
