import { AppError } from '@shared/errors';
import type { CustomerRecord } from '@shared/schemas/customer';
import type { Session } from '../auth/sessions';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { loadCustomer } from '../customers/records';
import { canSeeClass } from '../customers/visibility';

const DAY_MS = 86_400_000;

/** A grant runs from the approval instant for whole 24-hour days and stops working at `expiresAt`. */
export function expiryOf(approvedAt: Date, days: number): string {
  return new Date(approvedAt.getTime() + days * DAY_MS).toISOString();
}

export interface Grant {
  id: number;
  expiresAt: string;
}

/** The user's grant for this customer that is still running at `now` (the one that runs longest), if any. */
export async function validGrant(
  db: Reader | Tx,
  userId: number,
  customerId: number,
  now: Date,
): Promise<Grant | undefined> {
  return db.get<Grant>(
    `SELECT id, expires_at AS expiresAt FROM access_requests
     WHERE requester_id = ? AND customer_id = ? AND status = 'approved' AND expires_at > ?
     ORDER BY expires_at DESC, id DESC LIMIT 1`,
    [userId, customerId, now.toISOString()],
  );
}

/**
 * The customer a grant holder may open now: a running grant is needed, and the A-class rule still holds — a
 * grant never opens an A-class customer to a user without project staff (the customer may have become
 * A-class after the approval, or the user lost the flag).
 */
export async function grantedCustomer(
  session: Session,
  db: Reader,
  customerId: number,
  now: Date,
): Promise<{ customer: CustomerRecord; grant: Grant }> {
  const grant = await validGrant(db, session.userId, customerId, now);
  if (!grant) throw new AppError('FORBIDDEN', 'access.errors.noGrant');
  const customer = await loadCustomer(db, customerId);
  if (!customer) throw new AppError('FORBIDDEN', 'access.errors.noGrant');
  if (!canSeeClass(session, customer.abcClass))
    throw new AppError('FORBIDDEN', 'access.errors.aClassProjectStaffOnly');
  return { customer, grant };
}
