import { AppError } from '@shared/errors';
import type { ContactRecord, CustomerRecord } from '@shared/schemas/customer';
import type { Session } from '../auth/sessions';
import { canSeeClass } from './visibility';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { CUSTOMER_COLUMN } from './columns';

/** The columns of a CustomerRecord from `customers c` joined to `staff s` — shared with the import's look-ups. */
export const customerSelect = [
  'c.id AS id',
  'c.version AS version',
  ...Object.entries(CUSTOMER_COLUMN).map(([field, column]) => `c.${column} AS ${field}`),
  's.name AS managerName',
  'c.order_cycle_approved_by AS orderCycleApprovedBy',
  'c.status AS status',
  'c.archived_at AS archivedAt',
  'c.archived_reason AS archivedReason',
  'c.merged_into_id AS mergedIntoId',
  `(SELECT m.code || ' ' || m.name FROM customers m WHERE m.id = c.merged_into_id) AS mergedIntoLabel`,
  'c.created_at AS createdAt',
  'c.updated_at AS updatedAt',
].join(', ');

export function toCustomerRecord(raw: Record<string, unknown>): CustomerRecord {
  return { ...(raw as unknown as CustomerRecord), isKey: raw.isKey === 1 };
}

export async function loadCustomer(db: Reader | Tx, id: number): Promise<CustomerRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(
    `SELECT ${customerSelect} FROM customers c JOIN staff s ON s.id = c.manager_staff_id WHERE c.id = ?`,
    [id],
  );
  return raw ? toCustomerRecord(raw) : undefined;
}

const contactSelect = `id, customer_id AS customerId, name, title, mobile, direct_line AS directLine, email,
  is_key_leader AS isKeyLeader, notes`;

export function toContactRecord(raw: Record<string, unknown>): ContactRecord {
  return { ...(raw as unknown as ContactRecord), isKeyLeader: raw.isKeyLeader === 1 };
}

export async function loadContacts(db: Reader | Tx, customerId: number): Promise<ContactRecord[]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT ${contactSelect} FROM contacts WHERE customer_id = ? AND removed_at IS NULL ORDER BY is_key_leader DESC, id`,
    [customerId],
  );
  return rows.map(toContactRecord);
}

export async function loadContact(db: Reader | Tx, id: number): Promise<ContactRecord | undefined> {
  const raw = await db.get<Record<string, unknown>>(`SELECT ${contactSelect} FROM contacts WHERE id = ? AND removed_at IS NULL`, [id]);
  return raw ? toContactRecord(raw) : undefined;
}

/** The customer as this session may see it; an A-class customer is "not found" for others, never "forbidden". */
export async function visibleCustomer(session: Session, db: Tx | Reader, id: number): Promise<CustomerRecord> {
  const customer = await loadCustomer(db, id);
  if (!customer || !canSeeClass(session, customer.abcClass)) throw new AppError('NOT_FOUND', 'errors.customer.notFound');
  return customer;
}

