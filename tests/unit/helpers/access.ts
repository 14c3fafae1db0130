import type { SampleFixture } from './samples';
import { customerValues, today } from './customers';

/** A fresh customer for the samples (class B unless told). */
async function sampleCustomer(f: SampleFixture, abcClass: 'A' | 'B' | 'C' = 'B') {
  const { customer } = await f.env.call(f.boss.caller, 'customers.create', {
    customer: customerValues(f.staffId, { abcClass }),
    receivedOn: today(f.env),
  });
  return customer;
}

/** A request waiting for a supervisor, filed by a storekeeper (never the caller who then decides it). */
export async function pendingAccessRequest(f: SampleFixture): Promise<number> {
  const requester = await f.env.createUser({ roles: ['storekeeper'] });
  const customer = await sampleCustomer(f);
  const row = await f.env.call(requester.caller, 'access.request', {
    customerId: customer.id,
    reason: '核对礼品发放对象',
  });
  return row.id;
}

/**
 * A customer every user holds a running grant for, so a sample call of the grant holder's channels goes through
 * whoever makes it. Fixture shortcut: the grants are written directly; approving is tested in tests/unit/access.
 */
export async function customerGrantedToEveryone(f: SampleFixture): Promise<number> {
  const customer = await sampleCustomer(f);
  const now = f.env.clock.now();
  const expires = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  await f.env.backend.store.write((tx) =>
    tx.run(
      `INSERT INTO access_requests (customer_id, requester_id, requester_name, reason, status, requested_at, decided_by,
         decided_by_name, decided_at, granted_days, expires_at)
       SELECT ?, u.id, u.display_name, '样例', 'approved', ?, ?, '样例主管', ?, 7, ? FROM users u`,
      [customer.id, now.toISOString(), f.boss.id, now.toISOString(), expires],
    ),
  );
  return customer.id;
}

/** An order-cycle change a clerk entered, waiting for approval. */
export async function pendingOrderCycleRequest(f: SampleFixture): Promise<number> {
  const clerk = await f.env.createUser({ roles: ['clerk'] });
  const customer = await sampleCustomer(f);
  await f.env.call(clerk.caller, 'customers.update', {
    id: customer.id,
    version: customer.version,
    changes: { orderCycle: '每两周一次' },
    receivedOn: today(f.env),
  });
  const pending = await f.env.call(f.boss.caller, 'orderCycle.pending', { customerId: customer.id });
  return pending!.id;
}
