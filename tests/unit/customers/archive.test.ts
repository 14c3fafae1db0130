import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, contactValues, createCustomer, customerValues, today } from '../helpers/customers';

/** Customers are never hard-deleted: archiving needs a reason, is recorded, and can be undone. */
describe('archiving and restoring', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
    staffId = await env.createStaff();
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  it('needs a reason', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    const counts = await env.rowCounts();
    const error = await env.fail(clerk.caller, 'customers.archive', {
      id: customer.id,
      version: customer.version,
      reason: '  ',
      receivedOn: today(env),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'reason', key: 'v.required' })]);
    const missing = await env.fail(clerk.caller, 'customers.archive', {
      id: customer.id,
      version: customer.version,
      receivedOn: today(env),
    });
    expect(missing.details?.issues).toEqual([expect.objectContaining({ path: 'reason', key: 'v.required' })]);
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('archives with status, time and reason in the record and the history, then freezes the record', async () => {
    const { customer, contacts } = await createCustomer(
      env,
      clerk.caller,
      customerValues(staffId, { name: '即将归档的客户' }),
      { contacts: [contactValues()] },
    );
    env.clock.advance(5 * 60_000);
    const archived = await env.call(clerk.caller, 'customers.archive', {
      id: customer.id,
      version: customer.version,
      reason: '客户已注销',
      receivedOn: today(env),
    });
    expect(archived).toMatchObject({
      status: 'archived',
      archivedReason: '客户已注销',
      archivedAt: env.clock.now().toISOString(),
      version: customer.version + 1,
    });

    const history = await env.call(clerk.caller, 'customers.history', {
      customerId: customer.id,
      startRow: 0,
      endRow: 50,
      filterModel: { field: { filterType: 'text', type: 'notEqual', filter: 'contactAdded' } },
    });
    expect(history.rows.map((r) => [r.field, r.oldValue, r.newValue, r.userName])).toEqual([
      ['status', 'active', 'archived', '王丽'],
      ['archivedReason', null, '客户已注销', '王丽'],
      ['created', null, `${customer.code} 即将归档的客户`, '王丽'],
    ]);

    const frozen = await env.fail(clerk.caller, 'customers.update', {
      id: customer.id,
      version: archived.version,
      changes: { notes: '还想改' },
      receivedOn: today(env),
    });
    expect(frozen).toEqual({ code: 'CONFLICT', message: 'errors.customer.archived' });
    const contact = await env.fail(clerk.caller, 'contacts.create', {
      customerId: customer.id,
      contact: contactValues({ name: '新联系人' }),
      receivedOn: today(env),
    });
    expect(contact).toEqual({ code: 'CONFLICT', message: 'errors.customer.archived' });
    const contactEdit = await env.fail(clerk.caller, 'contacts.update', {
      id: contacts[0]!.id,
      changes: { title: '董事长' },
      receivedOn: today(env),
    });
    expect(contactEdit).toEqual({ code: 'CONFLICT', message: 'errors.customer.archived' });
    const twice = await env.fail(clerk.caller, 'customers.archive', {
      id: customer.id,
      version: archived.version,
      reason: '再归档',
      receivedOn: today(env),
    });
    expect(twice).toEqual({ code: 'CONFLICT', message: 'errors.customer.alreadyArchived' });

    // Archived customers stay in the grid (filterable by status) and are counted apart.
    const grid = await env.call(
      clerk.caller,
      'customers.query',
      allRowsQuery({ filterModel: { status: { filterType: 'set', values: ['archived'] } } }),
    );
    expect(grid.rows.map((r) => r.id)).toContain(customer.id);
    const summary = await env.call(clerk.caller, 'dashboard.summary', {});
    expect(summary.customers.archived).toBe(1);

    // Restoring brings it back on file, recorded likewise.
    const restored = await env.call(clerk.caller, 'customers.restore', {
      id: customer.id,
      version: archived.version,
      reason: '客户恢复经营',
      receivedOn: today(env),
    });
    expect(restored).toMatchObject({
      status: 'active',
      archivedAt: null,
      archivedReason: null,
      version: archived.version + 1,
    });
    const notArchived = await env.fail(clerk.caller, 'customers.restore', {
      id: customer.id,
      version: restored.version,
      reason: '再恢复',
      receivedOn: today(env),
    });
    expect(notArchived).toEqual({ code: 'CONFLICT', message: 'errors.customer.notArchived' });
    await expect(
      env.call(clerk.caller, 'customers.update', {
        id: customer.id,
        version: restored.version,
        changes: { notes: '恢复后修改' },
        receivedOn: today(env),
      }),
    ).resolves.toMatchObject({ notes: '恢复后修改' });
    const fields = (
      await env.call(clerk.caller, 'customers.history', { customerId: customer.id, startRow: 0, endRow: 50 })
    ).rows.map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(['restoreReason']));
    expect(fields.filter((f) => f === 'status')).toHaveLength(2);
  });

  it('refuses a stale archive', async () => {
    const { customer } = await createCustomer(env, clerk.caller, customerValues(staffId));
    await env.call(clerk.caller, 'customers.update', {
      id: customer.id,
      version: customer.version,
      changes: { notes: '先改一次' },
      receivedOn: today(env),
    });
    expect(
      await env.fail(clerk.caller, 'customers.archive', {
        id: customer.id,
        version: customer.version,
        reason: '过期版本',
        receivedOn: today(env),
      }),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors.customer.stale',
    });
  });
});

