import { localDate } from '@shared/dates';
import { quarterOf } from '@shared/quarters';
import type { Tx } from '../db/writeQueue';

/**
 * The demo office reviewed its code lists last quarter (early in its second month), so 代码表 shows a previous
 * review and the dashboard reminds the admin of this quarter's.
 */
export async function demoCodeListReview(tx: Tx, now: Date, admin: { userId: number; userName: string }): Promise<void> {
  const at = new Date(now);
  at.setMonth(at.getMonth() - 3, 5);
  at.setHours(10, 20, 0, 0);
  await tx.run(
    'INSERT OR IGNORE INTO code_list_reviews (quarter, reviewed_at, user_id, user_name, notes) VALUES (?, ?, ?, ?, ?)',
    [quarterOf(localDate(at)), at.toISOString(), admin.userId, admin.userName, '四个代码表逐项核对，无需调整。'],
  );
}
