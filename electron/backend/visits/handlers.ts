import { AppError } from '@shared/errors';
import { VISIT_FIELDS, type VisitRecord, type VisitValues } from '@shared/schemas/visits';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import { gridPage } from '../grid/page';
import { toDb } from '../customers/columns';
import { diff } from '../customers/history';
import { visibleCustomer } from '../customers/records';
import { visibleCustomers } from '../customers/visibility';
import { loadVisit, loadVisitChanges, visibleVisit, VISIT_COLUMN } from './records';
import { activeCustomer, checkVisitValues } from './rules';
import { visitGrid } from './grids';
import { exportVisits } from './exports';
import { recentVisits } from './recent';

interface ChangeLine {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Appends lines to the visit's own history, inside the caller's transaction. */
async function recordVisitChanges(ctx: WriteContext, visitId: number, lines: ChangeLine[]): Promise<void> {
  const at = ctx.clock.now().toISOString();
  for (const line of lines) {
    await ctx.tx.run(
      `INSERT INTO visit_changes (visit_id, field, old_value, new_value, user_id, user_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [visitId, line.field, asText(line.oldValue), asText(line.newValue), ctx.session.userId, ctx.session.displayName, at],
    );
  }
}

/** A visit that may still be changed: visible, not voided, its customer on file, and not changed since it was read. */
async function editableVisit(ctx: WriteContext, id: number, version: number): Promise<VisitRecord> {
  const visit = await visibleVisit(ctx.session, ctx.tx, id);
  if (visit.version !== version) throw new AppError('CONFLICT', 'visits.errors.stale');
  if (visit.status === 'voided') throw new AppError('CONFLICT', 'visits.errors.voided');
  await activeCustomer(ctx, visit.customerId);
  return visit;
}

async function staffName(ctx: WriteContext, id: unknown): Promise<string | null> {
  return (await ctx.tx.get<{ name: string }>('SELECT name FROM staff WHERE id = ?', [id]))?.name ?? null;
}

export const visitHandlers = handlers({
  'visits.query': async (input, ctx) => {
    const extra = [visibleCustomers(ctx.session)];
    if (input.customerId !== undefined) {
      await visibleCustomer(ctx.session, ctx.db, input.customerId);
      extra.push({ sql: 'vis.customer_id = ?', params: [input.customerId] });
    }
    return gridPage(ctx.db, visitGrid, input, extra);
  },

  'visits.get': async (input, ctx) => {
    const visit = await visibleVisit(ctx.session, ctx.db, input.id);
    const changes = await loadVisitChanges(ctx.db, visit.id);
    if (visit.abcClass === 'A') {
      // Every view of an A-class record is logged, its visits included.
      await ctx.write((w) => w.audit({ action: 'view', entity: 'visit', entityId: visit.id, summary: { customer: visit.customerCode, visitedOn: visit.visitedOn } }));
    }
    return { visit, changes };
  },

  'visits.create': async (input, ctx) => {
    const customer = await activeCustomer(ctx, input.customerId);
    const values = input.visit;
    await checkVisitValues(ctx, customer.id, values, 'visit.');
    const now = ctx.clock.now().toISOString();
    const columns = VISIT_FIELDS.map((f) => VISIT_COLUMN[f]);
    const { lastID: id } = await ctx.tx.run(
      `INSERT INTO visits (customer_id, ${columns.join(', ')}, created_by_user_id, created_by, created_at, updated_at)
       VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
      [customer.id, ...VISIT_FIELDS.map((f) => toDb(values[f])), ctx.session.userId, ctx.session.displayName, now, now],
    );
    await recordVisitChanges(ctx, id, [{ field: 'created', oldValue: null, newValue: `${values.visitedOn} ${values.contactName}` }]);
    await ctx.audit({ action: 'create', entity: 'visit', entityId: id, summary: { customer: customer.code, after: values } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visit' }));
    return (await loadVisit(ctx.tx, id))!;
  },

  'visits.update': async (input, ctx) => {
    const current = await editableVisit(ctx, input.id, input.version);
    const changes = input.changes as Partial<VisitValues>;
    const changed = diff(current as unknown as Record<string, unknown>, changes as Record<string, unknown>);
    if (changed.length === 0) return current;
    await checkVisitValues(ctx, current.customerId, Object.fromEntries(changed.map((c) => [c.field, c.newValue])) as Partial<VisitValues>, 'changes.');
    await ctx.tx.run(
      `UPDATE visits SET ${changed.map((c) => `${VISIT_COLUMN[c.field as keyof typeof VISIT_COLUMN]} = ?`).join(', ')},
         version = version + 1, updated_at = ? WHERE id = ?`,
      [...changed.map((c) => toDb(c.newValue)), ctx.clock.now().toISOString(), current.id],
    );
    // The history names people, not ids: the staff member by name; the contact's id is only the link behind its name.
    const lines: ChangeLine[] = [];
    for (const c of changed) {
      if (c.field === 'contactId') continue;
      if (c.field === 'staffId') lines.push({ field: 'staffId', oldValue: current.staffName, newValue: await staffName(ctx, c.newValue) });
      else lines.push(c);
    }
    await recordVisitChanges(ctx, current.id, lines);
    await ctx.audit({
      action: 'update',
      entity: 'visit',
      entityId: current.id,
      summary: {
        customer: current.customerCode,
        before: Object.fromEntries(changed.map((c) => [c.field, c.oldValue])),
        after: Object.fromEntries(changed.map((c) => [c.field, c.newValue])),
      },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visit' }));
    return (await loadVisit(ctx.tx, current.id))!;
  },

  'visits.void': async (input, ctx) => {
    const current = await visibleVisit(ctx.session, ctx.tx, input.id);
    if (current.version !== input.version) throw new AppError('CONFLICT', 'visits.errors.stale');
    if (current.status === 'voided') throw new AppError('CONFLICT', 'visits.errors.alreadyVoided');
    await activeCustomer(ctx, current.customerId);
    const now = ctx.clock.now().toISOString();
    // The record stays, marked void: the register and the audit still show what was entered and why it was withdrawn.
    await ctx.tx.run(
      `UPDATE visits SET voided_at = ?, voided_reason = ?, voided_by = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [now, input.reason, ctx.session.displayName, now, current.id],
    );
    await recordVisitChanges(ctx, current.id, [{ field: 'voided', oldValue: null, newValue: input.reason }]);
    await ctx.audit({ action: 'void', entity: 'visit', entityId: current.id, summary: { customer: current.customerCode, visitedOn: current.visitedOn, reason: input.reason } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visit' }));
    return (await loadVisit(ctx.tx, current.id))!;
  },

  'visits.recent': async (input, ctx) => {
    await visibleCustomer(ctx.session, ctx.db, input.customerId);
    return recentVisits(ctx.db, input.customerId, input.limit);
  },

  'visits.export': async (input, ctx) => exportVisits(input, ctx),
});
