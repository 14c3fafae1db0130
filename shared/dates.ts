/**
 * One convention for time in Neiqin: calendar dates are ISO `YYYY-MM-DD` text in the office's local time;
 * instants are ISO-8601 UTC text (`2026-11-25T08:30:00.000Z`). Both sort correctly as text in SQLite.
 */
export type IsoDate = string;
export type IsoInstant = string;

export const ISO_DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date of an instant. */
export function localDate(at: Date): IsoDate {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function isValidIsoDate(text: string): boolean {
  if (!ISO_DATE_RE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const toUtc = (s: IsoDate) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d + days));
  return `${probe.getUTCFullYear()}-${pad(probe.getUTCMonth() + 1)}-${pad(probe.getUTCDate())}`;
}

/** The UTC instant at which a local calendar date begins; used to filter instants by local dates. */
export function startOfLocalDay(date: IsoDate): IsoInstant {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}
