import type { OpenComplaint } from '@shared/schemas/complaint';
import type { Reader } from '../db/connection';
import { dueStateSql } from './dueState';

/** How much of the content a one-line summary keeps (the customer card prints one line per complaint). */
export const SUMMARY_CHARS = 60;

export function summaryOf(content: string): string {
  const oneLine = content.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= SUMMARY_CHARS ? oneLine : `${chars.slice(0, SUMMARY_CHARS).join('')}…`;
}

/**
 * The complaints of one customer that are not closed yet, oldest first. The caller has checked that the customer
 * is visible to the session (the customer card and complaints.openForCustomer both do).
 */
export async function openComplaintsOf(
  db: Reader,
  customerId: number,
  today: string,
): Promise<OpenComplaint[]> {
  const rows = await db.all<Omit<OpenComplaint, 'summary'> & { content: string }>(
    `SELECT k.id AS id, k.number AS number, k.received_on AS receivedOn, k.type AS type, k.status AS status, k.due_on AS dueOn,
       ${dueStateSql(today)} AS dueState, k.content AS content
     FROM complaints k WHERE k.customer_id = ? AND k.status <> 'closed' ORDER BY k.received_at, k.id`,
    [customerId],
  );
  return rows.map(({ content, ...r }) => ({ ...r, summary: summaryOf(content) }));
}
