import { CONTACT_FIELDS, CUSTOMER_FIELDS } from '@shared/schemas/customer';
import type { Tx } from '../db/writeQueue';
import type { Session } from '../auth/sessions';
import { CONTACT_COLUMN, CUSTOMER_COLUMN, toDb } from '../customers/columns';
import { nameSortKey } from '../customers/sortKey';
import type { ContactPlan, ContactValues, RowPlan } from './checkRow';

/**
 * Writes checked rows inside the import's one transaction, as the customer channels would (the same columns,
 * the same change history with the received date, an audit entry per customer), but many rows per statement:
 * a 100,000-row register is written in seconds, not minutes.
 */

export interface ImportWriter {
  tx: Tx;
  session: Session;
  channel: string;
  /** The instant of the import (every row's created/updated time). */
  at: string;
  receivedOn: string;
  /** Whether `receivedOn` makes every entry a late update (超期更新). */
  late: boolean;
}

export interface WriteCounts {
  created: number;
  updated: number;
  contacts: number;
}

type CreatePlan = Extract<RowPlan, { kind: 'create' }>;
type UpdatePlan = Extract<RowPlan, { kind: 'update' }>;

const MAX_PARAMS = 30_000;
const CUSTOMER_COLUMNS = [...CUSTOMER_FIELDS.map((f) => CUSTOMER_COLUMN[f]), 'name_sort', 'created_at', 'updated_at'];
const CONTACT_COLUMNS = ['customer_id', ...CONTACT_FIELDS.map((f) => CONTACT_COLUMN[f])];
const CHANGE_COLUMNS = [
  'customer_id',
  'entity',
  'entity_id',
  'entity_label',
  'field',
  'old_value',
  'new_value',
  'user_id',
  'user_name',
  'changed_at',
  'received_on',
  'late',
];
const AUDIT_COLUMNS = ['at', 'user_id', 'user_name', 'channel', 'action', 'entity', 'entity_id', 'summary'];

/** Multi-row INSERTs, as many rows per statement as SQLite's parameter limit allows; returns each statement's last id. */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<number[]> {
  const per = Math.max(1, Math.min(200, Math.floor(MAX_PARAMS / columns.length)));
  const lastIds: number[] = [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const { lastID } = await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
    lastIds.push(lastID);
  }
  return lastIds;
}

/**
 * Inserts rows and returns their ids. Rowids of one multi-row INSERT into a table nobody deletes from are
 * consecutive, ending at its last id (the demo's bulk insert relies on the same).
 */
