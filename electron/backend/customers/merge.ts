import { AppError } from '@shared/errors';
import type { CustomerRecord } from '@shared/schemas/customer';
import type { CustomerMergeInput, CustomerMergePreview, MergeMove, MergeSide } from '@shared/schemas/customerMerge';
import type { Session } from '../auth/sessions';
import type { WriteContext } from '../handlers';
import type { Reader } from '../db/connection';
import type { Tx } from '../db/writeQueue';
import { checkReceivedOn, recordChanges } from './history';
import { loadCustomer, visibleCustomer } from './records';
import { recordMovedRecords } from './mergeTrail';

/**
 * 合并重复客户 (customers.md "Access": only admin merges duplicates). The kept customer's record stays as it is;
 * everything filed under the duplicate — contacts, visits, plan lines, contracts, complaints, paper documents —
 * moves to it, and the duplicate is archived with a pointer to the kept one. Nothing is deleted except a plan line
 * that would plan the same person's visit to the same customer twice in a month. Each moved visit, contract and
 * complaint says so in its own history (mergeTrail.ts). The duplicate's change history, access requests and A-class
 * view log stay with it: they are what happened to that record.
 */

/** How each tab counts what would move (removed contacts and documents move too, but are not counted). */
const COUNTS: Record<MergeMove, string> = {
  contacts: 'SELECT count(*) AS n FROM contacts WHERE customer_id = ? AND removed_at IS NULL',
  visits: 'SELECT count(*) AS n FROM visits WHERE customer_id = ? AND voided_at IS NULL',
  planLines: 'SELECT count(*) AS n FROM visit_plans WHERE customer_id = ?',
  contracts: 'SELECT count(*) AS n FROM contracts WHERE customer_id = ?',
  complaints: 'SELECT count(*) AS n FROM complaints WHERE customer_id = ?',
  archiveDocs: 'SELECT count(*) AS n FROM archive_documents WHERE customer_id = ? AND removed_at IS NULL',
};

async function side(db: Reader | Tx, customer: CustomerRecord): Promise<MergeSide> {
  const counts = {} as Record<MergeMove, number>;
  for (const [move, sql] of Object.entries(COUNTS) as [MergeMove, string][])
    counts[move] = (await db.get<{ n: number }>(sql, [customer.id]))!.n;
  return {
    id: customer.id,
    version: customer.version,
    code: customer.code,
    name: customer.name,
    abcClass: customer.abcClass,
    status: customer.status,
    managerName: customer.managerName,
    phone: customer.phone,
    address: customer.address,
    registeredOn: customer.registeredOn,
    counts,
  };
}

/** The duplicate's plan lines whose month and person already plan a visit to the kept customer. */
const CLASHING_PLAN_LINES = `FROM visit_plans AS d WHERE d.customer_id = ? AND EXISTS (
  SELECT 1 FROM visit_plans k WHERE k.customer_id = ? AND k.month = d.month AND k.staff_id = d.staff_id)`;

interface Problem {
  key: string;
  params?: Record<string, string>;
}

