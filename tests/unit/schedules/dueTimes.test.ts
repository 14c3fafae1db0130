import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, localDate } from '@shared/dates';
import { WorkingCalendar, weekday, type CalendarEntry } from '@shared/workingDays';
import {
  atLocalTime,
  dueTimesBetween,
  lastWorkingDayOfMonth,
  nextDue,
  type ScheduleRule,
} from '@shared/schedules';
import { scheduleInput } from '@shared/schemas/schedules';
import { DEMO_CALENDAR_2026 } from '../../../electron/backend/demo/calendar';

/** Due times of 定时导出 (shared/schedules.ts): weekly, every working day, the month's last working day. */

const y2026 = new WorkingCalendar(DEMO_CALENDAR_2026);
const at = (date: string, time: string) => atLocalTime(date, time);
const due = (rule: ScheduleRule, after: Date, cal = y2026) => nextDue(rule, after, cal);

const friday17: ScheduleRule = { kind: 'weekly', weekday: 5, time: '17:00' };
const monthEnd: ScheduleRule = { kind: 'monthEnd', time: '17:00' };
const daily15: ScheduleRule = { kind: 'workingDays', time: '15:00' };

describe('due times by example (the 2026 calendar of the demo office)', () => {
  it('Friday 17:00: this Friday before five, next Friday from five on', () => {
    // 2026-11-25 is a Wednesday; 11-27 a Friday.
    expect(due(friday17, at('2026-11-25', '10:00'))).toEqual(at('2026-11-27', '17:00'));
    expect(due(friday17, at('2026-11-27', '16:59'))).toEqual(at('2026-11-27', '17:00'));
    expect(due(friday17, at('2026-11-27', '17:00'))).toEqual(at('2026-12-04', '17:00'));
  });

  it('a Friday that is a holiday moves to the next working day', () => {
    // 春节: Friday 02-20 is a holiday, so is Monday 02-23 → Tuesday 02-24.
    expect(due(friday17, at('2026-02-19', '09:00'))).toEqual(at('2026-02-24', '17:00'));
    // 国庆: Friday 10-02 is a holiday, 10-05…07 too → Thursday 10-08, then Friday 10-09 as usual.
    expect(due(friday17, at('2026-09-30', '09:00'))).toEqual(at('2026-10-08', '17:00'));
    expect(due(friday17, at('2026-10-08', '17:00'))).toEqual(at('2026-10-09', '17:00'));
  });

  it('month end is the last working day of the month, a 调休 Saturday included', () => {
    expect(due(monthEnd, at('2026-02-10', '09:00'))).toEqual(at('2026-02-28', '17:00')); // Saturday 02-28 is worked
    expect(due(monthEnd, at('2026-05-10', '09:00'))).toEqual(at('2026-05-29', '17:00')); // 05-30/31 weekend
    expect(due(monthEnd, at('2026-11-27', '18:00'))).toEqual(at('2026-11-30', '17:00'));
    expect(lastWorkingDayOfMonth('2026-10-15', y2026)).toBe('2026-10-30');
  });

  it('across the year end', () => {
    expect(due(monthEnd, at('2026-12-31', '17:00'))).toEqual(at('2027-01-29', '17:00'));
    const newYear = new WorkingCalendar([
      { date: '2026-12-31', kind: 'holiday' },
      { date: '2027-01-01', kind: 'holiday' },
    ]);
    expect(due(monthEnd, at('2026-12-01', '09:00'), newYear)).toEqual(at('2026-12-30', '17:00'));
    expect(due(friday17, at('2026-12-31', '09:00'), newYear)).toEqual(at('2027-01-04', '17:00'));
    expect(due(daily15, at('2026-12-30', '15:00'), newYear)).toEqual(at('2027-01-04', '15:00'));
  });

  it('every working day at 15:00 steps over weekends and holidays onto make-up days', () => {
    expect(due(daily15, at('2026-02-13', '15:00'))).toEqual(at('2026-02-14', '15:00')); // 调休 Saturday
    expect(due(daily15, at('2026-02-14', '15:00'))).toEqual(at('2026-02-24', '15:00'));
    expect(due(daily15, at('2026-11-27', '16:00'))).toEqual(at('2026-11-30', '15:00'));
  });

  it('counts the due times a closed app missed', () => {
    // Closed from Thursday 11-05 to Monday 11-30: the Fridays 11-06, 13, 20, 27.
    expect(dueTimesBetween(friday17, at('2026-11-05', '12:00'), at('2026-11-30', '08:00'), y2026)).toBe(4);
    expect(dueTimesBetween(friday17, at('2026-11-27', '17:00'), at('2026-11-27', '18:00'), y2026)).toBe(0);
  });
});

