import { AppError } from '@shared/errors';
import { allows } from '@shared/permissions';
import { CUSTOMER_FIELDS, type CustomerRecord, type CustomerValues } from '@shared/schemas/customer';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import type { Tx } from '../db/writeQueue';
import { gridPage } from '../grid/page';
import { CUSTOMER_COLUMN, toDb } from './columns';
import { customerGrid, customerQuickSearch, historyGrid } from './grids';
import { checkReceivedOn, diff, recordChanges } from './history';
import { loadContacts, loadCustomer, visibleCustomer } from './records';
import { checkClassAllowed, checkCodeFree, checkReferences } from './rules';
import { visibleCustomers } from './visibility';
import { insertContact } from './contacts';
import { exportCustomers } from './export';
import { nameSortKey } from './sortKey';
import { routeOrderCycleChange } from '../access/orderCycle';
import { checkContractRetention } from '../contracts/retention';
import { localDate } from '@shared/dates';
import { mergeCustomers, mergePreview } from './merge';

async function editableCustomer(ctx: WriteContext, id: number, version: number): Promise<CustomerRecord> {
  const customer = await visibleCustomer(ctx.session, ctx.tx, id);
  if (customer.version !== version) throw new AppError('CONFLICT', 'errors.customer.stale');
  return customer;
}

/** Values as history stores them: the staff member's name rather than an id. */
async function staffName(tx: Tx, id: unknown): Promise<string | null> {
  if (typeof id !== 'number') return null;
  return (await tx.get<{ name: string }>('SELECT name FROM staff WHERE id = ?', [id]))?.name ?? null;
}