describe('what can never be deleted or rewritten', () => {
  let env: TestEnv;
  let customerId: number;

  beforeAll(async () => {
    env = await freshBackend();
    const staffId = await env.createStaff();
    customerId = (await createCustomer(env, env.admin.caller, customerValues(staffId))).customer.id;
  });
  afterAll(() => env.close());

  const write = (sql: string, params: unknown[] = []) => env.backend.store.write((tx) => tx.run(sql, params));

  it('has no channel that deletes a customer', async () => {
    const { CHANNEL_NAMES } = await import('@shared/contract');
    // Other records may be removed through their own channels (an export target, a calendar day); a customer's
    // own channels never delete, purge or destroy — customers are archived.
    expect(CHANNEL_NAMES.filter((c) => /^customers\./.test(c) && /delete|purge|destroy|remove/i.test(c))).toEqual([]);
    expect(CHANNEL_NAMES.filter((c) => /customer/i.test(c) && /delete|purge|destroy/i.test(c))).toEqual([]);
  });

  it('refuses DELETE on customers at the database level', async () => {
    await expect(write('DELETE FROM customers WHERE id = ?', [customerId])).rejects.toThrow(
      /customers are archived, never deleted/,
    );
    await expect(write('DELETE FROM customers')).rejects.toThrow(/never deleted/);
    expect(await env.backend.store.reader.get('SELECT count(*) AS n FROM customers')).toEqual({ n: 1 });
  });

  it('keeps the change history append-only', async () => {
    const before = await env.snapshot();
    await expect(
      write(`UPDATE customer_changes SET new_value = 'forged' WHERE customer_id = ?`, [customerId]),
    ).rejects.toThrow(/append-only/);
    await expect(write('DELETE FROM customer_changes')).rejects.toThrow(/append-only/);
    expect(await env.snapshot()).toBe(before);
  });

  it('keeps the audit log append-only', async () => {
    const before = await env.snapshot();
    await expect(write(`UPDATE audit_log SET user_name = 'someone else'`)).rejects.toThrow(
      /audit_log is append-only/,
    );
    await expect(write('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/audit_log is append-only/);
    expect(await env.snapshot()).toBe(before);
  });

  it('audits every write channel call that changed data', async () => {
    const audited = await env.backend.store.reader.all<{ channel: string }>(
      'SELECT DISTINCT channel FROM audit_log ORDER BY channel',
    );
    expect(audited.map((a) => a.channel)).toEqual(['customers.create', 'setup.createAdmin', 'staff.create']);
  });
});
