import { localDate } from '@shared/dates';
import { fieldError } from '@shared/errors';
import type { ComplaintType } from '@shared/schemas/complaint';
import type { Tx } from '../db/writeQueue';
import type { Reader } from '../db/connection';
import { loadWorkingCalendar } from '../calendar/load';
import { readSetting } from '../settings/store';

/** "TS-2026-0001": the received year and a sequence per year, four digits (more when a year needs them). */
export function complaintNumber(year: number, seq: number): string {
  return `TS-${year}-${String(seq).padStart(4, '0')}`;
}

/** The next number of a year; writes are serialised, so two complaints never draw the same one. */
export async function nextNumber(
  tx: Tx,
  year: number,
): Promise<{ year: number; seq: number; number: string }> {
  const row = await tx.get<{ seq: number | null }>(
    'SELECT max(number_seq) AS seq FROM complaints WHERE number_year = ?',
    [year],
  );
  const seq = (row?.seq ?? 0) + 1;
  return { year, seq, number: complaintNumber(year, seq) };
}

/**
 * The due date: the configured number of working days for the type after the received date (the received day
 * itself not counted), on the office's working-day calendar as it stands when the complaint is recorded.
 */
export async function dueOnFor(db: Reader | Tx, type: ComplaintType, receivedOn: string): Promise<string> {
  const [calendar, days] = await Promise.all([
    loadWorkingCalendar(db),
    readSetting(db, 'complaints.dueDays'),
  ]);
  return calendar.addWorkingDays(receivedOn, days[type]);
}

/** A complaint is recorded after it came in: the received time may not lie in the future. */
export function receivedOnOf(receivedAt: string, now: Date, path = 'receivedAt'): string {
  const at = new Date(receivedAt);
  if (at.getTime() > now.getTime()) throw fieldError(path, 'complaints.errors.receivedInFuture');
  return localDate(at);
}

/** The person who took the complaint must be a staff member on the books. */
export async function checkStaff(tx: Tx, staffId: number, path: string): Promise<string> {
  const row = await tx.get<{ name: string; active: number }>('SELECT name, active FROM staff WHERE id = ?', [
    staffId,
  ]);
  if (!row || row.active !== 1) throw fieldError(path, 'complaints.errors.staffUnknown');
  return row.name;
}