/** Random calendars of 2026–2027: any date may be listed as a holiday or a make-up day. */
const calendarArb = fc
  .array(
    fc.record({
      offset: fc.integer({ min: 0, max: 729 }),
      kind: fc.constantFrom<CalendarEntry['kind']>('holiday', 'workday'),
    }),
    { maxLength: 60 },
  )
  .map(
    (entries) =>
      new WorkingCalendar(entries.map((e) => ({ date: addDays('2026-01-01', e.offset), kind: e.kind }))),
  );
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const ruleArb: fc.Arbitrary<ScheduleRule> = fc.oneof(
  fc.record({ kind: fc.constant('weekly' as const), weekday: fc.integer({ min: 0, max: 6 }), time: timeArb }),
  fc.record({ kind: fc.constant('workingDays' as const), time: timeArb }),
  fc.record({ kind: fc.constant('monthEnd' as const), time: timeArb }),
);
const afterArb = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-10-01T00:00:00Z') })
  .map((ms) => new Date(ms));

describe('due-time properties', () => {
  it('the next due time is later, on a working day, at the rule time, of the rule kind — and none is skipped', () => {
    fc.assert(
      fc.property(
        calendarArb,
        ruleArb,
        afterArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cal, rule, after, fraction) => {
          const next = nextDue(rule, after, cal)!;
          expect(next).not.toBeNull();
          expect(next.getTime()).toBeGreaterThan(after.getTime());
          const day = localDate(next);
          expect(cal.isWorkingDay(day)).toBe(true);
          expect(next).toEqual(atLocalTime(day, rule.time));
          if (rule.kind === 'monthEnd') expect(lastWorkingDayOfMonth(day, cal)).toBe(day);
          if (rule.kind === 'weekly') {
            // Some nominal day of the week within the past fortnight runs on this day (a holiday moved it here).
            const nominal = Array.from({ length: 15 }, (_, i) => addDays(day, -i)).filter(
              (d) => weekday(d) === rule.weekday,
            );
            expect(nominal.some((d) => cal.onOrNextWorkingDay(d) === day)).toBe(true);
          }
          // Nothing due in between: from any instant before it, the next due time is still this one.
          const between = new Date(
            after.getTime() + Math.floor((next.getTime() - after.getTime() - 1) * fraction),
          );
          expect(nextDue(rule, between, cal)).toEqual(next);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('due times of a working-day rule are exactly the working days', () => {
    fc.assert(
      fc.property(calendarArb, afterArb, (cal, after) => {
        const rule: ScheduleRule = { kind: 'workingDays', time: '15:00' };
        const to = new Date(after.getTime() + 40 * 86_400_000);
        let expected = 0;
        for (let d = localDate(after); d <= localDate(to); d = addDays(d, 1)) {
          const t = atLocalTime(d, '15:00').getTime();
          if (cal.isWorkingDay(d) && t > after.getTime() && t <= to.getTime()) expected++;
        }
        expect(dueTimesBetween(rule, after, to, cal)).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the schedule schema (drawer and backend)', () => {
  const valid = {
    name: '周报包',
    rule: { kind: 'weekly', weekday: 5, time: '17:00' },
    registers: ['customers'],
    format: 'xlsx',
    targetId: null,
    ownerId: null,
    enabled: false,
  };
  const issues = (value: unknown) => {
    const r = scheduleInput.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('takes a valid schedule and refuses bad fields with their keys', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, rule: { kind: 'weekly', weekday: 5, time: '25:00' } })).toEqual([
      'rule.time:schedules.v.time',
    ]);
    expect(issues({ ...valid, registers: [] })).toEqual(['registers:schedules.v.registers']);
    expect(issues({ ...valid, registers: ['customers', 'customers'] })).toEqual([
      'registers:schedules.v.registersTwice',
    ]);
    expect(issues({ ...valid, name: ' ' })).toEqual(['name:v.required']);
    expect(issues({ ...valid, enabled: true })).toEqual([
      'targetId:schedules.v.targetNeeded',
      'ownerId:schedules.v.ownerNeeded',
    ]);
  });
});
