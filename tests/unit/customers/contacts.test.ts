import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@shared/dates';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { contactValues, createCustomer, customerValues, today } from '../helpers/customers';

/** Contacts hang off a customer; every change to them lands in the customer's history too. */
describe('contacts', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let customerId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
    const staffId = await env.createStaff();
    customerId = (await createCustomer(env, clerk.caller, customerValues(staffId))).customer.id;
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const contactHistory = async () =>
    (
      await env.call(clerk.caller, 'customers.history', {
        customerId,
        startRow: 0,
        endRow: 100,
        filterModel: { entity: { filterType: 'set', values: ['contact'] } },
        sortModel: [{ colId: 'changedAt', sort: 'asc' }],
      })
    ).rows;

  it('adds, edits and removes a contact, recording each step and bumping the customer version', async () => {
    const start = (await env.call(clerk.caller, 'customers.get', { id: customerId })).customer.version;
    const added = await env.call(clerk.caller, 'contacts.create', {
      customerId,
      contact: contactValues({ name: '赵经理', title: '采购经理', mobile: '13700001111' }),
      receivedOn: today(env),
    });
    expect(added).toMatchObject({ customerId, name: '赵经理', isKeyLeader: false, email: null });

    const edited = await env.call(clerk.caller, 'contacts.update', {
      id: added.id,
      changes: { title: '营销总监', isKeyLeader: true, mobile: '13700001111' },
      receivedOn: addDays(today(env), -3),
    });
    expect(edited).toMatchObject({ title: '营销总监', isKeyLeader: true });

    expect(
      await env.call(clerk.caller, 'contacts.remove', {
        id: added.id,
        reason: '已离职',
        receivedOn: today(env),
      }),
    ).toEqual({ ok: true });
    const detail = await env.call(clerk.caller, 'customers.get', { id: customerId });
    expect(detail.contacts.map((c) => c.id)).not.toContain(added.id);
    expect(detail.customer.version).toBe(start + 3);

    const rows = await contactHistory();
    expect(rows.map((r) => [r.field, r.oldValue, r.newValue, r.late])).toEqual([
      ['contactAdded', null, '赵经理 采购经理 13700001111', false],
      ['title', '采购经理', '营销总监', true],
      ['isKeyLeader', 'false', 'true', true],
      ['contactRemoved', '赵经理 营销总监 13700001111', '已离职', false],
    ]);
    for (const r of rows)
      expect(r).toMatchObject({ entity: 'contact', entityLabel: '赵经理', userName: '王丽' });

    // The row stays for the record, but the contact is gone for every channel.
    expect(
      await env.backend.store.reader.get('SELECT removed_reason FROM contacts WHERE id = ?', [added.id]),
    ).toEqual({ removed_reason: '已离职' });
    expect(
      await env.fail(clerk.caller, 'contacts.update', {
        id: added.id,
        changes: { title: 'x' },
        receivedOn: today(env),
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.contact.notFound',
    });
    expect(
      (
        await env.fail(clerk.caller, 'contacts.remove', {
          id: added.id,
          reason: '再删',
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('validates contact fields', async () => {
    const counts = await env.rowCounts();
    const error = await env.fail(clerk.caller, 'contacts.create', {
      customerId,
      contact: { name: '', mobile: '0571-87654321', email: 'x@' },
      receivedOn: today(env),
    });
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ path: 'contact.name', key: 'v.required' }),
      { path: 'contact.mobile', key: 'v.mobile' },
      { path: 'contact.email', key: 'v.email' },
    ]);
    expect(
      (
        await env.fail(clerk.caller, 'contacts.create', {
          customerId: 99_999,
          contact: contactValues(),
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(await env.rowCounts()).toEqual(counts);
  });
});
