import { localDate } from '@shared/dates';
import { isOverdue } from '@shared/cadence';
import { handlers } from '../registry';
import { gridPage } from '../grid/page';
import { visibleCustomer } from '../customers/records';
import { overdueCustomers, readCadence, writeCadence } from './cadenceStore';
import { overdueGrid } from './grids';
import { exportOverdue } from './exports';

export const cadenceHandlers = handlers({
  'cadence.get': async (_input, ctx) => readCadence(ctx.db),

  'cadence.update': async (input, ctx) => {
    const before = await readCadence(ctx.tx);
    const changed = await writeCadence(ctx.tx, input, ctx.clock.now().toISOString());
    if (changed.length === 0) return before;
    await ctx.audit({
      action: 'update',
      entity: 'settings',
      entityId: 'visits.cadence',
      summary: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visit' }));
    return readCadence(ctx.tx);
  },

  'cadence.customer': async (input, ctx) => {
    const customer = await visibleCustomer(ctx.session, ctx.db, input.customerId);
    const row = (await ctx.db.get<{
      baselineOn: string;
      lastContactOn: string | null;
      lastVisitOn: string | null;
      nextPhoneDue: string;
      nextVisitDue: string;
      phoneDays: number;
      visitMonths: number;
    }>(
      `SELECT baseline_on AS baselineOn, last_contact_on AS lastContactOn, last_visit_on AS lastVisitOn,
         next_phone_due AS nextPhoneDue, next_visit_due AS nextVisitDue, phone_days AS phoneDays, visit_months AS visitMonths
       FROM customer_cadence WHERE customer_id = ?`,
      [customer.id],
    ))!;
    const today = localDate(ctx.clock.now());
    // An archived customer is no longer looked after: nothing about it is overdue.
    const onFile = customer.status === 'active';
    return {
      customerId: customer.id,
      abcClass: customer.abcClass,
      ...row,
      phoneOverdue: onFile && isOverdue(row.nextPhoneDue, today),
      visitOverdue: onFile && isOverdue(row.nextVisitDue, today),
    };
  },

  'cadence.overdue': async (input, ctx) => {
    const today = localDate(ctx.clock.now());
    return gridPage(ctx.db, overdueGrid(today), input, overdueCustomers(ctx.session, today));
  },

  'cadence.overdueExport': async (input, ctx) => exportOverdue(input, ctx),
});
