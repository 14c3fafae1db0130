import { AppError } from '@shared/errors';
import type { ComplaintDetail, ComplaintRecord } from '@shared/schemas/complaint';
import type { WriteContext } from '../handlers';
import { loadDetail, recordEvent, visibleComplaint } from './records';
import { STEPS, nextStatus, type Step } from './flow';

/** A complaint this session may change: visible, and not changed by someone else since it was opened. */
export async function editableComplaint(
  ctx: WriteContext,
  id: number,
  version: number,
): Promise<ComplaintRecord> {
  const complaint = await visibleComplaint(ctx.session, ctx.tx, id, ctx.clock.now());
  if (complaint.version !== version) throw new AppError('CONFLICT', 'complaints.errors.stale');
  return complaint;
}

/**
 * Runs one step of the flow: checks the status allows it, writes the step's fields (column → value) with the new
 * status, appends the timeline entry and the audit entry, all in the caller's transaction.
 */
export async function advance(
  ctx: WriteContext,
  input: { id: number; version: number },
  step: Step,
  columns: Record<string, string | number | null>,
  detail: Record<string, unknown>,
): Promise<ComplaintDetail> {
  const current = await editableComplaint(ctx, input.id, input.version);
  const status = nextStatus(current.status, step);
  const now = ctx.clock.now().toISOString();
  const names = Object.keys(columns);
  await ctx.tx.run(
    `UPDATE complaints SET status = ?, ${names.map((n) => `${n} = ?`).join(', ')}${names.length ? ', ' : ''}version = version + 1, updated_at = ?
     WHERE id = ?`,
    [status, ...names.map((n) => columns[n]!), now, current.id],
  );
  await recordEvent(ctx.tx, {
    complaintId: current.id,
    at: now,
    session: ctx.session,
    action: STEPS[step].event,
    statusAfter: status,
    detail,
  });
  await ctx.audit({
    action: step,
    entity: 'complaint',
    entityId: current.id,
    summary: { number: current.number, before: { status: current.status }, after: { status, ...detail } },
  });
  ctx.afterCommit(() => ctx.events.emit('data.changed', { entity: 'complaint' }));
  return loadDetail(ctx.tx, current.id, ctx.clock.now());
}
