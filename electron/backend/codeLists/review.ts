import { AppError } from '@shared/errors';
import { localDate } from '@shared/dates';
import { quarterOf, quarterParts } from '@shared/quarters';
import type { CodeListReview, CodeListReviewStatus } from '@shared/schemas/admin';
import type { TodayItem } from '@shared/schemas/today';
import type { ReadContext, WriteContext } from '../handlers';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';

/**
 * 代码表季度复核 (customers.md: business format, market type and market size are "reviewed quarterly"). An admin
 * goes through the lists and records that the quarter's review is done; until then the dashboard reminds the
 * users who maintain the lists.
 */

const reviewSelect = 'SELECT quarter, reviewed_at AS reviewedAt, user_name AS userName, notes FROM code_list_reviews';

export async function reviewStatus(db: Reader | Tx, today: string): Promise<CodeListReviewStatus> {
  const quarter = quarterOf(today);
  const current = await db.get<CodeListReview>(`${reviewSelect} WHERE quarter = ?`, [quarter]);
  const previous = await db.get<CodeListReview>(`${reviewSelect} WHERE quarter < ? ORDER BY quarter DESC LIMIT 1`, [quarter]);
  return { quarter, current: current ?? null, previous: previous ?? null };
}

export async function markReviewed(ctx: WriteContext, notes: string | null): Promise<CodeListReviewStatus> {
  const today = localDate(ctx.clock.now());
  const quarter = quarterOf(today);
  const done = await ctx.tx.get<CodeListReview>(`${reviewSelect} WHERE quarter = ?`, [quarter]);
  if (done)
    throw new AppError('CONFLICT', 'codeLists.review.errors.alreadyDone', {
      params: { ...quarterParts(quarter), name: done.userName, at: done.reviewedAt.slice(0, 10) },
    });
  const { lastID } = await ctx.tx.run(
    'INSERT INTO code_list_reviews (quarter, reviewed_at, user_id, user_name, notes) VALUES (?, ?, ?, ?, ?)',
    [quarter, ctx.clock.now().toISOString(), ctx.session.userId, ctx.session.displayName, notes],
  );
  await ctx.audit({ action: 'review', entity: 'codeList', entityId: lastID, summary: { quarter, notes } });
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'codeListReview' }));
  return reviewStatus(ctx.tx, today);
}

/** The dashboard line for the users who keep the lists, while this quarter has no review. */
export async function codeListReviewToday(ctx: ReadContext): Promise<TodayItem[]> {
  if (!ctx.session.permissions.has('codeLists.manage')) return [];
  const status = await reviewStatus(ctx.db, localDate(ctx.clock.now()));
  if (status.current) return [];
  return [
    {
      id: 'codeLists.reviewDue',
      text: 'codeLists.review.today',
      params: quarterParts(status.quarter),
      count: 1,
      level: 'info',
      route: '/system/code-lists',
    },
  ];
}
