import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '@shared/contract';
import type { Caller } from '../../../electron/backend/index';
import { readWorkbook } from '../helpers/files';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { allRowsQuery, contactValues, createCustomer, customerValues, today } from '../helpers/customers';

type Detail = ChannelOutput<'customers.create'>;

/**
 * customers.md "Access": A-class customers exist only for users with the project-staff permission; for others
 * they do not appear in grids, searches, exports or counts — checked here path by path.
 */
describe('A-class customers are visible to project staff only', () => {
  let env: TestEnv;
  let insider: TestUser; // clerk with project staff
  let outsider: TestUser; // clerk without
  let a: Detail;
  let b: Detail;
  let c: Detail;
  let archivedA: Detail;

  beforeAll(async () => {
    env = await freshBackend();
    insider = await env.createUser({ roles: ['clerk'], projectStaff: true, displayName: '陈静' });
    outsider = await env.createUser({ roles: ['clerk'], projectStaff: false, displayName: '王丽' });
    const staffId = await env.createStaff();
    a = await createCustomer(
      env,
      insider.caller,
      customerValues(staffId, { code: 'VIP-A', name: '华东机密甲类集团', abcClass: 'A', isKey: true }),
      {
        contacts: [contactValues({ name: '甲董事长' })],
      },
    );
    b = await createCustomer(
      env,
      insider.caller,
      customerValues(staffId, { code: 'STD-B', name: '华东普通乙类商行', abcClass: 'B' }),
    );
    c = await createCustomer(
      env,
      insider.caller,
      customerValues(staffId, { code: 'STD-C', name: '华东普通丙类小店', abcClass: 'C', isKey: true }),
    );
    const x = await createCustomer(
      env,
      insider.caller,
      customerValues(staffId, { code: 'VIP-X', name: '华东已归档甲类', abcClass: 'A' }),
    );
    const xa = await env.call(insider.caller, 'customers.archive', {
      id: x.customer.id,
      version: 1,
      reason: '停业',
      receivedOn: today(env),
    });
    archivedA = { ...x, customer: xa };
    // The latest change anywhere is on the A-class customer.
    env.clock.advance(60_000);
    await env.call(insider.caller, 'customers.update', {
      id: a.customer.id,
      version: 1,
      changes: { notes: '机密备注' },
      receivedOn: today(env),
    });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((x, y) => x - y);
  const viewAudits = () =>
    env.backend.store.reader.all<{ user_name: string; entity_id: string }>(
      `SELECT user_name, entity_id FROM audit_log WHERE action = 'view' ORDER BY id`,
    );

  it('customers.query: rows and row count', async () => {
    const mine = await env.call(outsider.caller, 'customers.query', allRowsQuery());
    expect(ids(mine.rows)).toEqual(ids([b.customer, c.customer]));
    expect(mine.rowCount).toBe(2);
    const theirs = await env.call(insider.caller, 'customers.query', allRowsQuery());
    expect(ids(theirs.rows)).toEqual(ids([a.customer, b.customer, c.customer, archivedA.customer]));
    expect(theirs.rowCount).toBe(4);

    // Asking for A explicitly, or searching for it, changes nothing.
    const asked = await env.call(
      outsider.caller,
      'customers.query',
      allRowsQuery({ filterModel: { abcClass: { filterType: 'set', values: ['A'] } }, quickSearch: '机密' }),
    );
    expect(asked).toEqual({ rows: [], rowCount: 0 });
    const joined = await env.call(
      outsider.caller,
      'customers.query',
      allRowsQuery({ filterModel: { managerName: { filterType: 'text', type: 'contains', filter: '张' } } }),
    );
    expect(joined.rowCount).toBe(2);
  });

  it('customers.search', async () => {
    for (const text of ['华东', '华东机密', 'VIP', '甲类']) {
      const hits = await env.call(outsider.caller, 'customers.search', { text });
      expect(
        hits.every((h) => h.abcClass !== 'A'),
        text,
      ).toBe(true);
    }
    expect(
      (await env.call(insider.caller, 'customers.search', { text: '华东机密' })).map((h) => h.id),
    ).toEqual([a.customer.id]);
    expect((await env.call(insider.caller, 'customers.search', { text: '华东' })).length).toBe(4);
    expect((await env.call(outsider.caller, 'customers.search', { text: '华东' })).length).toBe(2);
  });

  it('customers.get: not found for outsiders; every insider view is logged', async () => {
    expect(await env.fail(outsider.caller, 'customers.get', { id: a.customer.id })).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.customer.notFound',
    });
    await expect(env.call(outsider.caller, 'customers.get', { id: b.customer.id })).resolves.toMatchObject({
      customer: { code: 'STD-B' },
    });

    const before = (await viewAudits()).length;
    const detail = await env.call(insider.caller, 'customers.get', { id: a.customer.id });
    expect(detail.customer.code).toBe('VIP-A');
    expect(detail.contacts.map((x) => x.name)).toEqual(['甲董事长']);
    await env.call(insider.caller, 'customers.get', { id: a.customer.id });
    // Viewing B/C customers is not logged as an A-class view.
    await env.call(insider.caller, 'customers.get', { id: b.customer.id });
    const views = (await viewAudits()).slice(before);
    expect(views).toEqual([
      { user_name: insider.username, entity_id: String(a.customer.id) },
      { user_name: insider.username, entity_id: String(a.customer.id) },
    ]);
  });

  it('customers.history', async () => {
    expect(
      await env.fail(outsider.caller, 'customers.history', {
        customerId: a.customer.id,
        startRow: 0,
        endRow: 10,
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.customer.notFound',
    });
    const h = await env.call(insider.caller, 'customers.history', {
      customerId: a.customer.id,
      startRow: 0,
      endRow: 10,
    });
    expect(h.rowCount).toBe(3);
  });

  async function exportedRows(caller: Caller): Promise<string[]> {
    const file = await env.call(caller, 'customers.export', {
      view: {},
      columns: ['code', 'name', 'abcClass'],
      format: 'xlsx',
    });
    const found = env.backend.exportedFile(caller, file.fileId);
    expect(found).not.toBeNull();
    const book = await readWorkbook(found!.path);
    const sheet = book.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) codes.push(String(row.getCell(1).value));
    });
    expect(file.rows).toBe(codes.length);
    return codes;
  }

  it('customers.export', async () => {
    expect(await exportedRows(outsider.caller)).toEqual(['STD-B', 'STD-C']);
    expect(await exportedRows(insider.caller)).toEqual(['STD-B', 'STD-C', 'VIP-A', 'VIP-X']);
  });

  it('an export file belongs to the user who made it', async () => {
    const file = await env.call(insider.caller, 'customers.export', {
      view: {},
      columns: ['code'],
      format: 'csv',
    });
    expect(env.backend.exportedFile(outsider.caller, file.fileId)).toBeNull();
    expect(env.backend.exportedFile({ sessionId: null }, file.fileId)).toBeNull();
    expect(env.backend.exportedFile(insider.caller, file.fileId)).not.toBeNull();
  });

  it('dashboard.summary: counts and recent changes', async () => {
    const mine = await env.call(outsider.caller, 'dashboard.summary', {});
    expect(mine.customers).toMatchObject({ total: 2, archived: 0, keyCustomers: 1 });
    expect(mine.customers.byClass).toEqual([
      { abcClass: 'A', count: 0 },
      { abcClass: 'B', count: 1 },
      { abcClass: 'C', count: 1 },
    ]);
    const hidden = new Set([a.customer.id, archivedA.customer.id]);
    expect(mine.recentChanges.length).toBeGreaterThan(0);
    expect(mine.recentChanges.filter((r) => hidden.has(r.customerId))).toEqual([]);
    expect(mine.recentChanges.map((r) => r.customerName).join()).not.toContain('机密');

    const theirs = await env.call(insider.caller, 'dashboard.summary', {});
    expect(theirs.customers).toMatchObject({ total: 3, archived: 1, keyCustomers: 2 });
    expect(theirs.customers.byClass).toEqual([
      { abcClass: 'A', count: 1 },
      { abcClass: 'B', count: 1 },
      { abcClass: 'C', count: 1 },
    ]);
    expect(theirs.recentChanges[0]).toMatchObject({
      customerId: a.customer.id,
      field: 'notes',
      newValue: '机密备注',
    });
  });

  it('contacts and edits of an A-class customer are not found for outsiders', async () => {
    const counts = await env.rowCounts();
    expect(
      await env.fail(outsider.caller, 'contacts.create', {
        customerId: a.customer.id,
        contact: contactValues(),
        receivedOn: today(env),
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'errors.customer.notFound',
    });
    const contactId = a.contacts[0]!.id;
    expect(
      (
        await env.fail(outsider.caller, 'contacts.update', {
          id: contactId,
          changes: { title: 'x' },
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await env.fail(outsider.caller, 'contacts.remove', {
          id: contactId,
          reason: '离职',
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    const current = await env.call(insider.caller, 'customers.get', { id: a.customer.id });
    const v = current.customer.version;
    expect(
      (
        await env.fail(outsider.caller, 'customers.update', {
          id: a.customer.id,
          version: v,
          changes: { notes: 'x' },
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await env.fail(outsider.caller, 'customers.archive', {
          id: a.customer.id,
          version: v,
          reason: 'x',
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await env.fail(outsider.caller, 'customers.restore', {
          id: archivedA.customer.id,
          version: archivedA.customer.version,
          reason: 'x',
          receivedOn: today(env),
        })
      ).code,
    ).toBe('NOT_FOUND');
    const after = await env.rowCounts();
    // Only the insider's logged view above was written.
    expect({ ...after, audit_log: after.audit_log! - 1 }).toEqual(counts);
  });

  it('an outsider can neither create an A-class customer nor move one into class A', async () => {
    const staffId = (await env.call(outsider.caller, 'staff.options', {}))[0]!.id;
    const counts = await env.rowCounts();
    const error = await env.fail(outsider.caller, 'customers.create', {
      customer: customerValues(staffId, { abcClass: 'A' }),
      receivedOn: today(env),
    });
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message: 'errors.customer.aClassNeedsProjectStaff',
      details: { issues: [{ path: 'customer.abcClass', key: 'errors.customer.aClassNeedsProjectStaff' }] },
    });
    const promote = await env.fail(outsider.caller, 'customers.update', {
      id: b.customer.id,
      version: b.customer.version,
      changes: { abcClass: 'A' },
      receivedOn: today(env),
    });
    expect(promote).toMatchObject({ code: 'FORBIDDEN', message: 'errors.customer.aClassNeedsProjectStaff' });
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('an admin without project staff does not see A-class customers either', async () => {
    const page = await env.call(env.admin.caller, 'customers.query', allRowsQuery());
    expect(page.rows.some((r) => r.abcClass === 'A')).toBe(false);
    expect((await env.fail(env.admin.caller, 'customers.get', { id: a.customer.id })).code).toBe('NOT_FOUND');
  });

  it('granting project staff opens A-class customers on the live session', async () => {
    await env.call(env.admin.caller, 'users.update', { id: outsider.id, projectStaff: true });
    expect((await env.call(outsider.caller, 'customers.query', allRowsQuery())).rowCount).toBe(4);
    await env.call(env.admin.caller, 'users.update', { id: outsider.id, projectStaff: false });
    expect((await env.call(outsider.caller, 'customers.query', allRowsQuery())).rowCount).toBe(2);
  });
});
