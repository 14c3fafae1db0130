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
/** A history entry's own columns; who, when and the received date are the import's (changeColumns). */
const CHANGE_COLUMNS = ['customer_id', 'entity', 'entity_id', 'entity_label', 'field', 'old_value', 'new_value'];
/** An audit entry's own columns: every entry of the import is `import` of a `customer` by the same user at the same instant. */
const AUDIT_COLUMNS = ['entity_id', 'summary'];

const changeColumns = (w: ImportWriter) => ({
  user_id: w.session.userId,
  user_name: w.session.displayName,
  changed_at: w.at,
  received_on: w.receivedOn,
  late: w.late ? 1 : 0,
});
const auditColumns = (w: ImportWriter) => ({
  at: w.at,
  user_id: w.session.userId,
  user_name: w.session.username,
  channel: w.channel,
  action: 'import',
  entity: 'customer',
});

/** Columns whose default is NULL, per table, read once per transaction: only those may be left out of an INSERT. */
const nullDefaults = new WeakMap<Tx, Map<string, Promise<Set<string>>>>();

function columnsDefaultingToNull(tx: Tx, table: string): Promise<Set<string>> {
  let tables = nullDefaults.get(tx);
  if (!tables) nullDefaults.set(tx, (tables = new Map()));
  let found = tables.get(table);
  if (!found) {
    found = tx
      .all<{ name: string; dflt_value: unknown }>(`SELECT name, dflt_value FROM pragma_table_info('${table}')`)
      .then((cols) => new Set(cols.filter((c) => c.dflt_value === null).map((c) => c.name)));
    tables.set(table, found);
  }
  return found;
}

/**
 * Multi-row INSERTs, as many rows per statement as SQLite's parameter limit allows; returns each statement's last
 * id. Binding every value costs the most here, so what need not be bound is not: `same` holds the columns every
 * row has alike (the import's user, instant, received date), bound once per statement; a column that is NULL in
 * every row of a statement and defaults to NULL is left out.
 */
async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  same: Readonly<Record<string, unknown>> = {},
): Promise<{ lastIds: number[]; per: number }> {
  const shared = Object.keys(same);
  const omittable = await columnsDefaultingToNull(tx, table);
  const per = Math.max(1, Math.min(200, Math.floor(MAX_PARAMS / Math.max(1, columns.length))));
  const lastIds: number[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const kept = columns.map((_, c) => c).filter((c) => !omittable.has(columns[c]!) || batch.some((r) => r[c] !== null && r[c] !== undefined));
    const tuple = `(${kept.map(() => '?').join(', ')})`;
    const params: unknown[] = shared.map((k) => same[k]);
    for (const r of batch) for (const c of kept) params.push(r[c] ?? null);
    const names = [...kept.map((c) => columns[c]!), ...shared].join(', ');
    // The shared columns' placeholders come first in the text, so their values lead the parameters.
    const sql = shared.length
      ? `INSERT INTO ${table} (${names}) SELECT ${[...kept.map((_, k) => `column${k + 1}`), ...shared.map(() => '?')].join(', ')} FROM (VALUES ${batch.map(() => tuple).join(', ')})`
      : `INSERT INTO ${table} (${names}) VALUES ${batch.map(() => tuple).join(', ')}`;
    const { lastID } = await tx.run(sql, params);
    lastIds.push(lastID);
  }
  return { lastIds, per };
}

/**
 * Inserts rows and returns their ids. Rowids of one multi-row INSERT into a table nobody deletes from are
 * consecutive, ending at its last id (the demo's bulk insert relies on the same).
 */
