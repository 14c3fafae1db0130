import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { contractValues, createContract, signedContract } from '../helpers/contracts';

/** customers.md "Contracts": contracts and their archive are kept at least 10 years — no archiving-away before. */
describe('10-year retention', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
    staffId = await env.createStaff();
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const archive = (caller: TestUser['caller'], customer: { id: number; version: number }) =>
    env.backend.invoke(caller, 'customers.archive', { id: customer.id, version: customer.version, reason: '客户停业', receivedOn: today(env) });

  it('refuses to archive a customer while a contract is kept, naming the contract and the first allowed date', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const { contract: short } = await signedContract(env, clerk.caller, contractValues(customer.id, { contractNo: 'HT-2019-0007', startOn: '2019-01-01', endOn: '2019-12-31' }), { signedOn: '2018-12-20' });
    await signedContract(env, clerk.caller, contractValues(customer.id, { contractNo: 'HT-2026-0031', startOn: '2026-01-01', endOn: '2026-12-31' }), { signedOn: '2025-12-20' });
    expect(short.retainUntil).toBe('2029-12-31');
    const before = await env.snapshot();
    const error = await env.fail(clerk.caller, 'customers.archive', { id: customer.id, version: customer.version, reason: '客户停业', receivedOn: today(env) });
    // The contract that binds longest is the one named.
    expect(error).toEqual({ code: 'CONFLICT', message: 'contracts.errors.retention', details: { params: { contractNo: 'HT-2026-0031', date: '2036-12-31' } } });
    expect(await env.snapshot()).toBe(before);
  });

  it('counts from the day a contract was terminated, and lets the customer go once the 10 years are over', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const { contract } = await signedContract(env, clerk.caller, contractValues(customer.id, { contractNo: 'HT-2026-0032', startOn: '2026-01-01', endOn: '2028-12-31' }), { signedOn: '2025-12-20' });
    await env.call(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: '2026-11-20', reason: '客户退租' });
    expect((await env.fail(clerk.caller, 'customers.archive', { id: customer.id, version: customer.version, reason: '停业', receivedOn: today(env) })).details?.params).toEqual({
      contractNo: 'HT-2026-0032',
      date: '2036-11-20',
    });
    const start = env.clock.now();
    try {
      env.clock.set('2036-11-19T02:00:00Z');
      let caller = await env.login(clerk.username, clerk.password);
      await expect(archive(caller, customer)).rejects.toMatchObject({ message: 'contracts.errors.retention' });
      env.clock.set('2036-11-20T02:00:00Z');
      caller = await env.login(clerk.username, clerk.password);
      await expect(archive(caller, customer)).resolves.toMatchObject({ status: 'archived' });
    } finally {
      env.clock.set(start);
    }
  });

  it('does not hold a customer for a voided draft that was never signed', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const { contract } = await createContract(env, clerk.caller, contractValues(customer.id));
    await env.call(clerk.caller, 'contracts.terminate', { id: contract.id, version: contract.version, terminatedOn: today(env), reason: '录入错误' });
    await expect(archive(clerk.caller, customer)).resolves.toMatchObject({ status: 'archived' });
  });

  it('never deletes a contract, even in the database', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const { contract } = await createContract(env, clerk.caller, contractValues(customer.id));
    await expect(env.backend.store.write((tx) => tx.run('DELETE FROM contracts WHERE id = ?', [contract.id]))).rejects.toThrow(/never deleted/);
    await expect(env.backend.store.write((tx) => tx.run('DELETE FROM contract_events WHERE contract_id = ?', [contract.id]))).rejects.toThrow(/append-only/);
    await expect(env.backend.store.write((tx) => tx.run('UPDATE contract_events SET note = ? WHERE contract_id = ?', ['x', contract.id]))).rejects.toThrow(/append-only/);
  });
});