async function insertReturningIds(tx: Tx, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<number[]> {
  const per = Math.max(1, Math.min(200, Math.floor(MAX_PARAMS / columns.length)));
  const lastIds = await insertRows(tx, table, columns, rows);
  const ids: number[] = [];
  lastIds.forEach((last, k) => {
    const n = Math.min(per, rows.length - k * per);
    for (let j = n - 1; j >= 0; j--) ids.push(last - j);
  });
  return ids;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const describe = (c: Partial<ContactValues>) => [c.name, c.title, c.mobile ?? c.directLine].filter(Boolean).join(' ');

function change(w: ImportWriter, customerId: number, entity: 'customer' | 'contact', entityId: number, label: string, field: string, oldValue: unknown, newValue: unknown): unknown[] {
  return [customerId, entity, entityId, label, field, asText(oldValue), asText(newValue), w.session.userId, w.session.displayName, w.at, w.receivedOn, w.late ? 1 : 0];
}

function audit(w: ImportWriter, action: string, entity: string, entityId: number, summary: unknown): unknown[] {
  return [w.at, w.session.userId, w.session.username, w.channel, action, entity, String(entityId), JSON.stringify(summary)];
}

/** New customers with their contact, "created" history entries and audit entries. */
export async function writeCreates(w: ImportWriter, plans: readonly CreatePlan[]): Promise<WriteCounts> {
  if (plans.length === 0) return { created: 0, updated: 0, contacts: 0 };
  const ids = await insertReturningIds(
    w.tx,
    'customers',
    CUSTOMER_COLUMNS,
    plans.map((p) => [...CUSTOMER_FIELDS.map((f) => toDb(p.values[f])), nameSortKey(p.values.name), w.at, w.at]),
  );
  const withContact = plans.map((p, k) => ({ plan: p, id: ids[k]! })).filter((x) => x.plan.contact !== null);
  const contactIds = await insertReturningIds(
    w.tx,
    'contacts',
    CONTACT_COLUMNS,
    withContact.map(({ plan, id }) => [id, ...CONTACT_FIELDS.map((f) => toDb(plan.contact![f]))]),
  );
  const changes = plans.map((p, k) => change(w, ids[k]!, 'customer', ids[k]!, p.values.name, 'created', null, `${p.values.code} ${p.values.name}`));
  withContact.forEach(({ plan, id }, k) => changes.push(change(w, id, 'contact', contactIds[k]!, plan.contact!.name, 'contactAdded', null, describe(plan.contact!))));
  await insertRows(w.tx, 'customer_changes', CHANGE_COLUMNS, changes);
  await insertRows(
    w.tx,
    'audit_log',
    AUDIT_COLUMNS,
    // Who created which customer from which row; the values themselves are in the record and its history.
    plans.map((p, k) => audit(w, 'import', 'customer', ids[k]!, { code: p.values.code, name: p.values.name, contacts: p.contact ? 1 : 0, row: p.row })),
  );
  return { created: plans.length, updated: 0, contacts: withContact.length };
}

/** Changes to customers on file: only the fields the row changes, each in the history with old and new value. */
export async function writeUpdates(w: ImportWriter, plans: readonly UpdatePlan[]): Promise<WriteCounts> {
  const changes: unknown[][] = [];
  const audits: unknown[][] = [];
  let contacts = 0;
  for (const plan of plans) {
    const current = plan.onFile.customer;
    const sets = plan.changes.map((c) => `${CUSTOMER_COLUMN[c.field as keyof typeof CUSTOMER_COLUMN]} = ?`);
    const params = plan.changes.map((c) => toDb(c.newValue));
    const fields = new Set(plan.changes.map((c) => c.field));
    if (fields.has('name')) {
      sets.push('name_sort = ?');
      params.push(nameSortKey(String(plan.changes.find((c) => c.field === 'name')!.newValue)));
    }
    if (fields.has('orderCycle')) {
      sets.push('order_cycle_approved_by = ?');
      params.push(w.session.displayName);
    }
    sets.push('version = version + 1', 'updated_at = ?');
    await w.tx.run(`UPDATE customers SET ${sets.join(', ')} WHERE id = ?`, [...params, w.at, current.id]);
    for (const c of plan.changes) {
      const manager = c.field === 'managerStaffId';
      changes.push(change(w, current.id, 'customer', current.id, current.name, c.field, manager ? current.managerName : c.oldValue, manager ? plan.managerName : c.newValue));
    }
    if (plan.contact) {
      contacts++;
      changes.push(...(await writeContact(w, current.id, plan.contact)));
    }
    audits.push(
      audit(w, 'import', 'customer', current.id, {
        code: current.code,
        before: Object.fromEntries(plan.changes.map((c) => [c.field, c.oldValue])),
        after: Object.fromEntries(plan.changes.map((c) => [c.field, c.newValue])),
        ...(plan.contact ? { contact: plan.contact.kind === 'add' ? plan.contact.values : plan.contact.changes } : {}),
        row: plan.row,
      }),
    );
  }
  await insertRows(w.tx, 'customer_changes', CHANGE_COLUMNS, changes);
  await insertRows(w.tx, 'audit_log', AUDIT_COLUMNS, audits);
  return { created: 0, updated: plans.length, contacts };
}

async function writeContact(w: ImportWriter, customerId: number, plan: ContactPlan): Promise<unknown[][]> {
  if (plan.kind === 'add') {
    const columns = CONTACT_FIELDS.map((f) => CONTACT_COLUMN[f]);
    const { lastID } = await w.tx.run(
      `INSERT INTO contacts (customer_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      [customerId, ...CONTACT_FIELDS.map((f) => toDb(plan.values[f]))],
    );
    return [change(w, customerId, 'contact', lastID, plan.values.name, 'contactAdded', null, describe(plan.values))];
  }
  await w.tx.run(
    `UPDATE contacts SET ${plan.changes.map((c) => `${CONTACT_COLUMN[c.field as keyof typeof CONTACT_COLUMN]} = ?`).join(', ')} WHERE id = ?`,
    [...plan.changes.map((c) => toDb(c.newValue)), plan.current.id],
  );
  return plan.changes.map((c) => change(w, customerId, 'contact', plan.current.id, plan.current.name, c.field, c.oldValue, c.newValue));
}
