import { AppError } from '@shared/errors';
import { CONTACT_FIELDS, type ContactInput, type ContactRecord } from '@shared/schemas/customer';
import type { z } from 'zod';
import type { contactInput } from '@shared/schemas/customer';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import { CONTACT_COLUMN, toDb } from './columns';
import { checkReceivedOn, diff, recordChanges } from './history';
import { loadContact, visibleCustomer } from './records';


type ContactValues = z.output<typeof contactInput>;

/** Adds a contact and its history entry; the customer must be visible and on file (在册). */
export async function insertContact(ctx: WriteContext, customerId: number, contact: ContactValues, receivedOn: string): Promise<number> {
  const columns = CONTACT_FIELDS.map((f) => CONTACT_COLUMN[f]);
  const { lastID } = await ctx.tx.run(
    `INSERT INTO contacts (customer_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
    [customerId, ...CONTACT_FIELDS.map((f) => toDb(contact[f]))],
  );
  await recordChanges(ctx, customerId, receivedOn, [
    { entity: 'contact', entityId: lastID, entityLabel: contact.name, field: 'contactAdded', oldValue: null, newValue: describe(contact) },
  ]);
  return lastID;
}

function describe(c: Partial<ContactValues>): string {
  return [c.name, c.title, c.mobile ?? c.directLine].filter(Boolean).join(' ');
}

async function activeCustomerOf(ctx: WriteContext, customerId: number) {
  const customer = await visibleCustomer(ctx.session, ctx.tx, customerId);
  if (customer.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived');
  return customer;
}

async function existingContact(ctx: WriteContext, id: number): Promise<ContactRecord> {
  const contact = await loadContact(ctx.tx, id);
  if (!contact) throw new AppError('NOT_FOUND', 'errors.contact.notFound');
  await activeCustomerOf(ctx, contact.customerId);
  return contact;
}

export const contactHandlers = handlers({
  'contacts.create': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const customer = await activeCustomerOf(ctx, input.customerId);
    const id = await insertContact(ctx, customer.id, input.contact, input.receivedOn);
    await ctx.tx.run('UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?', [ctx.clock.now().toISOString(), customer.id]);
    await ctx.audit({ action: 'create', entity: 'contact', entityId: id, summary: { customer: customer.code, after: input.contact } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return (await loadContact(ctx.tx, id))!;
  },

  'contacts.update': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const current = await existingContact(ctx, input.id);
    const changed = diff(current as unknown as Record<string, unknown>, input.changes as Partial<ContactInput> as Record<string, unknown>);
    if (changed.length === 0) return current;
    await ctx.tx.run(
      `UPDATE contacts SET ${changed.map((c) => `${CONTACT_COLUMN[c.field as keyof typeof CONTACT_COLUMN]} = ?`).join(', ')} WHERE id = ?`,
      [...changed.map((c) => toDb(c.newValue)), current.id],
    );
    await ctx.tx.run('UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?', [ctx.clock.now().toISOString(), current.customerId]);
    await recordChanges(
      ctx,
      current.customerId,
      input.receivedOn,
      changed.map((c) => ({ entity: 'contact', entityId: current.id, entityLabel: current.name, field: c.field, oldValue: c.oldValue, newValue: c.newValue })),
    );
    await ctx.audit({
      action: 'update',
      entity: 'contact',
      entityId: current.id,
      summary: { before: Object.fromEntries(changed.map((c) => [c.field, c.oldValue])), after: Object.fromEntries(changed.map((c) => [c.field, c.newValue])) },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return (await loadContact(ctx.tx, current.id))!;
  },

  'contacts.remove': async (input, ctx) => {
    checkReceivedOn(ctx, input.receivedOn);
    const current = await existingContact(ctx, input.id);
    // The row stays: the history and the audit still name who the contact was.
    await ctx.tx.run('UPDATE contacts SET removed_at = ?, removed_reason = ? WHERE id = ?', [ctx.clock.now().toISOString(), input.reason, current.id]);
    await ctx.tx.run('UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?', [ctx.clock.now().toISOString(), current.customerId]);
    await recordChanges(ctx, current.customerId, input.receivedOn, [
      { entity: 'contact', entityId: current.id, entityLabel: current.name, field: 'contactRemoved', oldValue: describe(current), newValue: input.reason },
    ]);
    await ctx.audit({ action: 'remove', entity: 'contact', entityId: current.id, summary: { name: current.name, reason: input.reason } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'customer' }));
    return { ok: true as const };
  },
});
