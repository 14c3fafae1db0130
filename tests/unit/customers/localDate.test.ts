import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues } from '../helpers/customers';

/**
 * "Today" for the 2-day rule and for future dates is the office's local calendar day, not the UTC one:
 * at 01:30 on 26 November in Beijing it is still the 25th in UTC.
 */
describe('the office calendar day', () => {
  const originalTz = process.env.TZ;
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    process.env.TZ = 'Asia/Shanghai';
    env = await freshBackend({ start: '2026-11-25T17:30:00Z' });
    clerk = await env.createUser({ roles: ['clerk'] });
    staffId = await env.createStaff();
  });
  afterAll(async () => {
    await env.close();
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('runs in the Beijing zone', () => {
    expect(new Date('2026-11-25T17:30:00Z').getDate()).toBe(26);
  });

  it('accepts information received "today" in local time and refuses the local tomorrow', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId), {
      receivedOn: '2026-11-26',
    });
    expect(customer.id).toBeGreaterThan(0);
    const error = await env.fail(clerk.caller, 'customers.update', {
      id: customer.id,
      version: 1,
      changes: { notes: 'x' },
      receivedOn: '2026-11-27',
    });
    expect(error.details?.issues).toEqual([{ path: 'receivedOn', key: 'v.futureDate' }]);
  });

  it('counts the late-update days from the local date', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId), {
      receivedOn: '2026-11-23',
    });
    const { customer: onTime } = await createCustomer(env, clerk.caller, customerValues(staffId), {
      receivedOn: '2026-11-24',
    });
    const late = await env.backend.store.reader.all<{ customer_id: number; late: number }>(
      `SELECT customer_id, late FROM customer_changes WHERE field = 'created' AND customer_id IN (?, ?) ORDER BY customer_id`,
      [customer.id, onTime.id],
    );
    // 23 → 26 is three days (late); in UTC it would have been two.
    expect(late).toEqual([
      { customer_id: customer.id, late: 1 },
      { customer_id: onTime.id, late: 0 },
    ]);
  });

  it('counts "new this month" by the local registration date', async () => {
    await createCustomer(env, clerk.caller, customerValues(staffId, { registeredOn: '2026-11-01' }), {
      receivedOn: '2026-11-26',
    });
    await createCustomer(env, clerk.caller, customerValues(staffId, { registeredOn: '2026-10-31' }), {
      receivedOn: '2026-11-26',
    });
    const summary = await env.call(clerk.caller, 'dashboard.summary', {});
    expect(summary.customers.newThisMonth).toBe(1);
  });
});
