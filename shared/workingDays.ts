import { addDays, type IsoDate } from './dates';

/** calendar.md: a date listed in the table is a public holiday (not worked) or a make-up working day (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarDayKind;
}

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday (pure date arithmetic: no time zone involved). */
export function weekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The office's working-day calendar: Monday–Friday work, Saturday and Sunday do not, unless the table says
 * otherwise. Pure, so the backend, the renderer and the property tests share one definition.
 */
export class WorkingCalendar {
  private readonly kinds: ReadonlyMap<IsoDate, CalendarDayKind>;

  constructor(entries: readonly CalendarEntry[]) {
    this.kinds = new Map(entries.map((e) => [e.date, e.kind]));
  }

  isWorkingDay(date: IsoDate): boolean {
    const kind = this.kinds.get(date);
    if (kind === 'holiday') return false;
    if (kind === 'workday') return true;
    const day = weekday(date);
    return day !== 0 && day !== 6;
  }

  /** "N working days after D": the N-th working day after `date`, `date` itself not counted. n = 0 gives `date`. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let current = date;
    let left = n;
    while (left > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not later than `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  /** The day itself when it is a working day, else the next working day (a reminder on a holiday moves on). */
  onOrNextWorkingDay(date: IsoDate): IsoDate {
    let current = date;
    while (!this.isWorkingDay(current)) current = addDays(current, 1);
    return current;
  }
}
