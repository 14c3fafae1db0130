import { addDays, ISO_DATE_RE } from '@shared/dates';

/**
 * SQL for what shared/contractLifecycle.ts computes in TypeScript: the status a contract shows today, and whether
 * it is expiring. The grid filters and sorts on these expressions, so "today" has to be inside them; it is put
 * there as a literal, only after checking it is a plain YYYY-MM-DD date (it comes from the backend clock, never
 * from the renderer).
 */
export function sqlDate(date: string): string {
  if (!ISO_DATE_RE.test(date)) throw new Error(`not an ISO date: ${date}`);
  return `'${date}'`;
}

export function statusSql(today: string, alias = 'k'): string {
  const d = sqlDate(today);
  return `(CASE WHEN ${alias}.status = 'signed' AND ${alias}.end_on IS NOT NULL AND ${alias}.end_on < ${d} THEN 'expired'
    WHEN ${alias}.status = 'signed' AND ${alias}.start_on <= ${d} THEN 'active' ELSE ${alias}.status END)`;
}

/** Signed, not yet ended, ending within `days` days (inclusive): the 即将到期 list. */
export function expiringSql(today: string, days: number, alias = 'k'): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`bad day count: ${days}`);
  return `(${alias}.status = 'signed' AND ${alias}.end_on >= ${sqlDate(today)} AND ${alias}.end_on <= ${sqlDate(addDays(today, days))})`;
}