async function insertReturningIds(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  same: Readonly<Record<string, unknown>> = {},
): Promise<number[]> {
  const { lastIds, per } = await insertRows(tx, table, columns, rows, same);
  const ids: number[] = [];
  lastIds.forEach((last, k) => {
    const n = Math.min(per, rows.length - k * per);
    for (let j = n - 1; j >= 0; j--) ids.push(last - j);
  });
  return ids;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const describe = (c: Partial<ContactValues>) => [c.name, c.title, c.mobile ?? c.directLine].filter(Boolean).join(' ');

function change(customerId: number, entity: 'customer' | 'contact', entityId: number, label: string, field: string, oldValue: unknown, newValue: unknown): unknown[] {
  return [customerId, entity, entityId, label, field, asText(oldValue), asText(newValue)];
}

function audit(customerId: number, summary: unknown): unknown[] {
  return [String(customerId), JSON.stringify(summary)];
}

/** New customers with their contact, "created" history entries and audit entries. */
export async function writeCreates(w: ImportWriter, plans: readonly CreatePlan[]): Promise<WriteCounts> {
  if (plans.length === 0) return { created: 0, updated: 0, contacts: 0 };
  const ids = await insertReturningIds(
    w.tx,
    'customers',
    CUSTOMER_COLUMNS,
    plans.map((p) => [...CUSTOMER_FIELDS.map((f) => toDb(p.values[f])), p.nameSort, w.at, w.at]),
  );
  const withContact = plans.map((p, k) => ({ plan: p, id: ids[k]! })).filter((x) => x.plan.contact !== null);
  const contactIds = await insertReturningIds(
    w.tx,
    'contacts',
    CONTACT_COLUMNS,
    withContact.map(({ plan, id }) => [id, ...CONTACT_FIELDS.map((f) => toDb(plan.contact![f]))]),
  );
  const changes = plans.map((p, k) => change(ids[k]!, 'customer', ids[k]!, p.values.name, 'created', null, `${p.values.code} ${p.values.name}`));
  withContact.forEach(({ plan, id }, k) => changes.push(change(id, 'contact', contactIds[k]!, plan.contact!.name, 'contactAdded', null, describe(plan.contact!))));
  await insertRows(w.tx, 'customer_changes', CHANGE_COLUMNS, changes, changeColumns(w));
  await insertRows(
    w.tx,
    'audit_log',
    AUDIT_COLUMNS,
    // Who created which customer from which row; the values themselves are in the record and its history.
    plans.map((p, k) => audit(ids[k]!, { code: p.values.code, name: p.values.name, contacts: p.contact ? 1 : 0, row: p.row })),
    auditColumns(w),
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
      changes.push(change(current.id, 'customer', current.id, current.name, c.field, manager ? current.managerName : c.oldValue, manager ? plan.managerName : c.newValue));
    }
    if (plan.contact) {
      contacts++;
      changes.push(...(await writeContact(w, current.id, plan.contact)));
    }
    audits.push(
      audit(current.id, {
        code: current.code,
        before: Object.fromEntries(plan.changes.map((c) => [c.field, c.oldValue])),
        after: Object.fromEntries(plan.changes.map((c) => [c.field, c.newValue])),
        ...(plan.contact ? { contact: plan.contact.kind === 'add' ? plan.contact.values : plan.contact.changes } : {}),
        row: plan.row,
      }),
    );
  }
  await insertRows(w.tx, 'customer_changes', CHANGE_COLUMNS, changes, changeColumns(w));
  await insertRows(w.tx, 'audit_log', AUDIT_COLUMNS, audits, auditColumns(w));
  return { created: 0, updated: plans.length, contacts };
}

async function writeContact(w: ImportWriter, customerId: number, plan: ContactPlan): Promise<unknown[][]> {
  if (plan.kind === 'add') {
    const columns = CONTACT_FIELDS.map((f) => CONTACT_COLUMN[f]);
    const { lastID } = await w.tx.run(
      `INSERT INTO contacts (customer_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      [customerId, ...CONTACT_FIELDS.map((f) => toDb(plan.values[f]))],
    );
    return [change(customerId, 'contact', lastID, plan.values.name, 'contactAdded', null, describe(plan.values))];
  }
  await w.tx.run(
    `UPDATE contacts SET ${plan.changes.map((c) => `${CONTACT_COLUMN[c.field as keyof typeof CONTACT_COLUMN]} = ?`).join(', ')} WHERE id = ?`,
    [...plan.changes.map((c) => toDb(c.newValue)), plan.current.id],
  );
  return plan.changes.map((c) => change(customerId, 'contact', plan.current.id, plan.current.name, c.field, c.oldValue, c.newValue));
}
