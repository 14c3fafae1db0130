import { localDate } from '@shared/dates';
import { fieldError } from '@shared/errors';
import { LATE_UPDATE_DAYS } from '@shared/schemas/customer';
import type { WorkingCalendar } from '@shared/workingDays';
import type { WriteContext } from '../handlers';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { loadWorkingCalendar } from '../calendar/load';

export interface ChangeEntry {
  entity: 'customer' | 'contact';
  entityId: number | null;
  entityLabel: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** Who approved the change, for changes that wait for a supervisor (订货周期). */
  approvedBy?: string | null;
}

/**
 * For a change applied later than it was entered (an approved request): who entered it, and whether it was late
 * when entered — the 2-day rule measures the clerk's entry, not the time the approval took.
 */
export interface EnteredBy {
  userId: number;
  userName: string;
  late: boolean;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'boolean' ? String(v) : String(v));

/** The received date may not lie in the future; the office records what it already knows. */
export function checkReceivedOn(ctx: WriteContext, receivedOn: string): void {
  if (receivedOn > localDate(ctx.clock.now())) throw fieldError('receivedOn', 'v.futureDate');
}

/**
 * The 2-working-day rule (超期更新): information must be on file by the 2nd working day after the day it came in
 * (that day not counted), so a weekend or a holiday in between gives no less time; recorded on any later day —
 * a Saturday after a Friday deadline included — it is late.
 */
export function lateByCalendar(calendar: WorkingCalendar, receivedOn: string, today: string): boolean {
  return today > calendar.addWorkingDays(receivedOn, LATE_UPDATE_DAYS);
}

/** Whether recording information received on `receivedOn` on `today` is late, by the office's working-day calendar. */
export async function isLate(db: Reader | Tx, receivedOn: string, today: string): Promise<boolean> {
  return lateByCalendar(await loadWorkingCalendar(db), receivedOn, today);
}

/** Appends entries to the customer's change history (变更记录), inside the caller's transaction. */
export async function recordChanges(ctx: WriteContext, customerId: number, receivedOn: string, entries: ChangeEntry[], enteredBy?: EnteredBy): Promise<void> {
  const now = ctx.clock.now();
  const late = (enteredBy ? enteredBy.late : await isLate(ctx.tx, receivedOn, localDate(now))) ? 1 : 0;
  for (const e of entries) {
    await ctx.tx.run(
      `INSERT INTO customer_changes (customer_id, entity, entity_id, entity_label, field, old_value, new_value,
         user_id, user_name, changed_at, received_on, late, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        customerId,
        e.entity,
        e.entityId,
        e.entityLabel,
        e.field,
        asText(e.oldValue),
        asText(e.newValue),
        enteredBy ? enteredBy.userId : ctx.session.userId,
        enteredBy ? enteredBy.userName : ctx.session.displayName,
        now.toISOString(),
        receivedOn,
        late,
        e.approvedBy ?? null,
      ],
    );
  }
}

/** The fields whose value actually changes, old and new side by side. */
export function diff<T extends Record<string, unknown>>(current: T, changes: Partial<T>): { field: keyof T & string; oldValue: unknown; newValue: unknown }[] {
  return Object.entries(changes)
    .filter(([field, value]) => value !== undefined && current[field] !== value)
    .map(([field, value]) => ({ field, oldValue: current[field], newValue: value }));
}