export const customerHandlers = handlers({
  'customers.query': async (input, ctx) => gridPage(ctx.db, customerGrid, input, [visibleCustomers(ctx.session)]),

  'customers.search': async (input, ctx) => {
    const search = customerQuickSearch(input.text);
    const visible = visibleCustomers(ctx.session);
    const rows = await ctx.db.all<{ id: number; code: string; name: string; abcClass: 'A' | 'B' | 'C'; status: 'active' | 'archived' }>(
      `SELECT c.id, c.code, c.name, c.abc_class AS abcClass, c.status FROM customers c
       WHERE (${search.sql}) AND (${visible.sql})
       ORDER BY c.status = 'archived', c.code = ? DESC, length(c.name), c.id LIMIT ?`,
      [...search.params, ...visible.params, input.text, input.limit],
    );
    return rows;
  },

  'customers.get': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.id);
    const contacts = await loadContacts(ctx.db, customer.id);
    if (customer.abcClass === 'A') {
      // Every view of an A-class record is logged.
      await ctx.write((w) => w.audit({ action: 'view', entity: 'customer', entityId: customer.id, summary: { code: customer.code, name: customer.name } }));
    }
    return { customer, contacts };
  },

  'customers.create': async (input, ctx) => {
    const values = input.customer;
    checkReceivedOn(ctx, input.receivedOn);
    checkClassAllowed(ctx.session, values.abcClass, 'customer.abcClass');
    await checkCodeFree(ctx.tx, values.code, 'customer.code');
    await checkReferences(ctx.tx, values, 'customer.');
    const now = ctx.clock.now().toISOString();
    const columns = CUSTOMER_FIELDS.map((f) => CUSTOMER_COLUMN[f]);
    // The order cycle agreed at registration is not a change: only later changes need a supervisor's approval.
    const { lastID: id } = await ctx.tx.run(
      `INSERT INTO customers (${columns.join(', ')}, name_sort, created_at, updated_at)
       VALUES (${columns.map(() => '?').join(', ')}, ?, ?, ?)`,
      [...CUSTOMER_FIELDS.map((f) => toDb(values[f])), nameSortKey(values.name), now, now],
    );
    await recordChanges(ctx, id, input.receivedOn, [
      { entity: 'customer', entityId: id, entityLabel: values.name, field: 'created', oldValue: null, newValue: `${values.code} ${values.name}` },
    ]);
    for (const contact of input.contacts) await insertContact(ctx, id, contact, input.receivedOn);
    await ctx.audit({ action: 'create', entity: 'customer', entityId: id, summary: { after: values, contacts: input.contacts.length } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    const customer = (await loadCustomer(ctx.tx, id))!;
    return { customer, contacts: await loadContacts(ctx.tx, id) };
  },

  'customers.update': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const current = await editableCustomer(ctx, input.id, input.version);
    if (current.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived');
    const changes = input.changes as Partial<CustomerValues>;
    const changed = diff(current as unknown as Record<string, unknown>, changes as Record<string, unknown>);
    if (changed.length === 0) return current;

    const fields = new Set(changed.map((c) => c.field));
    if (fields.has('code')) {
      if (!allows(ctx.session.roles, 'customers.editCode')) {
        throw new AppError('FORBIDDEN', 'errors.customer.codeAdminOnly', { issues: [{ path: 'changes.code', key: 'errors.customer.codeAdminOnly' }] });
      }
      await checkCodeFree(ctx.tx, changes.code!, 'changes.code', current.id);
    }
    if (fields.has('abcClass')) checkClassAllowed(ctx.session, changes.abcClass, 'changes.abcClass');
    await checkReferences(ctx.tx, Object.fromEntries(changed.map((c) => [c.field, c.newValue])) as Partial<CustomerValues>, 'changes.');
    // 订货周期: applied now only by an approver; anyone else's change waits for one (access/orderCycle.ts).
    if (fields.has('orderCycle') && !(await routeOrderCycleChange(ctx, current, changes.orderCycle ?? null, input.receivedOn))) {
      changed.splice(changed.findIndex((c) => c.field === 'orderCycle'), 1);
      fields.delete('orderCycle');
      if (changed.length === 0) return current;
    }

    const sets = changed.map((c) => `${CUSTOMER_COLUMN[c.field as keyof typeof CUSTOMER_COLUMN]} = ?`);
    const params = changed.map((c) => toDb(c.newValue));
    if (fields.has('name')) {
      sets.push('name_sort = ?');
      params.push(nameSortKey(changes.name!));
    }
    if (fields.has('orderCycle')) {
      sets.push('order_cycle_approved_by = ?');
      params.push(ctx.session.displayName);
    }
    await ctx.tx.run(`UPDATE customers SET ${sets.join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`, [
      ...params,
      ctx.clock.now().toISOString(),
      current.id,
    ]);
    const entries = [];
    for (const c of changed) {
      const manager = c.field === 'managerStaffId';
      entries.push({
        entity: 'customer' as const,
        entityId: current.id,
        entityLabel: current.name,
        field: c.field,
        oldValue: manager ? current.managerName : c.oldValue,
        newValue: manager ? await staffName(ctx.tx, c.newValue) : c.newValue,
        approvedBy: c.field === 'orderCycle' ? ctx.session.displayName : null,
      });
    }
    await recordChanges(ctx, current.id, input.receivedOn, entries);
    await ctx.audit({
      action: 'update',
      entity: 'customer',
      entityId: current.id,
      summary: { code: current.code, before: Object.fromEntries(changed.map((c) => [c.field, c.oldValue])), after: Object.fromEntries(changed.map((c) => [c.field, c.newValue])) },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return (await loadCustomer(ctx.tx, current.id))!;
  },

  'customers.archive': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const current = await editableCustomer(ctx, input.id, input.version);
    if (current.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.alreadyArchived');
    // Contracts are kept 10 years after they end, and their customer with them.
    await checkContractRetention(ctx.tx, current.id, localDate(ctx.clock.now()));
    const now = ctx.clock.now().toISOString();
    await ctx.tx.run(
      `UPDATE customers SET status = 'archived', archived_at = ?, archived_reason = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [now, input.reason, now, current.id],
    );
    await recordChanges(ctx, current.id, input.receivedOn, [
      { entity: 'customer', entityId: current.id, entityLabel: current.name, field: 'status', oldValue: 'active', newValue: 'archived' },
      { entity: 'customer', entityId: current.id, entityLabel: current.name, field: 'archivedReason', oldValue: current.archivedReason, newValue: input.reason },
    ]);
    await ctx.audit({ action: 'archive', entity: 'customer', entityId: current.id, summary: { code: current.code, reason: input.reason } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return (await loadCustomer(ctx.tx, current.id))!;
  },

  'customers.restore': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const current = await editableCustomer(ctx, input.id, input.version);
    if (current.status !== 'archived') throw new AppError('CONFLICT', 'errors.customer.notArchived');
    // Its records now live under the customer it was merged into; restoring it would bring back an empty twin.
    if (current.mergedIntoId !== null)
      throw new AppError('CONFLICT', 'customers.merge.errors.restoreMerged', { params: { into: current.mergedIntoLabel ?? '' } });
    await ctx.tx.run(
      `UPDATE customers SET status = 'active', archived_at = NULL, archived_reason = NULL, version = version + 1, updated_at = ? WHERE id = ?`,
      [ctx.clock.now().toISOString(), current.id],
    );
    await recordChanges(ctx, current.id, input.receivedOn, [
      { entity: 'customer', entityId: current.id, entityLabel: current.name, field: 'status', oldValue: 'archived', newValue: 'active' },
      { entity: 'customer', entityId: current.id, entityLabel: current.name, field: 'restoreReason', oldValue: null, newValue: input.reason },
    ]);
    await ctx.audit({ action: 'restore', entity: 'customer', entityId: current.id, summary: { code: current.code, reason: input.reason } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return (await loadCustomer(ctx.tx, current.id))!;
  },

  'customers.mergePreview': async (input, ctx) => {
    const preview = await mergePreview(ctx.session, ctx.db, input.keepId, input.duplicateId);
    const aClass = [preview.keep, preview.duplicate].filter((side) => side.abcClass === 'A');
    if (aClass.length > 0)
      await ctx.write(async (w) => {
        for (const side of aClass)
          await w.audit({ action: 'view', entity: 'customer', entityId: side.id, summary: { code: side.code, name: side.name } });
      });
    return preview;
  },
  'customers.merge': async (input, ctx) => mergeCustomers(ctx, input),

  'customers.history': async (input, ctx) => {
    await visibleCustomer(ctx.session, ctx.db, input.customerId);
    return gridPage(ctx.db, historyGrid, input, [{ sql: 'h.customer_id = ?', params: [input.customerId] }]);
  },

  'customers.export': async (input, ctx) => exportCustomers(input, ctx),
});

