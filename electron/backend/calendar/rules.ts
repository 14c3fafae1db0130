import { weekday, type CalendarDayKind } from '@shared/workingDays';
import type { IsoDate } from '@shared/dates';

/**
 * A listed date only means something when it breaks the Monday–Friday rule: a weekday can be a public holiday,
 * a Saturday or Sunday can be a make-up working day (调休上班). The other two combinations would change nothing,
 * and usually mean the wrong date was typed.
 */
export function kindMismatch(
  date: IsoDate,
  kind: CalendarDayKind,
): 'weekendHoliday' | 'weekdayWorkday' | null {
  const day = weekday(date);
  const weekend = day === 0 || day === 6;
  if (weekend && kind === 'holiday') return 'weekendHoliday';
  if (!weekend && kind === 'workday') return 'weekdayWorkday';
  return null;
}

/** calendar.md: from December on, the app warns when next year has no entries yet. */
export const NEXT_YEAR_WARNING_MONTH = 12;

export function yearStatus(today: IsoDate, yearsWithEntries: readonly number[]) {
  const currentYear = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const nextYear = currentYear + 1;
  return {
    currentYear,
    currentYearMissing: !yearsWithEntries.includes(currentYear),
    nextYear,
    nextYearMissing: month >= NEXT_YEAR_WARNING_MONTH && !yearsWithEntries.includes(nextYear),
  };
}
