import type { CalendarDayKind } from '@shared/workingDays';
import type { Tx } from '../db/writeQueue';

/**
 * The demo office's working-day calendar: 2026 as the State Council's notice (国办发明电〔2025〕) sets it — the
 * weekdays off and the weekend days worked. Weekend days inside a holiday are off anyway and not listed. Demo
 * data only: the app ships no holiday list; a real office enters or imports its own (calendar.md).
 */
export const DEMO_CALENDAR_2026: readonly { date: string; kind: CalendarDayKind; name: string }[] = [
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-01-02', kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  { date: '2026-02-16', kind: 'holiday', name: '春节' },
  { date: '2026-02-17', kind: 'holiday', name: '春节' },
  { date: '2026-02-18', kind: 'holiday', name: '春节' },
  { date: '2026-02-19', kind: 'holiday', name: '春节' },
  { date: '2026-02-20', kind: 'holiday', name: '春节' },
  { date: '2026-02-23', kind: 'holiday', name: '春节' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  { date: '2026-06-19', kind: 'holiday', name: '端午节' },
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
];

/** Adds the demo calendar inside the demo's transaction; dates already listed are left as the admin set them. */
export async function insertDemoCalendar(tx: Tx, userId: number, at: string): Promise<void> {
  for (const day of DEMO_CALENDAR_2026) {
    await tx.run(
      `INSERT OR IGNORE INTO calendar_days (date, kind, name, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [day.date, day.kind, day.name, at, at, userId, userId],
    );
  }
}
