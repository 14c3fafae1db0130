import { localDate } from '@shared/dates';
import { AppError, fieldError } from '@shared/errors';
import type { CustomerRecord } from '@shared/schemas/customer';
import type { VisitValues } from '@shared/schemas/visits';
import type { WriteContext } from '../handlers';
import { visibleCustomer } from '../customers/records';

/** Visits are recorded for customers on file (在册) the user may see; an archived customer is restored first. */
export async function activeCustomer(ctx: WriteContext, customerId: number): Promise<CustomerRecord> {
  const customer = await visibleCustomer(ctx.session, ctx.tx, customerId);
  if (customer.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived');
  return customer;
}

/** Checks the parts of a visit the schema cannot: a past date, an active staff member, the customer's own contact. */
export async function checkVisitValues(ctx: WriteContext, customerId: number, values: Partial<VisitValues>, prefix: string): Promise<void> {
  if (values.visitedOn !== undefined && values.visitedOn > localDate(ctx.clock.now())) {
    throw fieldError(`${prefix}visitedOn`, 'v.futureDate');
  }
  if (values.staffId !== undefined) {
    const staff = await ctx.tx.get('SELECT 1 FROM staff WHERE id = ? AND active = 1', [values.staffId]);
    if (!staff) throw fieldError(`${prefix}staffId`, 'visits.errors.staffUnknown');
  }
  if (values.contactId != null) {
    const contact = await ctx.tx.get('SELECT 1 FROM contacts WHERE id = ? AND customer_id = ? AND removed_at IS NULL', [values.contactId, customerId]);
    if (!contact) throw fieldError(`${prefix}contactId`, 'visits.errors.contactNotOfCustomer');
  }
}