/** Why these two cannot be merged, in the order the preview lists them. */
async function problems(db: Reader | Tx, keep: CustomerRecord, duplicate: CustomerRecord): Promise<Problem[]> {
  const found: Problem[] = [];
  for (const c of [keep, duplicate])
    if (c.status !== 'active') found.push({ key: 'customers.merge.errors.notActive', params: { code: c.code } });
  // An A-class record moved under a B/C customer would show to everyone; a B/C one under an A customer would
  // vanish for most of the office. The class is the admin's decision, made before the merge.
  if ((keep.abcClass === 'A') !== (duplicate.abcClass === 'A')) found.push({ key: 'customers.merge.errors.aClass' });
  const pending = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM order_cycle_requests WHERE customer_id = ? AND status = 'pending'`,
    [duplicate.id],
  );
  if (pending!.n > 0) found.push({ key: 'customers.merge.errors.pendingOrderCycle', params: { code: duplicate.code } });
  return found;
}

export async function mergePreview(
  session: Session,
  db: Reader,
  keepId: number,
  duplicateId: number,
): Promise<CustomerMergePreview> {
  const keep = await visibleCustomer(session, db, keepId);
  const duplicate = await visibleCustomer(session, db, duplicateId);
  const dropped = await db.get<{ n: number }>(`SELECT count(*) AS n ${CLASHING_PLAN_LINES}`, [duplicate.id, keep.id]);
  return {
    keep: await side(db, keep),
    duplicate: await side(db, duplicate),
    planLinesDropped: dropped!.n,
    problems: await problems(db, keep, duplicate),
  };
}

async function current(ctx: WriteContext, id: number, version: number): Promise<CustomerRecord> {
  const customer = await visibleCustomer(ctx.session, ctx.tx, id);
  if (customer.version !== version) throw new AppError('CONFLICT', 'errors.customer.stale');
  return customer;
}

export async function mergeCustomers(ctx: WriteContext, input: CustomerMergeInput): Promise<CustomerRecord> {
  checkReceivedOn(ctx, input.receivedOn);
  const keep = await current(ctx, input.keepId, input.keepVersion);
  const duplicate = await current(ctx, input.duplicateId, input.duplicateVersion);
  const [problem] = await problems(ctx.tx, keep, duplicate);
  if (problem) throw new AppError('CONFLICT', problem.key, problem.params ? { params: problem.params } : undefined);

  const moved = (await side(ctx.tx, duplicate)).counts;
  const now = ctx.clock.now().toISOString();
  const label = (c: CustomerRecord) => `${c.code} ${c.name}`;
  await recordMovedRecords(ctx, duplicate.id, label(duplicate), label(keep));
  const from = [keep.id, duplicate.id];
  await ctx.tx.run('UPDATE contacts SET customer_id = ? WHERE customer_id = ?', from);
  // Moving a visit, a contract or a complaint is a change of it: an edit form still open on it must reload.
  // (The visits trigger recomputes both customers' contact cadence.)
  await ctx.tx.run('UPDATE visits SET customer_id = ?, version = version + 1 WHERE customer_id = ?', from);
  await ctx.tx.run('UPDATE contracts SET customer_id = ?, version = version + 1 WHERE customer_id = ?', from);
  await ctx.tx.run('UPDATE complaints SET customer_id = ?, version = version + 1 WHERE customer_id = ?', from);
  const dropped = await ctx.tx.run(`DELETE ${CLASHING_PLAN_LINES}`, [duplicate.id, keep.id]);
  await ctx.tx.run('UPDATE visit_plans SET customer_id = ?, updated_at = ? WHERE customer_id = ?', [keep.id, now, duplicate.id]);
  // The duplicate's paper file goes behind the kept one's: its items keep their order, numbered after the last.
  const last = await ctx.tx.get<{ n: number }>(
    'SELECT coalesce(max(sequence), 0) AS n FROM archive_documents WHERE customer_id = ? AND removed_at IS NULL',
    [keep.id],
  );
  await ctx.tx.run(
    'UPDATE archive_documents SET customer_id = ?, sequence = sequence + ?, updated_at = ? WHERE customer_id = ?',
    [keep.id, last!.n, now, duplicate.id],
  );

  await ctx.tx.run(
    `UPDATE customers SET status = 'archived', archived_at = ?, archived_reason = ?, merged_into_id = ?,
       version = version + 1, updated_at = ? WHERE id = ?`,
    [now, input.reason, keep.id, now, duplicate.id],
  );
  await ctx.tx.run('UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?', [now, keep.id]);

  const customerLine = (c: CustomerRecord, field: string, oldValue: unknown, newValue: unknown) => ({
    entity: 'customer' as const,
    entityId: c.id,
    entityLabel: c.name,
    field,
    oldValue,
    newValue,
  });
  await recordChanges(ctx, keep.id, input.receivedOn, [customerLine(keep, 'mergedFrom', null, label(duplicate))]);
  await recordChanges(ctx, duplicate.id, input.receivedOn, [
    customerLine(duplicate, 'status', 'active', 'archived'),
    customerLine(duplicate, 'mergedInto', null, label(keep)),
    customerLine(duplicate, 'archivedReason', duplicate.archivedReason, input.reason),
  ]);
  await ctx.audit({
    action: 'merge',
    entity: 'customer',
    entityId: keep.id,
    summary: {
      code: keep.code,
      duplicate: duplicate.code,
      reason: input.reason,
      ...moved,
      planLines: moved.planLines - dropped.changes,
      planLinesDropped: dropped.changes,
    },
  });
  // Every page that lists what moved refreshes, not only the customer's.
  ctx.afterCommit(() => {
    for (const entity of ['customer', 'visit', 'visitPlan', 'contract', 'complaint', 'archiveDoc'])
      ctx.events.emit('data.changed', { entity });
  });
  return (await loadCustomer(ctx.tx, keep.id))!;
}
