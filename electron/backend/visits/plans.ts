import { localDate } from '@shared/dates';
import { AppError, fieldError } from '@shared/errors';
import type { PlanRow } from '@shared/schemas/visits';
import { handlers } from '../registry';
import type { WriteContext } from '../handlers';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { gridPage } from '../grid/page';
import { canSeeClass, visibleCustomers } from '../customers/visibility';
import { planGrid } from './grids';
import { activeCustomer } from './rules';

const thisMonth = (ctx: { clock: { now(): Date } }) => localDate(ctx.clock.now()).slice(0, 7);

async function loadPlan(db: Reader | Tx, id: number, today: string): Promise<PlanRow | undefined> {
  const spec = planGrid(today);
  const raw = await db.get<Record<string, unknown>>(`SELECT ${spec.select} FROM ${spec.from} WHERE p.id = ?`, [id]);
  return raw ? spec.mapRow(raw) : undefined;
}

/** A plan line this session may see and still change: plans of a past month are closed, so their rate stands. */
async function editablePlan(ctx: WriteContext, id: number): Promise<PlanRow> {
  const plan = await loadPlan(ctx.tx, id, localDate(ctx.clock.now()));
  if (!plan || !canSeeClass(ctx.session, plan.abcClass)) throw new AppError('NOT_FOUND', 'visits.errors.planNotFound');
  checkMonthOpen(ctx, plan.month);
  return plan;
}

function checkMonthOpen(ctx: WriteContext, month: string): void {
  if (month < thisMonth(ctx)) throw new AppError('CONFLICT', 'visits.errors.planMonthClosed', { params: { month } });
}

function checkPlannedOn(month: string, plannedOn: string, path: string): void {
  if (plannedOn.slice(0, 7) !== month) throw fieldError(path, 'visits.errors.plannedOutsideMonth', { month });
}

export const planHandlers = handlers({
  'visitPlans.query': async (input, ctx) =>
    gridPage(ctx.db, planGrid(localDate(ctx.clock.now())), input, [visibleCustomers(ctx.session), { sql: 'p.month = ?', params: [input.month] }]),

  'visitPlans.summary': async (input, ctx) => {
    const visible = visibleCustomers(ctx.session);
    const first = `${input.month}-01`;
    const last = `${input.month}-31`;
    const [plans, visits] = await Promise.all([
      ctx.db.all<{ staffId: number; staffName: string; employeeNo: string; planned: number; done: number }>(
        `SELECT p.staff_id AS staffId, s.name AS staffName, s.employee_no AS employeeNo, count(*) AS planned,
           sum(EXISTS (SELECT 1 FROM visits vis WHERE vis.customer_id = p.customer_id AND vis.staff_id = p.staff_id AND vis.channel = 'visit'
             AND vis.voided_at IS NULL AND vis.visited_on >= ? AND vis.visited_on <= ?)) AS done
         FROM visit_plans p JOIN customers c ON c.id = p.customer_id JOIN staff s ON s.id = p.staff_id
         WHERE p.month = ? AND ${visible.sql} GROUP BY p.staff_id`,
        [first, last, input.month, ...visible.params],
      ),
      ctx.db.all<{ staffId: number; staffName: string; employeeNo: string; visits: number }>(
        `SELECT vis.staff_id AS staffId, s.name AS staffName, s.employee_no AS employeeNo, count(*) AS visits
         FROM visits vis JOIN customers c ON c.id = vis.customer_id JOIN staff s ON s.id = vis.staff_id
         WHERE vis.channel = 'visit' AND vis.voided_at IS NULL AND vis.visited_on >= ? AND vis.visited_on <= ? AND ${visible.sql}
         GROUP BY vis.staff_id`,
        [first, last, ...visible.params],
      ),
    ]);
    const byStaff = new Map<number, { staffId: number; staffName: string; employeeNo: string; planned: number; done: number; visits: number }>();
    for (const p of plans) byStaff.set(p.staffId, { ...p, visits: 0 });
    for (const vis of visits) {
      const row = byStaff.get(vis.staffId) ?? { staffId: vis.staffId, staffName: vis.staffName, employeeNo: vis.employeeNo, planned: 0, done: 0 };
      byStaff.set(vis.staffId, { ...row, visits: vis.visits });
    }
    const staff = [...byStaff.values()].sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : a.staffId - b.staffId));
    return { month: input.month, editable: input.month >= thisMonth(ctx), staff };
  },

  'visitPlans.add': async (input, ctx) => {
    checkMonthOpen(ctx, input.month);
    checkPlannedOn(input.month, input.plannedOn, 'plannedOn');
    const staff = await ctx.tx.get('SELECT 1 FROM staff WHERE id = ? AND active = 1', [input.staffId]);
    if (!staff) throw fieldError('staffId', 'visits.errors.staffUnknown');
    const customer = await activeCustomer(ctx, input.customerId);
    const taken = await ctx.tx.get('SELECT 1 FROM visit_plans WHERE month = ? AND staff_id = ? AND customer_id = ?', [input.month, input.staffId, customer.id]);
    if (taken) {
      throw new AppError('CONFLICT', 'visits.errors.planDuplicate', { issues: [{ path: 'customerId', key: 'visits.errors.planDuplicate' }] });
    }
    const now = ctx.clock.now().toISOString();
    const { lastID: id } = await ctx.tx.run(
      `INSERT INTO visit_plans (staff_id, month, customer_id, planned_on, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.staffId, input.month, customer.id, input.plannedOn, input.notes, ctx.session.displayName, now, now],
    );
    await ctx.audit({ action: 'create', entity: 'visitPlan', entityId: id, summary: { customer: customer.code, after: input } });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visitPlan' }));
    return (await loadPlan(ctx.tx, id, localDate(ctx.clock.now())))!;
  },

  'visitPlans.update': async (input, ctx) => {
    const current = await editablePlan(ctx, input.id);
    const plannedOn = input.plannedOn ?? current.plannedOn;
    checkPlannedOn(current.month, plannedOn, 'plannedOn');
    const notes = input.notes === undefined ? current.notes : input.notes || null;
    if (plannedOn === current.plannedOn && notes === current.notes) return current;
    await ctx.tx.run('UPDATE visit_plans SET planned_on = ?, notes = ?, updated_at = ? WHERE id = ?', [plannedOn, notes, ctx.clock.now().toISOString(), current.id]);
    await ctx.audit({
      action: 'update',
      entity: 'visitPlan',
      entityId: current.id,
      summary: { customer: current.customerCode, before: { plannedOn: current.plannedOn, notes: current.notes }, after: { plannedOn, notes } },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visitPlan' }));
    return (await loadPlan(ctx.tx, current.id, localDate(ctx.clock.now())))!;
  },

  'visitPlans.remove': async (input, ctx) => {
    const current = await editablePlan(ctx, input.id);
    // A plan line is an intention, not a record of what happened: taking it out of an open month is allowed, and audited.
    await ctx.tx.run('DELETE FROM visit_plans WHERE id = ?', [current.id]);
    await ctx.audit({
      action: 'remove',
      entity: 'visitPlan',
      entityId: current.id,
      summary: { month: current.month, staff: current.staffName, customer: current.customerCode, plannedOn: current.plannedOn },
    });
    ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'visitPlan' }));
    return { ok: true as const };
  },
});
