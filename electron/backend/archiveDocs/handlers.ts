import { AppError, fieldError } from '@shared/errors';
import { ARCHIVE_DOC_FIELDS, type ArchiveDocRecord } from '@shared/schemas/archiveDoc';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import { visibleCustomer } from '../customers/records';
import { diff } from '../customers/history';
import { ARCHIVE_DOC_COLUMN } from './columns';
import { compactItems, fileIndexRows, itemNumbers, loadDoc, notFound } from './records';

/** The customer whose file is changed: visible to this user and on file (archived customers are frozen). */
async function customerOnFile(ctx: WriteContext, customerId: number) {
  const customer = await visibleCustomer(ctx.session, ctx.tx, customerId);
  if (customer.status === 'archived') throw new AppError('CONFLICT', 'errors.customer.archived');
  return customer;
}

async function existingDoc(ctx: WriteContext, id: number): Promise<ArchiveDocRecord> {
  const doc = await loadDoc(ctx.tx, id);
  if (!doc) throw notFound();
  await visibleCustomer(ctx.session, ctx.tx, doc.customerId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound() : err;
  });
  await customerOnFile(ctx, doc.customerId);
  return doc;
}

const announce = (ctx: WriteContext) => ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'archiveDoc' }));

/** 档案文件登记: register, edit, reorder and remove (with a reason) the paper documents of a customer's file. */
export const archiveDocHandlers = handlers({
  'archiveDocs.list': async (input, ctx) => {
    await visibleCustomer(ctx.session, ctx.db, input.customerId);
    return fileIndexRows(ctx.db, input.customerId);
  },

  'archiveDocs.index': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.customerId);
    const rows = await fileIndexRows(ctx.db, customer.id);
    if (customer.abcClass === 'A') {
      // Printing an A-class customer's file index shows the record: every such view is logged.
      await ctx.write((w) =>
        w.audit({ action: 'view', entity: 'customer', entityId: customer.id, summary: { code: customer.code, name: customer.name, sheet: 'fileIndex' } }),
      );
    }
    return {
      customer: { id: customer.id, code: customer.code, name: customer.name, abcClass: customer.abcClass },
      rows,
      items: new Set(rows.map((r) => r.sequence)).size,
      totalPages: rows.at(-1)?.endPage ?? 0,
    };
  },

  'archiveDocs.create': async (input, ctx) => {
    const customer = await customerOnFile(ctx, input.customerId);
    const numbers = await itemNumbers(ctx.tx, customer.id);
    const last = numbers.at(-1) ?? 0;
    // Left out (or past the end): the document starts a new last item.
    const sequence = Math.min(input.doc.sequence ?? last + 1, last + 1);
    const now = ctx.clock.now().toISOString();
    const values = { ...input.doc, sequence };
    const columns = ARCHIVE_DOC_FIELDS.map((f) => ARCHIVE_DOC_COLUMN[f]);
    const { lastID } = await ctx.tx.run(
      `INSERT INTO archive_documents (customer_id, ${columns.join(', ')}, created_at, updated_at)
       VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?)`,
      [customer.id, ...ARCHIVE_DOC_FIELDS.map((f) => values[f] ?? null), now, now],
    );
    await ctx.audit({ action: 'create', entity: 'archiveDoc', entityId: lastID, summary: { customer: customer.code, after: values } });
    announce(ctx);
    return (await loadDoc(ctx.tx, lastID))!;
  },

  'archiveDocs.update': async (input, ctx) => {
    const current = await existingDoc(ctx, input.id);
    const changed = diff(current as unknown as Record<string, unknown>, input.changes as Record<string, unknown>);
    if (changed.length === 0) return current;
    const last = (await itemNumbers(ctx.tx, current.customerId)).at(-1) ?? 0;
    // A number past the end starts a new last item; the renumbering below closes any gap left behind.
    const values = changed.map((c) => (c.field === 'sequence' ? Math.min(c.newValue as number, last + 1) : (c.newValue ?? null)));
    await ctx.tx.run(
      `UPDATE archive_documents SET ${changed.map((c) => `${ARCHIVE_DOC_COLUMN[c.field as keyof typeof ARCHIVE_DOC_COLUMN]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
      [...values, ctx.clock.now().toISOString(), current.id],
    );
    await compactItems(ctx.tx, current.customerId);
    await ctx.audit({
      action: 'update',
      entity: 'archiveDoc',
      entityId: current.id,
      summary: { title: current.title, before: Object.fromEntries(changed.map((c) => [c.field, c.oldValue])), after: Object.fromEntries(changed.map((c) => [c.field, c.newValue])) },
    });
    announce(ctx);
    return (await loadDoc(ctx.tx, current.id))!;
  },

  'archiveDocs.reorder': async (input, ctx) => {
    const customer = await customerOnFile(ctx, input.customerId);
    const numbers = await itemNumbers(ctx.tx, customer.id);
    const sameItems = input.order.length === numbers.length && new Set(input.order).size === numbers.length && input.order.every((n) => numbers.includes(n));
    if (!sameItems) throw fieldError('order', 'archiveDocs.errors.orderMismatch');
    if (input.order.every((n, i) => n === numbers[i])) return { ok: true as const };
    // Two steps so no number is ever held by two items at once: out of the way, then into place.
    const OFFSET = 100_000;
    await ctx.tx.run(
      `UPDATE archive_documents SET sequence = CASE sequence ${input.order.map(() => 'WHEN ? THEN ?').join(' ')} END + ${OFFSET}
       WHERE customer_id = ? AND removed_at IS NULL`,
      [...input.order.flatMap((n, i) => [n, i + 1]), customer.id],
    );
    await ctx.tx.run(`UPDATE archive_documents SET sequence = sequence - ${OFFSET}, updated_at = ? WHERE customer_id = ? AND removed_at IS NULL`, [
      ctx.clock.now().toISOString(),
      customer.id,
    ]);
    await ctx.audit({ action: 'reorder', entity: 'archiveDoc', entityId: null, summary: { customer: customer.code, before: numbers, order: input.order } });
    announce(ctx);
    return { ok: true as const };
  },

  'archiveDocs.remove': async (input, ctx) => {
    const current = await existingDoc(ctx, input.id);
    // The row stays, as removed: the audit and the paper trail still say what was registered.
    await ctx.tx.run('UPDATE archive_documents SET removed_at = ?, removed_reason = ? WHERE id = ?', [ctx.clock.now().toISOString(), input.reason, current.id]);
    await compactItems(ctx.tx, current.customerId);
    await ctx.audit({ action: 'remove', entity: 'archiveDoc', entityId: current.id, summary: { title: current.title, reason: input.reason } });
    announce(ctx);
    return { ok: true as const };
  },
});
