import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelSpec, type ChannelName } from '@shared/contract';
import type { AppErrorShape, FieldIssue } from '@shared/errors';
import { catalogs } from '@shared/i18n';
import { lookup } from '@shared/i18n/translate';
import type { Caller } from '../../../electron/backend/index';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { customerValues, today } from '../helpers/customers';

/** Bad input at every entry point gets a VALIDATION error naming the field, and changes nothing. */
describe('input validation of every channel', () => {
  let env: TestEnv;
  let boss: TestUser;
  const anonymous: Caller = { sessionId: null };

  beforeAll(async () => {
    env = await freshBackend();
    // A user who may call everything: every permission and the project-staff flag.
    boss = await env.createUser({ roles: ['admin'], projectStaff: true });
    const staffId = await env.createStaff();
    await env.call(boss.caller, 'customers.create', {
      customer: customerValues(staffId, { abcClass: 'A' }),
      receivedOn: today(env),
    });
  });

  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const callerFor = (name: ChannelName) => (channelSpec(name)!.access === 'public' ? anonymous : boss.caller);

  function expectValidationError(error: AppErrorShape): FieldIssue[] {
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('errors.validation');
    const issues = error.details?.issues;
    expect(Array.isArray(issues)).toBe(true);
    expect(issues!.length).toBeGreaterThan(0);
    for (const issue of issues!) {
      expect(typeof issue.path).toBe('string');
      expect(issue.key).toMatch(/^v\./);
      // Every message key the user may see exists in both languages.
      expect(lookup(catalogs['zh-CN'], issue.key), issue.key).toBeTypeOf('string');
      expect(lookup(catalogs['en-US'], issue.key), issue.key).toBeTypeOf('string');
    }
    return issues!;
  }

  const malformed: [string, unknown][] = [
    ['a string', 'DROP TABLE customers'],
    ['a number', 42],
    ['an array', [{ id: 1 }]],
  ];

  for (const name of CHANNEL_NAMES) {
    describe(name, () => {
      for (const [label, payload] of malformed) {
        it(`refuses ${label} and writes nothing`, async () => {
          const counts = await env.rowCounts();
          const before = await env.snapshot();
          const issues = expectValidationError(await env.fail(callerFor(name), name, payload));
          expect(issues).toContainEqual(expect.objectContaining({ path: '', key: 'v.invalidType' }));
          expect(await env.rowCounts()).toEqual(counts);
          expect(await env.snapshot()).toBe(before);
        });
      }

      it('refuses an object with an unknown key and writes nothing', async () => {
        const counts = await env.rowCounts();
        const before = await env.snapshot();
        const issues = expectValidationError(await env.fail(callerFor(name), name, { __bogus: 1 }));
        expect(issues).toContainEqual({ path: '', key: 'v.unknownField', params: { keys: '__bogus' } });
        expect(await env.rowCounts()).toEqual(counts);
        expect(await env.snapshot()).toBe(before);
      });
    });
  }

  it('refuses a login with a malformed payload without recording anything', async () => {
    const before = await env.snapshot();
    const counts = await env.rowCounts();
    const issues = expectValidationError(
      await env.fail(anonymous, 'auth.login', { username: '', password: 'x'.repeat(129) }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ path: 'username', key: 'v.required' }),
      { path: 'password', key: 'v.tooLong', params: { max: 128 } },
    ]);
    expect(await env.rowCounts()).toEqual(counts);
    expect(await env.snapshot()).toBe(before);
    expect(anonymous.sessionId).toBeNull();
  });

  describe('customer fields', () => {
    let staffId: number;
    beforeAll(async () => {
      staffId = await env.createStaff();
    });

    async function createIssues(
      customer: Record<string, unknown>,
      extra: Record<string, unknown> = {},
    ): Promise<FieldIssue[]> {
      const counts = await env.rowCounts();
      const error = await env.fail(boss.caller, 'customers.create', {
        customer,
        contacts: [],
        receivedOn: today(env),
        ...extra,
      });
      const issues = expectValidationError(error);
      expect(await env.rowCounts()).toEqual(counts);
      return issues;
    }

    it('names a missing customer name', async () => {
      const { name: _name, ...rest } = customerValues(staffId);
      expect(await createIssues(rest)).toEqual([{ path: 'customer.name', key: 'v.required' }]);
    });

    it('names a blank customer name as required, not as too short', async () => {
      expect(await createIssues(customerValues(staffId, { name: '   ' }))).toEqual([
        expect.objectContaining({ path: 'customer.name', key: 'v.required' }),
      ]);
    });

    it('names a malformed phone', async () => {
      expect(await createIssues(customerValues(staffId, { phone: '12345' }))).toEqual([
        { path: 'customer.phone', key: 'v.phone' },
      ]);
    });

    it('accepts mainland mobiles and landlines with an area code', async () => {
      for (const phone of ['13912345678', '0571-87654321', '010 12345678', '0571-87654321-123']) {
        const created = await env.call(boss.caller, 'customers.create', {
          customer: customerValues(staffId, { phone }),
          receivedOn: today(env),
        });
        expect(created.customer.phone).toBe(phone);
      }
    });

    it('names an over-long name with the limit', async () => {
      expect(await createIssues(customerValues(staffId, { name: '长'.repeat(101) }))).toEqual([
        { path: 'customer.name', key: 'v.tooLong', params: { max: 100 } },
      ]);
      const ok = await env.call(boss.caller, 'customers.create', {
        customer: customerValues(staffId, { name: '长'.repeat(100) }),
        receivedOn: today(env),
      });
      expect(ok.customer.name).toHaveLength(100);
    });

    it('names an impossible date', async () => {
      expect(await createIssues(customerValues(staffId, { registeredOn: '2026-02-30' }))).toEqual([
        { path: 'customer.registeredOn', key: 'v.date' },
      ]);
      expect(await createIssues(customerValues(staffId), { receivedOn: '2026/11/25' })).toEqual([
        { path: 'receivedOn', key: 'v.date' },
      ]);
    });

    it('names every bad field at once, including those of contacts', async () => {
      const issues = await createIssues(
        customerValues(staffId, { code: 'KH 01', email: 'not-an-email', strength: 6, creditLimitFen: 12.5 }),
        { contacts: [{ name: '王五', mobile: '1381234' }] },
      );
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: 'customer.code', key: 'v.customerCode' },
          { path: 'customer.email', key: 'v.email' },
          { path: 'customer.strength', key: 'v.range1to5', params: { max: 5 } },
          { path: 'customer.creditLimitFen', key: 'v.integerFen' },
          { path: 'contacts.0.mobile', key: 'v.mobile' },
        ]),
      );
      expect(issues).toHaveLength(5);
    });

    it('refuses an unknown field inside the customer', async () => {
      expect(await createIssues({ ...customerValues(staffId), deleted: true })).toEqual([
        { path: 'customer', key: 'v.unknownField', params: { keys: 'deleted' } },
      ]);
    });
  });

  it('refuses an unknown grid column in the filter or the sort', async () => {
    const base = { startRow: 0, endRow: 10 };
    const bad = await env.fail(boss.caller, 'customers.query', {
      ...base,
      filterModel: { password_hash: { filterType: 'text', type: 'contains', filter: 'x' } },
    });
    expect(bad.code).toBe('VALIDATION');
    const badSort = await env.fail(boss.caller, 'customers.query', {
      ...base,
      sortModel: [{ colId: 'id; DROP TABLE customers', sort: 'asc' }],
    });
    expect(badSort.code).toBe('VALIDATION');
    expect(badSort.details?.issues?.[0]?.path).toBe('sortModel.0.colId');
    const tooBig = await env.fail(boss.caller, 'customers.query', { startRow: 0, endRow: 5000 });
    expect(tooBig.details?.issues).toEqual([{ path: 'endRow', key: 'v.pageSize' }]);
  });
});
