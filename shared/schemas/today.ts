import { z } from 'zod';

/**
 * One line of the dashboard's "today" list (calendar.md "The office's rhythm"): a count of things that are due
 * or overdue, the i18n key that says what they are, and where in the app to deal with them.
 */
export const todayItem = z.object({
  /** Stable id, e.g. `customers.lateUpdates` (tests find the line by it). */
  id: z.string(),
  /** i18n key of the text; it receives `{{count}}` and any `params`. */
  text: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  count: z.int().min(0),
  level: z.enum(['info', 'warning', 'danger']),
  /** Hash route that lists the items, e.g. `/customers/overdue-contacts`. */
  route: z.string().nullable(),
});
export type TodayItem = z.output<typeof todayItem>;
export const todayList = z.array(todayItem);
