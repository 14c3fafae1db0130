import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { customer, office, today, type Office } from './fixture';

/** The dashboard's "today" list: what waits for this user's decision, and a requester's running grants. */
describe('today items of access requests and order-cycle approval', () => {
  let env: TestEnv;
  let o: Office;

  beforeAll(async () => {
    env = await freshBackend();
    o = await office(env);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const items = async (user: TestUser) =>
    Object.fromEntries(
      (await env.call(user.caller, 'dashboard.today', {}))
        .filter((i) => i.id.startsWith('access.'))
        .map((i) => [i.id, { count: i.count, route: i.route, text: i.text }]),
    );

  it('counts pending requests for approvers, running grants for requesters, nothing for others', async () => {
    expect(await items(o.supervisor)).toEqual({});
    const c = await customer(env, o);
    const d = await customer(env, o);
    const first = await env.call(o.keeper.caller, 'access.request', { customerId: c.id, reason: '核对' });
    await env.call(o.points.caller, 'access.request', { customerId: d.id, reason: '核对' });
    const current = (await env.call(o.clerk.caller, 'customers.get', { id: c.id })).customer;
    await env.call(o.clerk.caller, 'customers.update', {
      id: c.id,
      version: current.version,
      changes: { orderCycle: '每月一次' },
      receivedOn: today(env),
    });

    expect(await items(o.supervisor)).toEqual({
      'access.pendingRequests': {
        count: 2,
        route: '/access/approvals',
        text: 'access.today.pendingRequests',
      },
      'access.pendingOrderCycles': {
        count: 1,
        route: '/access/approvals?tab=orderCycle',
        text: 'access.today.pendingOrderCycles',
      },
    });
    expect(await items(o.keeper)).toEqual({});
    expect(await items(o.clerk)).toEqual({});

    await env.call(o.supervisor.caller, 'access.approve', { id: first.id, days: 7 });
    expect((await items(o.supervisor))['access.pendingRequests']?.count).toBe(1);
    expect(await items(o.keeper)).toEqual({
      'access.activeGrants': { count: 1, route: '/access/requests', text: 'access.today.activeGrants' },
    });
    expect(await items(o.points)).toEqual({});
  });
});
