import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, localDate } from '@shared/dates';
import { WorkingCalendar } from '@shared/workingDays';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import { createCustomer, customerValues, today } from '../helpers/customers';
import { complaintValues } from '../helpers/complaints';

/** A local date and time as an instant (the office enters local times; complaints come in at any hour). */
const localInstant = (y: number, m: number, d: number, h = 10, min = 0) =>
  new Date(y, m - 1, d, h, min).toISOString();

/**
 * Recording a complaint: the number, the due date in working days by type (settings, holidays and make-up days
 * of the calendar), corrections of the intake, and bad input that writes nothing.
 */
describe('recording a complaint', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let staffId: number;
  let customerId: number;

  beforeAll(async () => {
    env = await freshBackend({ start: '2026-10-14T02:00:00Z' });
    clerk = await env.createUser({ roles: ['clerk'], displayName: '陈静' });
    staffId = await env.createStaff({ name: '李受理' });
    customerId = (await createCustomer(env, clerk.caller, customerValues(staffId))).customer.id;
    // National Day week: 1–7 October off, Saturday 10 October worked instead (调休上班).
    // (The weekend of 3–4 October is off anyway: the calendar lists only the weekdays.)
    for (const d of [1, 2, 5, 6, 7]) {
      await env.call(env.admin.caller, 'calendar.create', {
        day: { date: `2026-10-0${d}`, kind: 'holiday', name: '国庆节' },
      });
    }
    await env.call(env.admin.caller, 'calendar.create', {
      day: { date: '2026-10-10', kind: 'workday', name: '国庆调休' },
    });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const record = (overrides: Parameters<typeof complaintValues>[3] = {}) =>
    env.call(clerk.caller, 'complaints.create', complaintValues(env, customerId, staffId, overrides));

  it('numbers complaints TS-<received year>-0001 upwards and counts each year on its own', async () => {
    const a = await record({ receivedAt: localInstant(2026, 9, 30) });
    const b = await record({ receivedAt: localInstant(2026, 10, 12) });
    const lastYear = await record({ receivedAt: localInstant(2025, 12, 31, 22, 30) });
    expect([a, b, lastYear].map((d) => d.complaint.number)).toEqual([
      'TS-2026-0001',
      'TS-2026-0002',
      'TS-2025-0001',
    ]);
    expect(lastYear.complaint.receivedOn).toBe('2025-12-31');
    expect(lastYear.complaint.createdByName).toBe('陈静');
  });

  it('sets the due date N working days after the received date, skipping the holiday week and counting the make-up Saturday', async () => {
    // Received Wednesday 30 September; 3 working days for a complaint: 8, 9 and Saturday 10 October.
    const complaint = await record({ type: 'complaint', receivedAt: localInstant(2026, 9, 30) });
    expect(complaint.complaint.dueOn).toBe('2026-10-10');
    // 5 for the other types: 8, 9, 10, 12, 13 October.
    for (const type of ['suggestion', 'query', 'grievance'] as const) {
      const d = await record({ type, receivedAt: localInstant(2026, 9, 30) });
      expect(d.complaint.dueOn, type).toBe('2026-10-13');
    }
  });

  it('accepts a complaint at any hour: late on a Saturday night it counts from that Saturday', async () => {
    const d = await record({ type: 'complaint', receivedAt: localInstant(2026, 10, 3 + 7, 23, 40) });
    // Saturday 10 October is a working day (make-up): 12, 13, 14 October.
    expect(d.complaint.receivedOn).toBe('2026-10-10');
    expect(d.complaint.dueOn).toBe('2026-10-14');
    const sunday = await record({ type: 'complaint', receivedAt: localInstant(2026, 10, 11, 6, 5) });
    expect(sunday.complaint.dueOn).toBe('2026-10-14');
  });

  it('uses the due days of the settings at the time of recording; earlier complaints keep theirs', async () => {
    const before = await record({ type: 'complaint', receivedAt: localInstant(2026, 10, 12) });
    expect(before.complaint.dueOn).toBe('2026-10-15');
    await env.call(env.admin.caller, 'complaints.setDueDays', {
      suggestion: 10,
      query: 5,
      grievance: 5,
      complaint: 2,
    });
    expect(await env.call(env.admin.caller, 'complaints.dueDays', {})).toEqual({
      suggestion: 10,
      query: 5,
      grievance: 5,
      complaint: 2,
    });
    const after = await record({ type: 'complaint', receivedAt: localInstant(2026, 10, 12) });
    expect(after.complaint.dueOn).toBe('2026-10-14');
    expect(
      (await env.call(clerk.caller, 'complaints.get', { id: before.complaint.id })).complaint.dueOn,
    ).toBe('2026-10-15');
    const audit = await env.backend.store.reader.get<{ summary: string }>(
      `SELECT summary FROM audit_log WHERE entity = 'settings' AND entity_id = 'complaints.dueDays' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(audit!.summary)).toEqual({
      before: { suggestion: 5, query: 5, grievance: 5, complaint: 3 },
      after: { suggestion: 10, query: 5, grievance: 5, complaint: 2 },
    });
    await env.call(env.admin.caller, 'complaints.setDueDays', {
      suggestion: 5,
      query: 5,
      grievance: 5,
      complaint: 3,
    });
  });

  it('refuses bad due-day settings and keeps the old ones', async () => {
    const bad: [unknown, string][] = [
      [{ suggestion: 5, query: 5, grievance: 5, complaint: 0 }, 'complaint'],
      [{ suggestion: 61, query: 5, grievance: 5, complaint: 3 }, 'suggestion'],
      [{ suggestion: 5, query: 2.5, grievance: 5, complaint: 3 }, 'query'],
      [{ suggestion: 5, query: 5, complaint: 3 }, 'grievance'],
    ];
    for (const [input, path] of bad) {
      const snapshot = await env.snapshot();
      const error = await env.fail(env.admin.caller, 'complaints.setDueDays', input);
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.map((i) => i.path)).toEqual([path]);
      expect(await env.snapshot()).toBe(snapshot);
    }
    // Only admins change settings.
    expect(
      (
        await env.fail(clerk.caller, 'complaints.setDueDays', {
          suggestion: 5,
          query: 5,
          grievance: 5,
          complaint: 3,
        })
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('corrects the intake of an open complaint: a new type or received date moves the due date; the timeline shows the change', async () => {
    const d = await record({ type: 'complaint', receivedAt: localInstant(2026, 10, 12) });
    const other = await env.createStaff({ name: '周接待' });
    const changed = await env.call(clerk.caller, 'complaints.update', {
      id: d.complaint.id,
      version: d.complaint.version,
      changes: { type: 'suggestion', receivedByStaffId: other, content: '建议送货前电话通知。' },
    });
    expect(changed.complaint).toMatchObject({
      type: 'suggestion',
      receivedByName: '周接待',
      content: '建议送货前电话通知。',
      dueOn: '2026-10-19',
      version: 2,
    });
    const edit = changed.events.at(-1)!;
    expect(edit.action).toBe('edited');
    expect(edit.detail).toEqual({
      type: ['complaint', 'suggestion'],
      receivedByStaffId: ['李受理', '周接待'],
      content: [d.complaint.content, '建议送货前电话通知。'],
      dueOn: ['2026-10-15', '2026-10-19'],
    });
    // Nothing to change: nothing written.
    const snapshot = await env.snapshot();
    await env.call(clerk.caller, 'complaints.update', {
      id: d.complaint.id,
      version: 2,
      changes: { type: 'suggestion' },
    });
    expect(await env.snapshot()).toBe(snapshot);
    const future = await env.fail(clerk.caller, 'complaints.update', {
      id: d.complaint.id,
      version: 2,
      changes: { receivedAt: '2026-10-20T02:00:00.000Z' },
    });
    expect(future.details?.issues).toEqual([
      { path: 'changes.receivedAt', key: 'complaints.errors.receivedInFuture' },
    ]);
    expect(await env.snapshot()).toBe(snapshot);
  });

  it('refuses bad intake with the field named, and writes nothing', async () => {
    const inactive = await env.createStaff({ name: '已离职', active: false });
    const archived = (await createCustomer(env, clerk.caller, customerValues(staffId))).customer;
    await env.call(clerk.caller, 'customers.archive', {
      id: archived.id,
      version: archived.version,
      reason: '停业',
      receivedOn: today(env),
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ content: '   ' }, 'content', 'v.required'],
      [{ content: '长'.repeat(2001) }, 'content', 'v.tooLong'],
      [{ type: 'praise' }, 'type', 'v.invalidChoice'],
      [{ channel: undefined }, 'channel', 'v.required'],
      [{ channel: 'fax' }, 'channel', 'v.invalidChoice'],
      [{ receivedAt: '2026-10-13 10:00' }, 'receivedAt', 'v.date'],
      [{ receivedAt: '2026-02-30T10:00:00Z' }, 'receivedAt', 'v.date'],
      [{ receivedAt: '2026-10-14T03:00:00.000Z' }, 'receivedAt', 'complaints.errors.receivedInFuture'],
      [{ receivedByStaffId: 9999 }, 'receivedByStaffId', 'complaints.errors.staffUnknown'],
      [{ receivedByStaffId: inactive }, 'receivedByStaffId', 'complaints.errors.staffUnknown'],
      [{ customerId: 9999 }, 'customerId', 'complaints.errors.customerUnknown'],
      [{ customerId: archived.id }, 'customerId', 'complaints.errors.customerArchived'],
    ];
    for (const [overrides, path, key] of cases) {
      const snapshot = await env.snapshot();
      const error = await env.fail(clerk.caller, 'complaints.create', {
        ...complaintValues(env, customerId, staffId),
        ...overrides,
      });
      expect(error.code, path).toBe('VALIDATION');
      expect(error.details?.issues, JSON.stringify(overrides).slice(0, 60)).toContainEqual(
        expect.objectContaining({ path, key }),
      );
      expect(await env.snapshot()).toBe(snapshot);
    }
  });
});

describe('the due date as a property of the calendar', () => {
  it('is the N-th working day after the received date: a working day, later than it, with exactly N working days in between', () => {
    const holiday = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(
        fc.uniqueArray(holiday, { maxLength: 40 }),
        fc.uniqueArray(holiday, { maxLength: 6 }),
        fc.integer({ min: 0, max: 380 }),
        fc.integer({ min: 1, max: 10 }),
        (holidays, workdays, offset, n) => {
          const entries = [
            ...holidays.map((date) => ({ date, kind: 'holiday' as const })),
            ...workdays
              .filter((d) => !holidays.includes(d))
              .map((date) => ({ date, kind: 'workday' as const })),
          ];
          const calendar = new WorkingCalendar(entries);
          const received = addDays('2026-01-01', offset);
          const due = calendar.addWorkingDays(received, n);
          expect(due > received).toBe(true);
          expect(calendar.isWorkingDay(due)).toBe(true);
          expect(calendar.workingDaysBetween(received, due)).toBe(n);
          expect(calendar.workingDaysBetween(received, addDays(due, -1))).toBe(n - 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the backend for a week without entries (plain Monday–Friday)', () => {
    expect(localDate(new Date(2026, 10, 27))).toBe('2026-11-27');
    expect(new WorkingCalendar([]).addWorkingDays('2026-11-27', 3)).toBe('2026-12-02');
  });
});
