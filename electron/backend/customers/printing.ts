import { HISTORY_SHEET_MAX } from '@shared/schemas/printing';
import { localDate } from '@shared/dates';
import type { CustomerRecord } from '@shared/schemas/customer';
import { handlers } from '../registry';
import type { ManualContext } from '../handlers';
import type { Reader } from '../db/connection';
import { loadContacts, visibleCustomer } from './records';
import { historyGrid } from './grids';
import { cardComplaints, cardVisits } from './cardSections';

/** Code-list labels keyed `list:code`, inactive entries included (old records still print words). */
async function codeLabels(db: Reader): Promise<Record<string, string>> {
  const rows = await db.all<{ list: string; code: string; label: string }>('SELECT list, code, label FROM code_list_entries');
  return Object.fromEntries(rows.map((r) => [`${r.list}:${r.code}`, r.label]));
}

/** Printing an A-class record shows it: logged like a detail view. */
async function logPrint(ctx: ManualContext, customer: CustomerRecord, sheet: string) {
  if (customer.abcClass !== 'A') return;
  await ctx.write((w) => w.audit({ action: 'print', entity: 'customer', entityId: customer.id, summary: { sheet, code: customer.code, name: customer.name } }));
}

export const customerPrintHandlers = handlers({
  'customers.card': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.id);
    const [contacts, labels, visits, complaints] = await Promise.all([
      loadContacts(ctx.db, customer.id),
      codeLabels(ctx.db),
      cardVisits(ctx.db, customer.id),
      cardComplaints(ctx.db, customer.id, localDate(ctx.clock.now())),
    ]);
    await logPrint(ctx, customer, 'customer-card');
    return { customer, contacts, codeLabels: labels, visits, complaints };
  },

  'customers.historySheet': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.id);
    const rows = await ctx.db.all<Record<string, unknown>>(
      `SELECT ${historyGrid.select} FROM customer_changes h WHERE h.customer_id = ? ORDER BY h.changed_at, h.id LIMIT ?`,
      [customer.id, HISTORY_SHEET_MAX + 1],
    );
    await logPrint(ctx, customer, 'customer-history');
    return {
      customer,
      codeLabels: await codeLabels(ctx.db),
      changes: rows.slice(0, HISTORY_SHEET_MAX).map((r) => historyGrid.mapRow(r)),
      truncated: rows.length > HISTORY_SHEET_MAX,
    };
  },
});
