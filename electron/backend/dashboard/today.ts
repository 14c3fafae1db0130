import type { TodayItem } from '@shared/schemas/today';
import type { ReadContext } from '../handlers';

/**
 * A source of "today" lines. Each area contributes its own (late archive updates, overdue contacts, complaints
 * due, expiring contracts, the calendar's missing year…); a provider returns nothing when the user may not see
 * its area or nothing is due, so the list only shows what this user can act on.
 */
export type TodayProvider = (ctx: ReadContext) => Promise<TodayItem[]>;

const providers: TodayProvider[] = [];

/** Areas register their provider once, at module load (see dashboard/todayProviders.ts). */
export function registerTodayProvider(provider: TodayProvider): void {
  providers.push(provider);
}

export async function todayItems(ctx: ReadContext): Promise<TodayItem[]> {
  const lists = await Promise.all(providers.map((p) => p(ctx)));
  return lists.flat().filter((item) => item.count > 0);
}
