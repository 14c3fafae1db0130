import { localDate } from '@shared/dates';
import type { TodayItem } from '@shared/schemas/today';
import type { ReadContext } from '../handlers';
import { calendarYears } from './years';

/**
 * The dashboard's reminder to enter next year's holidays (calendar.md): from December on, while next year has no
 * entry, for the users who can enter them. Without the list, every deadline next year ignores the holidays.
 */
export async function calendarTodayItems(ctx: ReadContext): Promise<TodayItem[]> {
  if (!ctx.session.permissions.has('calendar.manage')) return [];
  const status = await calendarYears(ctx.db, localDate(ctx.clock.now()));
  if (!status.nextYearMissing) return [];
  return [
    {
      id: 'calendar.nextYearMissing',
      text: 'calendar.today.nextYearMissing',
      params: { year: status.nextYear },
      count: 1,
      level: 'warning',
      route: '/system/calendar',
    },
  ];
}
