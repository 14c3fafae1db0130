import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '@shared/dates';
import { addMonths, DEFAULT_CADENCE, dueDates, type Cadence, type ContactFacts } from '@shared/cadence';
import type { AbcClass } from '@shared/schemas/customer';
import visitsMigration from '../../../electron/backend/db/migrations/006_visits';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { visitValues } from '../helpers/visits';

interface CadenceRow {
  abcClass: AbcClass;
  active: number;
  baselineOn: string;
  lastContactOn: string | null;
  lastVisitOn: string | null;
  nextPhoneDue: string;
  nextVisitDue: string;
  nextDueOn: string;
}

/** Contact cadence by class (分级维护): next due dates derived from the latest visits, kept in step by the database. */
describe('contact cadence', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;
  let now: string;

  beforeAll(async () => {
    env = await freshBackend();
    clerk = await env.createUser({ roles: ['clerk'], projectStaff: true });
    staffId = await env.createStaff({ name: '张伟' });
    now = today(env);
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const cadenceRow = (customerId: number) =>
    env.backend.store.reader.get<CadenceRow>(
      `SELECT abc_class AS abcClass, active, baseline_on AS baselineOn, last_contact_on AS lastContactOn, last_visit_on AS lastVisitOn,
         next_phone_due AS nextPhoneDue, next_visit_due AS nextVisitDue, next_due_on AS nextDueOn FROM customer_cadence WHERE customer_id = ?`,
      [customerId],
    );

  const newCustomer = async (values: Parameters<typeof customerValues>[1] = {}) =>
    (await createCustomer(env, clerk.caller, customerValues(staffId, values))).customer;

  const overdueCodes = async (caller = clerk.caller, filterModel: Record<string, unknown> = {}) =>
    (await env.call(caller, 'cadence.overdue', { startRow: 0, endRow: 1000, filterModel })).rows;

  it('starts from the office defaults: A/B phone weekly, C fortnightly; visits every 2, 3, 4 months', async () => {
    expect(await env.call(clerk.caller, 'cadence.get', {})).toEqual(DEFAULT_CADENCE);
    // The migration's frozen SQL holds the same figures as the TypeScript defaults.
    for (const [k, c] of Object.entries(DEFAULT_CADENCE)) expect(visitsMigration).toContain(`('${k}', ${c.phoneDays}, ${c.visitMonths})`);
  });

  it('adds whole months as the database does: a day the month lacks falls back to its last day', async () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 24 }), async (d, months) => {
        const date = d.toISOString().slice(0, 10);
        const row = await env.backend.store.reader.get<{ v: string }>(`SELECT date(?, '+' || ? || ' months', 'floor') AS v`, [date, months]);
        expect(addMonths(date, months)).toBe(row!.v);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a customer never contacted from its registration date', async () => {
    const c = await newCustomer({ abcClass: 'C', registeredOn: '2026-11-20' });
    expect(await cadenceRow(c.id)).toMatchObject({
      baselineOn: '2026-11-20',
      lastContactOn: null,
      lastVisitOn: null,
      nextPhoneDue: '2026-12-04',
      nextVisitDue: '2027-03-20',
      nextDueOn: '2026-12-04',
    });
    expect(await env.call(clerk.caller, 'cadence.customer', { customerId: c.id })).toMatchObject({
      phoneOverdue: false,
      visitOverdue: false,
      phoneDays: 14,
      visitMonths: 4,
    });
  });

  it('next due = latest contact + interval, for any history of calls, visits and voided records (property)', async () => {
    const visitArb = fc.record({ daysAgo: fc.integer({ min: 0, max: 500 }), channel: fc.constantFrom('visit' as const, 'phone' as const), voided: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<AbcClass>('A', 'B', 'C'),
        fc.integer({ min: 0, max: 900 }),
        fc.array(visitArb, { maxLength: 6 }),
        async (abcClass, registeredDaysAgo, visits) => {
          const c = await newCustomer({ abcClass, registeredOn: addDays(now, -registeredDaysAgo) });
          for (const v of visits) {
            const made = await env.call(clerk.caller, 'visits.create', {
              customerId: c.id,
              visit: visitValues(env, staffId, { visitedOn: addDays(now, -v.daysAgo), channel: v.channel }),
            });
            if (v.voided) await env.call(clerk.caller, 'visits.void', { id: made.id, version: made.version, reason: '录错' });
          }
          const kept = visits.filter((v) => !v.voided).map((v) => ({ on: addDays(now, -v.daysAgo), channel: v.channel }));
          const latest = (list: { on: string }[]) => (list.length ? list.map((v) => v.on).sort().at(-1)! : null);
          const facts: ContactFacts = {
            baselineOn: addDays(now, -registeredDaysAgo),
            lastContactOn: latest(kept),
            lastVisitOn: latest(kept.filter((v) => v.channel === 'visit')),
          };
          const expected = dueDates(facts, DEFAULT_CADENCE[abcClass]);
          expect(await cadenceRow(c.id)).toEqual({ abcClass, active: 1, ...facts, ...expected });
          // Overdue exactly when a due date lies before today (due today is still on time).
          const standing = await env.call(clerk.caller, 'cadence.customer', { customerId: c.id });
          expect(standing.phoneOverdue).toBe(expected.nextPhoneDue < now);
          expect(standing.visitOverdue).toBe(expected.nextVisitDue < now);
          const listed = await overdueCodes(clerk.caller, { code: { filterType: 'text', type: 'equals', filter: c.code } });
          if (expected.nextDueOn < now) {
            const days = Math.round((Date.parse(now) - Date.parse(expected.nextDueOn)) / 86_400_000);
            expect(listed.map((r) => [r.id, r.daysOverdue])).toEqual([[c.id, days]]);
          } else expect(listed).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('treats due today as on time and due yesterday as one day overdue', async () => {
    const dueToday = await newCustomer({ abcClass: 'B', registeredOn: addDays(now, -7) });
    const dueYesterday = await newCustomer({ abcClass: 'B', registeredOn: addDays(now, -8) });
    const codes = (await overdueCodes()).map((r) => [r.code, r.daysOverdue, r.overdueKind]);
    expect(codes).not.toContainEqual(expect.arrayContaining([dueToday.code]));
    expect(codes).toContainEqual([dueYesterday.code, 1, 'phone']);
  });

  it('recomputes when the class changes, the customer is archived or restored (property)', async () => {
    const c = await newCustomer({ abcClass: 'B', registeredOn: '2026-06-01' });
    await env.call(clerk.caller, 'visits.create', { customerId: c.id, visit: visitValues(env, staffId, { visitedOn: '2026-10-01', channel: 'visit' }) });
    let version = (await env.call(clerk.caller, 'customers.get', { id: c.id })).customer.version;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<AbcClass>('A', 'B', 'C'), async (abcClass) => {
        const updated = await env.call(clerk.caller, 'customers.update', { id: c.id, version, changes: { abcClass }, receivedOn: now });
        version = updated.version;
        const expected = dueDates({ baselineOn: '2026-06-01', lastContactOn: '2026-10-01', lastVisitOn: '2026-10-01' }, DEFAULT_CADENCE[abcClass]);
        expect(await cadenceRow(c.id)).toMatchObject({ abcClass, ...expected });
      }),
      { numRuns: 12 },
    );
    const archived = await env.call(clerk.caller, 'customers.archive', { id: c.id, version, reason: '停业', receivedOn: now });
    expect(await cadenceRow(c.id)).toMatchObject({ active: 0 });
    expect((await overdueCodes()).map((r) => r.id)).not.toContain(c.id);
    await env.call(clerk.caller, 'customers.restore', { id: c.id, version: archived.version, reason: '复业', receivedOn: now });
    expect(await cadenceRow(c.id)).toMatchObject({ active: 1 });
    expect((await overdueCodes()).map((r) => r.id)).toContain(c.id);
  });

  it('moves with the manager and the registration date', async () => {
    const other = await env.createStaff({ name: '李娜' });
    const c = await newCustomer({ abcClass: 'C', registeredOn: '2026-11-01' });
    const updated = await env.call(clerk.caller, 'customers.update', {
      id: c.id,
      version: c.version,
      changes: { managerStaffId: other, registeredOn: '2026-10-01' },
      receivedOn: now,
    });
    expect(updated.managerStaffId).toBe(other);
    const row = await env.backend.store.reader.get<{ manager: number; baseline: string; due: string }>(
      'SELECT manager_staff_id AS manager, baseline_on AS baseline, next_phone_due AS due FROM customer_cadence WHERE customer_id = ?',
      [c.id],
    );
    expect(row).toEqual({ manager: other, baseline: '2026-10-01', due: '2026-10-15' });
    const mine = await overdueCodes(clerk.caller, { managerStaffId: { filterType: 'set', values: [String(other)] } });
    expect(mine.map((r) => [r.id, r.managerName])).toEqual([[c.id, '李娜']]);
  });

  it('lists overdue customers most overdue first, and a phone call takes one off the list and off the dashboard count', async () => {
    const older = await newCustomer({ abcClass: 'B', registeredOn: '2020-01-01' });
    const today0 = await env.call(clerk.caller, 'dashboard.today', {});
    const countBefore = today0.find((i) => i.id === 'visits.overdueContacts')!.count;
    const page = await overdueCodes();
    expect(page.length).toBe(countBefore);
    const dues = page.map((r) => r.daysOverdue);
    expect(dues).toEqual([...dues].sort((a, b) => b - a));
    expect(page[0]!.id).toBe(older.id);
    expect(page[0]).toMatchObject({ overdueKind: 'both', lastContactOn: null });

    await env.call(clerk.caller, 'visits.create', { customerId: older.id, visit: visitValues(env, staffId, { channel: 'phone' }) });
    const after = await overdueCodes();
    // Still overdue for a visit (a call is not a visit), so it stays — but now only for the visit.
    expect(after.find((r) => r.id === older.id)).toMatchObject({ overdueKind: 'visit', lastContactOn: now });
    await env.call(clerk.caller, 'visits.create', { customerId: older.id, visit: visitValues(env, staffId, { channel: 'visit' }) });
    expect((await overdueCodes()).map((r) => r.id)).not.toContain(older.id);
    const today1 = await env.call(clerk.caller, 'dashboard.today', {});
    expect(today1.find((i) => i.id === 'visits.overdueContacts')).toMatchObject({ count: countBefore - 1, route: '/overdue-contacts' });
  });

  it('hides A-class customers from the overdue list, its count and its export for users without 项目专职', async () => {
    const a = await newCustomer({ abcClass: 'A', registeredOn: '2024-01-01' });
    const plain = await env.createUser({ roles: ['clerk'], projectStaff: false });
    const all = await overdueCodes();
    expect(all.map((r) => r.id)).toContain(a.id);
    const theirs = await overdueCodes(plain.caller);
    expect(theirs.map((r) => r.id)).not.toContain(a.id);
    expect(theirs.length).toBe(all.length - all.filter((r) => r.abcClass === 'A').length);
    const count = (await env.call(plain.caller, 'dashboard.today', {})).find((i) => i.id === 'visits.overdueContacts')!.count;
    expect(count).toBe(theirs.length);
    expect((await env.fail(plain.caller, 'cadence.customer', { customerId: a.id })).code).toBe('NOT_FOUND');
    const file = await env.call(plain.caller, 'cadence.overdueExport', { view: {}, columns: ['code', 'name', 'daysOverdue'], format: 'csv' });
    expect(file.rows).toBe(theirs.length);
    // Users who may not read customers get no line at all.
    const keeper = await env.createUser({ roles: ['storekeeper'] });
    expect((await env.call(keeper.caller, 'dashboard.today', {})).map((i) => i.id)).not.toContain('visits.overdueContacts');
  });

  it('is checked by the doctor: a row edited around the triggers is reported', async () => {
    const check = async () => (await env.call(env.admin.caller, 'system.doctor', {})).checks.find((c) => c.name === 'cadence');
    expect(await check()).toEqual({ name: 'cadence', ok: true, detail: 'ok' });
    const c = await newCustomer({ abcClass: 'C' });
    await env.backend.store.write((tx) => tx.run(`UPDATE customer_cadence SET last_contact_on = '2026-01-01' WHERE customer_id = ?`, [c.id]));
    expect(await check()).toEqual({ name: 'cadence', ok: false, detail: '0 customers without a cadence row, 1 rows out of step' });
    await env.backend.store.write((tx) => tx.run(`UPDATE customer_cadence SET last_contact_on = NULL WHERE customer_id = ?`, [c.id]));
    expect((await check())!.ok).toBe(true);
  });

  describe('the cadence setting', () => {
    let admin: TestUser;
    beforeAll(async () => {
      admin = await env.createUser({ roles: ['admin'], projectStaff: true });
    });

    it('refuses values out of range and writes nothing', async () => {
      const before = await env.snapshot();
      const cases: [unknown, string, string][] = [
        [{ ...DEFAULT_CADENCE, A: { phoneDays: 0, visitMonths: 2 } }, 'A.phoneDays', 'v.tooSmall'],
        [{ ...DEFAULT_CADENCE, B: { phoneDays: 366, visitMonths: 3 } }, 'B.phoneDays', 'v.tooLarge'],
        [{ ...DEFAULT_CADENCE, C: { phoneDays: 14, visitMonths: 25 } }, 'C.visitMonths', 'v.tooLarge'],
        [{ ...DEFAULT_CADENCE, C: { phoneDays: 1.5, visitMonths: 4 } }, 'C.phoneDays', 'v.invalidType'],
        [{ ...DEFAULT_CADENCE, C: { visitMonths: 4 } }, 'C.phoneDays', 'v.required'],
        [{ A: DEFAULT_CADENCE.A, B: DEFAULT_CADENCE.B }, 'C', 'v.required'],
      ];
      for (const [input, path, key] of cases) {
        const error = await env.fail(admin.caller, 'cadence.update', input);
        expect(error.code, path).toBe('VALIDATION');
        expect(error.details?.issues?.[0], path).toMatchObject({ path, key });
      }
      expect((await env.fail(clerk.caller, 'cadence.update', DEFAULT_CADENCE)).code).toBe('FORBIDDEN');
      expect(await env.snapshot()).toBe(before);
    });

    it('re-derives every customer of a changed class at once, leaves the others, and audits the change', async () => {
      const b = await newCustomer({ abcClass: 'B', registeredOn: '2026-09-10' });
      const c = await newCustomer({ abcClass: 'C', registeredOn: '2026-09-10' });
      const cBefore = await cadenceRow(c.id);
      const next: Cadence = { ...DEFAULT_CADENCE, B: { phoneDays: 10, visitMonths: 1 } };
      expect(await env.call(admin.caller, 'cadence.update', next)).toEqual(next);
      expect(await cadenceRow(b.id)).toMatchObject(dueDates({ baselineOn: '2026-09-10', lastContactOn: null, lastVisitOn: null }, next.B));
      expect(await cadenceRow(c.id)).toEqual(cBefore);
      const audit = await env.backend.store.reader.get<{ summary: string }>(`SELECT summary FROM audit_log WHERE channel = 'cadence.update' ORDER BY id DESC LIMIT 1`);
      expect(JSON.parse(audit!.summary)).toEqual({ before: { B: DEFAULT_CADENCE.B }, after: { B: next.B } });
      // A customer created afterwards gets the new intervals too (the insert trigger reads the table).
      const late = await newCustomer({ abcClass: 'B', registeredOn: '2026-11-01' });
      expect(await cadenceRow(late.id)).toMatchObject({ nextPhoneDue: '2026-11-11', nextVisitDue: '2026-12-01' });
      await env.call(admin.caller, 'cadence.update', DEFAULT_CADENCE);
      expect(await cadenceRow(b.id)).toMatchObject(dueDates({ baselineOn: '2026-09-10', lastContactOn: null, lastVisitOn: null }, DEFAULT_CADENCE.B));
    });
  });
});
