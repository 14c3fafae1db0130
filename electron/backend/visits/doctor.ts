import type { Reader } from '../db/connection';

/**
 * The derived cadence table against what it is derived from (for `npm run doctor` and the admin page): one row
 * per customer with the customer's class, manager, status and registration date, its class's intervals, and
 * the latest valid contact and visit. Triggers keep it in step; a mismatch means a write went around them.
 */
export async function checkCadence(db: Reader): Promise<{ name: string; ok: boolean; detail: string }> {
  const row = await db.get<{ missing: number; stale: number }>(
    `SELECT
       (SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_cadence k WHERE k.customer_id = c.id)) AS missing,
       (SELECT count(*) FROM customer_cadence k JOIN customers c ON c.id = k.customer_id JOIN contact_cadence d ON d.abc_class = c.abc_class
        WHERE k.abc_class <> c.abc_class OR k.manager_staff_id <> c.manager_staff_id OR k.active <> (c.status = 'active')
           OR k.baseline_on <> c.registered_on OR k.phone_days <> d.phone_days OR k.visit_months <> d.visit_months
           OR k.last_contact_on IS NOT (SELECT max(visited_on) FROM visits WHERE customer_id = c.id AND voided_at IS NULL)
           OR k.last_visit_on IS NOT (SELECT max(visited_on) FROM visits WHERE customer_id = c.id AND channel = 'visit' AND voided_at IS NULL)) AS stale`,
  );
  const missing = row?.missing ?? 0;
  const stale = row?.stale ?? 0;
  const ok = missing === 0 && stale === 0;
  return { name: 'cadence', ok, detail: ok ? 'ok' : `${missing} customers without a cadence row, ${stale} rows out of step` };
}
