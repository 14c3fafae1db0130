import { ABC_CLASSES, type AbcClass } from '@shared/schemas/customer';
import type { Cadence } from '@shared/cadence';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import type { SqlFragment } from '../grid/spec';
import { visibleCustomers } from '../customers/visibility';

/** The cadence table (分级维护) as the admin set it; migration 6 filled in the office's defaults. */
export async function readCadence(db: Reader | Tx): Promise<Cadence> {
  const rows = await db.all<{ abcClass: 'A' | 'B' | 'C'; phoneDays: number; visitMonths: number }>(
    'SELECT abc_class AS abcClass, phone_days AS phoneDays, visit_months AS visitMonths FROM contact_cadence',
  );
  const byClass = new Map(rows.map((r) => [r.abcClass, { phoneDays: r.phoneDays, visitMonths: r.visitMonths }]));
  return Object.fromEntries(ABC_CLASSES.map((k) => [k, byClass.get(k)!])) as Cadence;
}

/**
 * Saves the cadence and gives every customer of a changed class its new intervals, in the same transaction:
 * the due dates are generated columns, so they follow at once. Returns the classes that changed.
 */
export async function writeCadence(tx: Tx, cadence: Cadence, now: string): Promise<AbcClass[]> {
  const before = await readCadence(tx);
  const changed = ABC_CLASSES.filter(
    (k) => before[k].phoneDays !== cadence[k].phoneDays || before[k].visitMonths !== cadence[k].visitMonths,
  );
  for (const k of changed) {
    const { phoneDays, visitMonths } = cadence[k];
    await tx.run('UPDATE contact_cadence SET phone_days = ?, visit_months = ?, updated_at = ? WHERE abc_class = ?', [phoneDays, visitMonths, now, k]);
    await tx.run('UPDATE customer_cadence SET phone_days = ?, visit_months = ? WHERE abc_class = ?', [phoneDays, visitMonths, k]);
  }
  return changed;
}

/**
 * Customers on file, visible to this session, with a contact past due on `today` (due yesterday or earlier; due
 * today is not yet overdue). Reads only `customer_cadence` (alias k), so counting stays inside its indexes.
 */
export function overdueCustomers(session: Session, today: string): SqlFragment[] {
  return [{ sql: 'k.active = 1 AND k.next_due_on < ?', params: [today] }, visibleCustomers(session, 'k')];
}
