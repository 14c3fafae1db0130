import type { CustomerCard } from '@shared/schemas/printing';
import type { Reader } from '../db/connection';
import { recentVisits } from '../visits/recent';
import { openComplaintsOf, summaryOf } from '../complaints/openComplaints';

/** How many of the latest visits the customer card lists. */
export const CARD_VISITS = 8;

/** The latest visits and calls for the customer card: who met whom, and what it was about, on one line. */
export async function cardVisits(db: Reader, customerId: number): Promise<CustomerCard['visits']> {
  const visits = await recentVisits(db, customerId, CARD_VISITS);
  return visits.map((v) => ({
    visitedOn: v.visitedOn,
    channel: v.channel,
    staffName: v.staffName,
    contact: v.contactTitle ? `${v.contactName}（${v.contactTitle}）` : v.contactName,
    summary: summaryOf(`${v.purpose}：${v.content}`),
  }));
}

/** Complaints not yet closed, for the customer card, with their due dates. */
export async function cardComplaints(db: Reader, customerId: number, today: string): Promise<CustomerCard['complaints']> {
  const open = await openComplaintsOf(db, customerId, today);
  return open.map((c) => ({ number: c.number, receivedOn: c.receivedOn, type: c.type, status: c.status, dueOn: c.dueOn, summary: c.summary }));
}
