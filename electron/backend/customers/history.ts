import { daysBetween, localDate } from '@shared/dates';
import { fieldError } from '@shared/errors';
import { LATE_UPDATE_DAYS } from '@shared/schemas/customer';
import type { WriteContext } from '../handlers';

export interface ChangeEntry {
  entity: 'customer' | 'contact';
  entityId: number | null;
  entityLabel: string | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'boolean' ? String(v) : String(v));

/** The received date may not lie in the future; the office records what it already knows. */
export function checkReceivedOn(ctx: WriteContext, receivedOn: string): void {
  if (receivedOn > localDate(ctx.clock.now())) throw fieldError('receivedOn', 'v.futureDate');
}

/** Whether recording information received on `receivedOn` today breaks the 2-day rule (超期更新). */
export function isLate(receivedOn: string, today: string): boolean {
  return daysBetween(receivedOn, today) > LATE_UPDATE_DAYS;
}

/** Appends entries to the customer's change history (变更记录), inside the caller's transaction. */
export async function recordChanges(ctx: WriteContext, customerId: number, receivedOn: string, entries: ChangeEntry[]): Promise<void> {
  const now = ctx.clock.now();
  const late = isLate(receivedOn, localDate(now)) ? 1 : 0;
  for (const e of entries) {
    await ctx.tx.run(
      `INSERT INTO customer_changes (customer_id, entity, entity_id, entity_label, field, old_value, new_value,
         user_id, user_name, changed_at, received_on, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        customerId,
        e.entity,
        e.entityId,
        e.entityLabel,
        e.field,
        asText(e.oldValue),
        asText(e.newValue),
        ctx.session.userId,
        ctx.session.displayName,
        now.toISOString(),
        receivedOn,
        late,
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
