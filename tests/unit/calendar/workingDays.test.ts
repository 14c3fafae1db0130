import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '@shared/dates';
import { WorkingCalendar, weekday, type CalendarEntry } from '@shared/workingDays';
import { DEMO_CALENDAR_2026 } from '../../../electron/backend/demo/calendar';

/** calendar.md: Monday–Friday work, weekends do not, unless the table says otherwise; "N working days after D". */
describe('WorkingCalendar by example', () => {
  const plain = new WorkingCalendar([]);
  const y2026 = new WorkingCalendar(DEMO_CALENDAR_2026);

  it('works Monday to Friday and rests on weekends when nothing is listed', () => {
    // 2026-11-23 is a Monday.
    const week = Array.from({ length: 7 }, (_, i) => addDays('2026-11-23', i));
    expect(week.map((d) => weekday(d))).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(week.map((d) => plain.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });

  it('a listed holiday is not worked, a listed make-up Saturday is', () => {
    expect(y2026.isWorkingDay('2026-10-01')).toBe(false); // 国庆节, a Thursday
    expect(y2026.isWorkingDay('2026-10-10')).toBe(true); // 国庆节调休上班, a Saturday
    expect(y2026.isWorkingDay('2026-10-11')).toBe(false); // the Sunday after stays a rest day
    expect(y2026.isWorkingDay('2026-01-04')).toBe(true); // 元旦调休, a Sunday
  });

  it('counts N working days after D, D itself not counted', () => {
    expect(plain.addWorkingDays('2026-11-25', 0)).toBe('2026-11-25');
    expect(plain.addWorkingDays('2026-11-25', 1)).toBe('2026-11-26');
    expect(plain.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 → Monday
    expect(plain.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // from a Saturday
    expect(plain.addWorkingDays('2026-11-25', 5)).toBe('2026-12-02');
  });

  it('steps over the Spring Festival and onto its make-up Saturdays', () => {
    // Fri 02-13 → Sat 02-14 (make-up) → the holiday 02-15…02-23 → Tue 02-24.
    expect(y2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(y2026.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(y2026.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
  });

  it('crosses the year boundary: 2026-12-31 + 1 is 2027-01-04 when New Year’s Day is listed', () => {
    const calendar = new WorkingCalendar([{ date: '2027-01-01', kind: 'holiday' }]);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(plain.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1);
  });

  it('moves a reminder on a holiday to the next working day', () => {
    expect(y2026.onOrNextWorkingDay('2026-10-01')).toBe('2026-10-08');
    expect(y2026.onOrNextWorkingDay('2026-10-08')).toBe('2026-10-08');
    expect(y2026.onOrNextWorkingDay('2026-09-20')).toBe('2026-09-20'); // a working Sunday
  });

  it('refuses a negative or fractional number of working days', () => {
    expect(() => plain.addWorkingDays('2026-11-25', -1)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-11-25', 1.5)).toThrow(RangeError);
  });

  it('gives nothing between a day and itself or an earlier day', () => {
    expect(plain.workingDaysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(plain.workingDaysBetween('2026-11-25', '2026-11-20')).toBe(0);
  });
});

/** Dates from 2025 to 2028 and calendars of up to 120 random entries in the same span (year boundaries included). */
const SPAN = 4 * 366;
const date = fc.integer({ min: 0, max: SPAN }).map((k) => addDays('2025-01-01', k));
const calendar = fc
  .uniqueArray(fc.record({ date, kind: fc.constantFrom('holiday' as const, 'workday' as const) }), {
    maxLength: 120,
    selector: (e) => e.date,
  })
  .map((entries: CalendarEntry[]) => new WorkingCalendar(entries));
const days = fc.integer({ min: 0, max: 40 });

describe('WorkingCalendar properties', () => {
  it('N working days after D (N > 0) is a working day later than D', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), (cal, d, n) => {
        const due = cal.addWorkingDays(d, n);
        expect(due > d).toBe(true);
        expect(cal.isWorkingDay(due)).toBe(true);
      }),
    );
  });

  it('is strictly increasing in N', () => {
    fc.assert(
      fc.property(calendar, date, days, days, (cal, d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(d, lo) < cal.addWorkingDays(d, hi)).toBe(true);
      }),
    );
  });

  it('counts back what it added: workingDaysBetween(D, D + N working days) = N', () => {
    fc.assert(
      fc.property(calendar, date, days, (cal, d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('adding A then B working days is adding A + B', () => {
    fc.assert(
      fc.property(calendar, date, days, days, (cal, d, a, b) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(d, a), b)).toBe(cal.addWorkingDays(d, a + b));
      }),
    );
  });

  it('skips only days that are not worked: no working day lies strictly between D + N − 1 and D + N', () => {
    fc.assert(
      fc.property(calendar, date, fc.integer({ min: 1, max: 40 }), (cal, d, n) => {
        const before = cal.addWorkingDays(d, n - 1);
        const due = cal.addWorkingDays(d, n);
        for (let x = addDays(before, 1); x < due; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
      }),
    );
  });

  it('workingDaysBetween adds up over consecutive stretches', () => {
    fc.assert(
      fc.property(
        calendar,
        date,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (cal, a, x, y) => {
          const b = addDays(a, x);
          const c = addDays(b, y);
          expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(
            cal.workingDaysBetween(a, c),
          );
        },
      ),
    );
  });

  it('onOrNextWorkingDay is the first working day on or after D, and D + 1 working day is that of D + 1 calendar day', () => {
    fc.assert(
      fc.property(calendar, date, (cal, d) => {
        const next = cal.onOrNextWorkingDay(d);
        expect(next >= d).toBe(true);
        expect(cal.isWorkingDay(next)).toBe(true);
        for (let x = d; x < next; x = addDays(x, 1)) expect(cal.isWorkingDay(x)).toBe(false);
        expect(cal.addWorkingDays(d, 1)).toBe(cal.onOrNextWorkingDay(addDays(d, 1)));
      }),
    );
  });

  it('an entry decides its day; without one the weekday does', () => {
    fc.assert(
      fc.property(
        date,
        fc.constantFrom('holiday' as const, 'workday' as const),
        date,
        (listed, kind, other) => {
          const cal = new WorkingCalendar([{ date: listed, kind }]);
          expect(cal.isWorkingDay(listed)).toBe(kind === 'workday');
          fc.pre(other !== listed);
          expect(cal.isWorkingDay(other)).toBe(weekday(other) !== 0 && weekday(other) !== 6);
        },
      ),
    );
  });
});
