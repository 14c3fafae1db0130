import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBackend, type TestEnv, type TestUser } from '../helpers/env';

/** calendar.md: admins keep the table of holidays and make-up working days; every change is audited. */
describe('calendar channels', () => {
  let env: TestEnv;
  let admin: TestUser;
  let clerk: TestUser;

  beforeAll(async () => {
    env = await freshBackend();
    admin = env.admin;
    clerk = await env.createUser({ roles: ['clerk'], displayName: '王丽' });
  });
  afterAll(async () => {
    expect(env.loggedErrors).toEqual([]);
    await env.close();
  });

  const audits = (date: string) =>
    env.backend.store.reader.all<{
      channel: string;
      action: string;
      entity: string;
      user_name: string;
      summary: string;
    }>(
      `SELECT channel, action, entity, user_name, summary FROM audit_log WHERE entity = 'calendarDay' AND entity_id = ? ORDER BY id`,
      [date],
    );
  const stored = (date: string) =>
    env.backend.store.reader.get(
      'SELECT date, kind, name, created_by, updated_by FROM calendar_days WHERE date = ?',
      [date],
    );

  it('adds a holiday, shows it in the grid with its weekday, and audits it', async () => {
    const day = await env.call(admin.caller, 'calendar.create', {
      day: { date: '2027-10-01', kind: 'holiday', name: ' 国庆节 ' },
    });
    expect(day).toEqual({
      id: '2027-10-01',
      date: '2027-10-01',
      kind: 'holiday',
      name: '国庆节',
      weekday: 5,
      updatedAt: env.clock.now().toISOString(),
      updatedBy: admin.displayName,
    });
    expect(await stored('2027-10-01')).toEqual({
      date: '2027-10-01',
      kind: 'holiday',
      name: '国庆节',
      created_by: admin.id,
      updated_by: admin.id,
    });
    const page = await env.call(clerk.caller, 'calendar.query', { startRow: 0, endRow: 50, year: 2027 });
    expect(page.rows.map((r) => [r.date, r.kind, r.name])).toEqual([['2027-10-01', 'holiday', '国庆节']]);
    expect(await audits('2027-10-01')).toEqual([
      expect.objectContaining({ channel: 'calendar.create', action: 'create', user_name: admin.username }),
    ]);
  });

  it('adds a make-up working Saturday; a name is optional', async () => {
    const day = await env.call(admin.caller, 'calendar.create', {
      day: { date: '2027-10-09', kind: 'workday' },
    });
    expect(day).toMatchObject({ date: '2027-10-09', kind: 'workday', name: null, weekday: 6 });
  });

  it('refuses a weekend day as a holiday and a weekday as a make-up working day, writing nothing', async () => {
    const before = await env.snapshot();
    const weekend = await env.fail(admin.caller, 'calendar.create', {
      day: { date: '2027-10-02', kind: 'holiday', name: '国庆节' },
    });
    expect(weekend).toEqual({
      code: 'VALIDATION',
      message: 'calendar.errors.weekendHoliday',
      details: {
        params: { date: '2027-10-02' },
        issues: [{ path: 'day.kind', key: 'calendar.errors.weekendHoliday', params: { date: '2027-10-02' } }],
      },
    });
    const weekday = await env.fail(admin.caller, 'calendar.create', {
      day: { date: '2027-10-08', kind: 'workday' },
    });
    expect(weekday.message).toBe('calendar.errors.weekdayWorkday');
    expect(await env.snapshot()).toEqual(before);
  });

  it('keeps one entry per date', async () => {
    const counts = await env.rowCounts();
    const taken = await env.fail(admin.caller, 'calendar.create', {
      day: { date: '2027-10-01', kind: 'holiday', name: '又一个' },
    });
    expect(taken).toMatchObject({
      code: 'CONFLICT',
      message: 'calendar.errors.dateTaken',
      details: { params: { date: '2027-10-01' } },
    });
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('refuses malformed input naming the field, writing nothing', async () => {
    const counts = await env.rowCounts();
    const cases: [unknown, string, string][] = [
      [{ day: { date: '2027-02-30', kind: 'holiday' } }, 'day.date', 'v.date'],
      [{ day: { date: '2027/10/04', kind: 'holiday' } }, 'day.date', 'v.date'],
      [{ day: { date: '2027-10-04', kind: 'rest' } }, 'day.kind', 'v.required'],
      [{ day: { date: '2027-10-04', kind: 'holiday', name: '节'.repeat(41) } }, 'day.name', 'v.tooLong'],
      [{ day: { date: '2027-10-04', kind: 'holiday', extra: 1 } }, 'day', 'v.unknownField'],
    ];
    for (const [input, path, key] of cases) {
      const error = await env.fail(admin.caller, 'calendar.create', input);
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]).toMatchObject({ path, key });
    }
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('edits an entry — name, and even its date — auditing before and after', async () => {
    await env.call(admin.caller, 'calendar.create', {
      day: { date: '2027-10-04', kind: 'holiday', name: '国庆' },
    });
    env.clock.advance(60_000);
    const renamed = await env.call(admin.caller, 'calendar.update', {
      date: '2027-10-04',
      day: { date: '2027-10-04', kind: 'holiday', name: '国庆节' },
    });
    expect(renamed).toMatchObject({
      date: '2027-10-04',
      name: '国庆节',
      updatedAt: env.clock.now().toISOString(),
    });
    const moved = await env.call(admin.caller, 'calendar.update', {
      date: '2027-10-04',
      day: { date: '2027-10-05', kind: 'holiday', name: '国庆节' },
    });
    expect(moved.date).toBe('2027-10-05');
    expect(await stored('2027-10-04')).toBeUndefined();
    const trail = [...(await audits('2027-10-04')), ...(await audits('2027-10-05'))];
    expect(trail.map((a) => [a.channel, a.action])).toEqual([
      ['calendar.create', 'create'],
      ['calendar.update', 'update'],
      ['calendar.update', 'update'],
    ]);
    expect(JSON.parse(trail[1]!.summary)).toEqual({
      before: { date: '2027-10-04', kind: 'holiday', name: '国庆' },
      after: { date: '2027-10-04', kind: 'holiday', name: '国庆节' },
    });
  });

  it('an edit that changes nothing writes nothing', async () => {
    const before = await env.snapshot();
    await env.call(admin.caller, 'calendar.update', {
      date: '2027-10-05',
      day: { date: '2027-10-05', kind: 'holiday', name: '国庆节' },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('refuses an edit onto a taken date, into a meaningless kind, or of a missing date, writing nothing', async () => {
    const before = await env.snapshot();
    expect(
      (
        await env.fail(admin.caller, 'calendar.update', {
          date: '2027-10-05',
          day: { date: '2027-10-01', kind: 'holiday', name: 'x' },
        })
      ).message,
    ).toBe('calendar.errors.dateTaken');
    expect(
      (
        await env.fail(admin.caller, 'calendar.update', {
          date: '2027-10-05',
          day: { date: '2027-10-05', kind: 'workday', name: 'x' },
        })
      ).message,
    ).toBe('calendar.errors.weekdayWorkday');
    expect(
      await env.fail(admin.caller, 'calendar.update', {
        date: '2027-03-03',
        day: { date: '2027-03-03', kind: 'holiday' },
      }),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'calendar.errors.notFound',
      details: { params: { date: '2027-03-03' } },
    });
    expect(await env.snapshot()).toEqual(before);
  });

  it('deletes an entry, audited with what it was', async () => {
    await env.call(admin.caller, 'calendar.create', {
      day: { date: '2027-10-06', kind: 'holiday', name: '国庆节' },
    });
    expect(await env.call(admin.caller, 'calendar.remove', { date: '2027-10-06' })).toEqual({ ok: true });
    expect(await stored('2027-10-06')).toBeUndefined();
    const trail = await audits('2027-10-06');
    expect(trail.map((a) => a.action)).toEqual(['create', 'remove']);
    expect(JSON.parse(trail[1]!.summary)).toEqual({
      before: { date: '2027-10-06', kind: 'holiday', name: '国庆节' },
    });
    const counts = await env.rowCounts();
    expect((await env.fail(admin.caller, 'calendar.remove', { date: '2027-10-06' })).code).toBe('NOT_FOUND');
    expect((await env.fail(admin.caller, 'calendar.remove', { date: 'today' })).code).toBe('VALIDATION');
    expect(await env.rowCounts()).toEqual(counts);
  });

  it('lets only calendar.manage change the calendar; any user may read it', async () => {
    const counts = await env.rowCounts();
    for (const [channel, input] of [
      ['calendar.create', { day: { date: '2027-10-07', kind: 'holiday' } }],
      ['calendar.update', { date: '2027-10-05', day: { date: '2027-10-05', kind: 'holiday', name: '改名' } }],
      ['calendar.remove', { date: '2027-10-05' }],
    ] as const) {
      expect((await env.fail(clerk.caller, channel, input)).code).toBe('FORBIDDEN');
    }
    expect(await env.rowCounts()).toEqual(counts);
    const reviewer = await env.createUser({ roles: ['reviewer'] });
    await expect(env.call(reviewer.caller, 'calendar.years', {})).resolves.toMatchObject({
      years: [{ year: 2027 }],
    });
  });

  it('filters the grid by year, kind and name, sorts by date, searches names', async () => {
    await env.call(admin.caller, 'calendar.create', {
      day: { date: '2028-01-03', kind: 'holiday', name: '元旦' },
    });
    const all = await env.call(admin.caller, 'calendar.query', { startRow: 0, endRow: 50 });
    expect(all.rows.map((r) => r.date)).toEqual(['2027-10-01', '2027-10-05', '2027-10-09', '2028-01-03']);
    expect(all.rowCount).toBe(4);
    const y2028 = await env.call(admin.caller, 'calendar.query', { startRow: 0, endRow: 50, year: 2028 });
    expect(y2028.rows.map((r) => r.date)).toEqual(['2028-01-03']);
    const workdays = await env.call(admin.caller, 'calendar.query', {
      startRow: 0,
      endRow: 50,
      filterModel: { kind: { filterType: 'set', values: ['workday'] } },
    });
    expect(workdays.rows.map((r) => r.date)).toEqual(['2027-10-09']);
    const saturdays = await env.call(admin.caller, 'calendar.query', {
      startRow: 0,
      endRow: 50,
      filterModel: { weekday: { filterType: 'set', values: ['6'] } },
    });
    expect(saturdays.rows.map((r) => r.date)).toEqual(['2027-10-09']);
    const desc = await env.call(admin.caller, 'calendar.query', {
      startRow: 0,
      endRow: 2,
      sortModel: [{ colId: 'date', sort: 'desc' }],
    });
    expect(desc).toMatchObject({ rows: [{ date: '2028-01-03' }, { date: '2027-10-09' }], rowCount: 4 });
    const search = await env.call(admin.caller, 'calendar.query', {
      startRow: 0,
      endRow: 50,
      quickSearch: '国庆',
    });
    expect(search.rows.map((r) => r.date)).toEqual(['2027-10-01', '2027-10-05']);
    expect(
      (await env.fail(admin.caller, 'calendar.query', { startRow: 0, endRow: 50, year: 'all' })).code,
    ).toBe('VALIDATION');
    expect(
      (
        await env.fail(admin.caller, 'calendar.query', {
          startRow: 0,
          endRow: 50,
          sortModel: [{ colId: 'created_by', sort: 'asc' }],
        })
      ).code,
    ).toBe('VALIDATION');
  });

  it('lists the years that have entries with their counts', async () => {
    expect(await env.call(clerk.caller, 'calendar.years', {})).toEqual({
      years: [
        { year: 2027, holidays: 2, workdays: 1 },
        { year: 2028, holidays: 1, workdays: 0 },
      ],
      currentYear: 2026,
      currentYearMissing: true,
      nextYear: 2027,
      nextYearMissing: false,
    });
  });
});
