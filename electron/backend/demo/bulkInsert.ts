import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '@shared/schemas/customer';
import type { Tx } from '../db/writeQueue';
import { CONTACT_COLUMN, CUSTOMER_COLUMN, toDb } from '../customers/columns';
import type { GeneratedCustomer } from './generate';
import { nameSortKey } from '../customers/sortKey';

const ROWS_PER_STATEMENT = 100;

/** A customer registered on a date was filed that morning (09:30 China time). */
const registeredAt = (c: GeneratedCustomer) => `${c.values.registeredOn}T01:30:00.000Z`;

/**
 * Inserts generated customers with their contacts and the "created" history entry, many rows per statement
 * (demo data and benchmark databases; the app's own writes go through the customer channels).
 */
export async function insertCustomers(
  tx: Tx,
  customers: readonly GeneratedCustomer[],
  by: { userId: number | null; userName: string },
  at: string,
): Promise<void> {
  const customerColumns = [...CUSTOMER_FIELDS.map((f) => CUSTOMER_COLUMN[f]), 'name_sort', 'created_at', 'updated_at'];
  const contactColumns = ['customer_id', ...CONTACT_FIELDS.map((f) => CONTACT_COLUMN[f])];
  for (let i = 0; i < customers.length; i += ROWS_PER_STATEMENT) {
    const batch = customers.slice(i, i + ROWS_PER_STATEMENT);
    const placeholders = `(${customerColumns.map(() => '?').join(', ')})`;
    const result = await tx.run(
      `INSERT INTO customers (${customerColumns.join(', ')}) VALUES ${batch.map(() => placeholders).join(', ')}`,
      batch.flatMap((c) => [...CUSTOMER_FIELDS.map((f) => toDb(c.values[f])), nameSortKey(c.values.name), registeredAt(c), at]),
    );
    // Rowids of a multi-row INSERT into a table without deletes are consecutive, ending at lastID.
    const firstId = result.lastID - batch.length + 1;
    await tx.run(
      `INSERT INTO customer_changes (customer_id, entity, entity_id, entity_label, field, old_value, new_value, user_id, user_name, changed_at, received_on, late)
       VALUES ${batch.map(() => `(?, 'customer', ?, ?, 'created', NULL, ?, ?, ?, ?, ?, 0)`).join(', ')}`,
      batch.flatMap((c, k) => [firstId + k, firstId + k, c.values.name, `${c.values.code} ${c.values.name}`, by.userId, by.userName, registeredAt(c), c.values.registeredOn]),
    );
    const contacts = batch.flatMap((c, k) => c.contacts.map((contact) => ({ customerId: firstId + k, contact })));
    if (contacts.length) {
      const cp = `(${contactColumns.map(() => '?').join(', ')})`;
      await tx.run(
        `INSERT INTO contacts (${contactColumns.join(', ')}) VALUES ${contacts.map(() => cp).join(', ')}`,
        contacts.flatMap(({ customerId, contact }) => [
          customerId,
          ...CONTACT_FIELDS.map((f) => toDb((contact as unknown as Record<string, unknown>)[f] ?? null)),
        ]),
      );
    }
  }
}
