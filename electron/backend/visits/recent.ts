import type { RecentVisit } from '@shared/schemas/visits';
import type { Reader } from '../db/connection';

/**
 * The latest valid visits and calls of one customer, newest first (the `visits.recent` channel, and the printed
 * customer card). The caller has already checked that the session may see the customer.
 */
export async function recentVisits(db: Reader, customerId: number, limit: number): Promise<RecentVisit[]> {
  const rows = await db.all<Omit<RecentVisit, 'significant'> & { significant: number }>(
    `SELECT vis.id, vis.visited_on AS visitedOn, vis.channel, s.name AS staffName, vis.contact_name AS contactName,
       vis.contact_title AS contactTitle, vis.purpose, vis.content, vis.significant
     FROM visits vis JOIN staff s ON s.id = vis.staff_id
     WHERE vis.customer_id = ? AND vis.voided_at IS NULL
     ORDER BY vis.visited_on DESC, vis.id DESC LIMIT ?`,
    [customerId, limit],
  );
  return rows.map((r) => ({ ...r, significant: r.significant === 1 }));
}
