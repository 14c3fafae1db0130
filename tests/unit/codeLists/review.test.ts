import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '@shared/quarters';
import { ADMIN, freshBackend, type TestEnv, type TestUser } from '../helpers/env';
import type { Caller } from '../../../electron/backend/index';
import { closeChecked, inOfficeTimeZone, jumpAndSignIn } from '../helpers/officeTime';
import { demoOffice } from '../helpers/demo';

const reminder = (items: { id: string; params: Record<string, unknown> }[]) => items.filter((i) => i.id === 'codeLists.reviewDue');

describe('quarterOf', () => {
  it('names the calendar quarter of a date, boundaries included', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
  });
});

/** customers.md: business format, market type and market size are admin-maintained code lists, "reviewed quarterly". */
describe('the quarterly review of the code lists', () => {
  let env: TestEnv;
  let clerk: TestUser;
  let admin: Caller;
  const jump = async (at: string) => ({ admin, user: clerk } = await jumpAndSignIn(env, at, clerk));

  inOfficeTimeZone();
  beforeAll(async () => {
    env = await freshBackend({ start: '2026-11-25T02:00:00Z' });
    clerk = await env.createUser({ roles: ['clerk'] });
    admin = env.admin.caller;
  });
  afterAll(() => closeChecked(env));

  it('reminds the admin, and only the admin, while the quarter has no review', async () => {
    expect(reminder(await env.call(admin, 'dashboard.today', {}))).toEqual([
      { id: 'codeLists.reviewDue', text: 'codeLists.review.today', params: { year: 2026, quarter: 4 }, count: 1, level: 'info', route: '/system/code-lists' },
    ]);
    expect(reminder(await env.call(clerk.caller, 'dashboard.today', {}))).toEqual([]);
    expect(await env.call(admin, 'codeLists.reviewStatus', {})).toEqual({ quarter: '2026-Q4', current: null, previous: null });
    expect((await env.fail(clerk.caller, 'codeLists.reviewStatus', {})).code).toBe('FORBIDDEN');
    expect((await env.fail(clerk.caller, 'codeLists.markReviewed', {})).code).toBe('FORBIDDEN');
  });

  it('refuses notes over 200 characters or an unknown key, writing nothing', async () => {
    const before = await env.snapshot();
    const long = await env.fail(admin, 'codeLists.markReviewed', { notes: '核'.repeat(201) });
    expect(long).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'notes', key: 'v.tooLong' }] } });
    expect((await env.fail(admin, 'codeLists.markReviewed', { notes: null, quarter: '2026-Q3' })).code).toBe('VALIDATION');
    expect(await env.snapshot()).toBe(before);
  });

  it('records the review with who, when and the notes; the reminder goes; the audit log has it', async () => {
    const status = await env.call(admin, 'codeLists.markReviewed', { notes: '  停用了“批发部”业态，新增“社区团购”  ' });
    expect(status).toEqual({
      quarter: '2026-Q4',
      current: { quarter: '2026-Q4', reviewedAt: '2026-11-25T02:00:00.000Z', userName: ADMIN.displayName, notes: '停用了“批发部”业态，新增“社区团购”' },
      previous: null,
    });
    expect(reminder(await env.call(admin, 'dashboard.today', {}))).toEqual([]);
    const audit = await env.backend.store.reader.all<{ action: string; entity: string; summary: string }>(
      `SELECT action, entity, summary FROM audit_log WHERE action = 'review'`,
    );
    expect(audit.map((a) => ({ ...a, summary: JSON.parse(a.summary) as unknown }))).toEqual([
      { action: 'review', entity: 'codeList', summary: { quarter: '2026-Q4', notes: '停用了“批发部”业态，新增“社区团购”' } },
    ]);
  });

  it('takes one review a quarter: a second is refused with who did it, and changes nothing', async () => {
    const before = await env.snapshot();
    expect(await env.fail(admin, 'codeLists.markReviewed', {})).toEqual({
      code: 'CONFLICT',
      message: 'codeLists.review.errors.alreadyDone',
      details: { params: { year: 2026, quarter: 4, name: ADMIN.displayName, at: '2026-11-25' } },
    });
    expect(await env.snapshot()).toBe(before);
  });

  it('asks again in the next quarter, showing the last review; a review without notes is fine', async () => {
    await jump('2027-01-04T01:00:00Z');
    expect(reminder(await env.call(admin, 'dashboard.today', {}))).toMatchObject([{ params: { year: 2027, quarter: 1 } }]);
    expect(await env.call(admin, 'codeLists.reviewStatus', {})).toMatchObject({
      quarter: '2027-Q1',
      current: null,
      previous: { quarter: '2026-Q4', userName: ADMIN.displayName },
    });
    expect((await env.call(admin, 'codeLists.markReviewed', {})).current).toMatchObject({ quarter: '2027-Q1', notes: null });
  });

  it('keeps the reviews as they were recorded (append-only)', async () => {
    const write = (sql: string) => env.backend.store.write((tx) => tx.run(sql));
    await expect(write(`UPDATE code_list_reviews SET user_name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(write('DELETE FROM code_list_reviews')).rejects.toThrow(/append-only/);
    expect(await env.backend.store.reader.get('SELECT count(*) AS n FROM code_list_reviews')).toEqual({ n: 2 });
  });
});

describe('demo office: code-list review', () => {
  it('reviewed last quarter, so 代码表 shows that review and the admin is reminded of this one', async () => {
    const office = await demoOffice();
    try {
      expect(await office.backend.invoke(office.admin, 'codeLists.reviewStatus', {})).toMatchObject({
        quarter: '2026-Q4',
        current: null,
        previous: { quarter: '2026-Q3', userName: ADMIN.displayName },
      });
      const today = (await office.backend.invoke(office.admin, 'dashboard.today', {})) as { id: string }[];
      expect(today.map((i) => i.id)).toContain('codeLists.reviewDue');
      expect(office.errors).toEqual([]);
    } finally {
      await office.close();
    }
  }, 120_000);
});
