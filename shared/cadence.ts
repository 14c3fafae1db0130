import { addDays, daysBetween, type IsoDate } from './dates';
import type { AbcClass } from './schemas/customer';

/**
 * Contact cadence by ABC class (customers.md "分级维护"): how often a customer of each class is phoned and
 * visited. The office's defaults: A and B weekly phone calls, C every two weeks; visits every 2, 3 and 4 months.
 */
export interface ClassCadence {
  /** At most this many days between two contacts of any kind (a 走访 counts as a contact too). */
  phoneDays: number;
  /** At most this many calendar months between two visits (走访). */
  visitMonths: number;
}
export type Cadence = Record<AbcClass, ClassCadence>;

export const DEFAULT_CADENCE: Cadence = {
  A: { phoneDays: 7, visitMonths: 2 },
  B: { phoneDays: 7, visitMonths: 3 },
  C: { phoneDays: 14, visitMonths: 4 },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `date` plus whole calendar months; a day the target month lacks falls back to its last day
 * (01-31 + 1 month → 02-28), as SQLite's `date(d, '+N months', 'floor')` computes it in the database.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** What a customer's contact history comes down to: the latest contact of any kind and the latest visit. */
export interface ContactFacts {
  /** The date the customer came on file: the start of the clock for a customer never contacted. */
  baselineOn: IsoDate;
  lastContactOn: IsoDate | null;
  lastVisitOn: IsoDate | null;
}

export interface DueDates {
  nextPhoneDue: IsoDate;
  nextVisitDue: IsoDate;
  /** The earlier of the two: the day the customer falls due for some contact. */
  nextDueOn: IsoDate;
}

/**
 * The reference rule (the database keeps the same figures in generated columns of `customer_cadence`):
 * next phone contact = latest contact + phoneDays; next visit = latest visit + visitMonths; a customer never
 * contacted (or never visited) counts from its registration date.
 */
export function dueDates(facts: ContactFacts, cadence: ClassCadence): DueDates {
  const nextPhoneDue = addDays(facts.lastContactOn ?? facts.baselineOn, cadence.phoneDays);
  const nextVisitDue = addMonths(facts.lastVisitOn ?? facts.baselineOn, cadence.visitMonths);
  return { nextPhoneDue, nextVisitDue, nextDueOn: nextPhoneDue < nextVisitDue ? nextPhoneDue : nextVisitDue };
}

/** A contact is overdue from the day after it was due: due today is not yet overdue. */
export function isOverdue(due: IsoDate, today: IsoDate): boolean {
  return due < today;
}

/** Whole days a due date lies behind today (0 when not overdue). */
export function daysOverdue(due: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(due, today));
}
