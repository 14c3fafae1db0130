import { z } from 'zod';
import { addDays, localDate, type IsoDate } from './dates';
import { weekday, type WorkingCalendar } from './workingDays';

/**
 * When a scheduled export (定时导出, exports.md "Scheduled exports") is due — pure, so the backend's timer, the
 * page's "next run" and the property tests share one definition. Times are the office PC's local time
 * (calendar.md: "Times are local").
 *
 * What the rules mean (exports.md with calendar.md's "office rhythm"):
 * - `weekly`: a day of the week at a time (Friday 17:00: the weekly bundle). calendar.md: "If the reminder's day
 *   is not a working day, it moves to the next working day" — so a Friday that is a public holiday runs on the
 *   next working day (which may be a 调休 Saturday).
 * - `workingDays`: every working day at a time (15:00: the day's redemption cut-off).
 * - `monthEnd`: the last working day of the month at a time ("month-end exports" are filed before the month
 *   closes, so a month ending on a weekend or holiday runs on its last working day, never in the next month).
 *
 * The rule is a union on `kind` so that event rules can join it later — "Monday after the stocktake is
 * posted" (gift store) would be `{ kind: 'afterEvent', event: 'stocktakePosted' }`: `nextDue` returns null for
 * it and the posting starts the run instead of the timer.
 */

export const SCHEDULE_RULE_KINDS = ['weekly', 'workingDays', 'monthEnd'] as const;
export type ScheduleRuleKind = (typeof SCHEDULE_RULE_KINDS)[number];

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** `HH:mm`, 24-hour, the office PC's local time. */
export const scheduleTime = z.string('v.required').trim().regex(TIME_RE, 'schedules.v.time');
const time = scheduleTime;

export const scheduleRule = z.discriminatedUnion('kind', [
  /** weekday: 0 = Sunday … 6 = Saturday, as shared/workingDays.ts's weekday(). */
  z
    .object({
      kind: z.literal('weekly'),
      weekday: z.int('v.required').min(0, 'v.invalidChoice').max(6, 'v.invalidChoice'),
      time,
    })
    .strict(),
  z.object({ kind: z.literal('workingDays'), time }).strict(),
  z.object({ kind: z.literal('monthEnd'), time }).strict(),
]);
export type ScheduleRule = z.output<typeof scheduleRule>;

/** The local instant of a calendar date at `HH:mm`. */
export function atLocalTime(date: IsoDate, hhmm: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

/** The last working day of the month `date` falls in. */
export function lastWorkingDayOfMonth(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  let day = localDate(new Date(y, m, 0)); // day 0 of the next month: this month's last day
  // A month without any working day cannot happen with real calendars; stop at its first day all the same.
  while (!calendar.isWorkingDay(day) && !day.endsWith('-01')) day = addDays(day, -1);
  return day;
}

/** The day a rule runs for the nominal date `date`, or null when `date` is not one of its nominal days. */
function runDayFor(rule: ScheduleRule, date: IsoDate, calendar: WorkingCalendar): IsoDate | null {
  switch (rule.kind) {
    case 'weekly':
      return weekday(date) === rule.weekday ? calendar.onOrNextWorkingDay(date) : null;
    case 'workingDays':
      return calendar.isWorkingDay(date) ? date : null;
    case 'monthEnd': {
      const last = lastWorkingDayOfMonth(date, calendar);
      return last === date ? date : null;
    }
  }
}

/** How far back a nominal day may lie whose run moved past a holiday (the longest Chinese holiday is 9 days). */
const LOOK_BACK_DAYS = 31;
const LOOK_AHEAD_DAYS = 400;

/**
 * The first time strictly after `after` at which the rule is due, or null when it has none within a year
 * (an event rule, later). Run days only move forward and keep their order, so the first one found is the next.
 */
export function nextDue(rule: ScheduleRule, after: Date, calendar: WorkingCalendar): Date | null {
  const start = addDays(localDate(after), -LOOK_BACK_DAYS);
  for (let i = 0; i <= LOOK_BACK_DAYS + LOOK_AHEAD_DAYS; i++) {
    const nominal = addDays(start, i);
    const day = runDayFor(rule, nominal, calendar);
    if (day === null) continue;
    const at = atLocalTime(day, rule.time);
    if (at.getTime() > after.getTime()) return at;
  }
  return null;
}

/** How many due times fell in (from, to] — a catch-up says how many occurrences the closed app missed. */
export function dueTimesBetween(
  rule: ScheduleRule,
  from: Date,
  to: Date,
  calendar: WorkingCalendar,
  max = 1000,
): number {
  let count = 0;
  for (
    let at = nextDue(rule, from, calendar);
    at && at.getTime() <= to.getTime() && count < max;
    at = nextDue(rule, at, calendar)
  )
    count++;
  return count;
}
